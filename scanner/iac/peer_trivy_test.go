package iac

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"gopkg.in/yaml.v3"
)

// trivyCheck is one check of trivy-checks, from its METADATA.
type trivyCheck struct {
	AVD        string // AVD-AWS-0088
	Path       string // checks/cloud/aws/s3/enable_bucket_encryption.rego
	Title      string
	Provider   string // aws, azure, google, kubernetes, dockerfile, ...
	Service    string
	Deprecated bool
	Samples    []peerSample
}

// trivyMeta is the part of a trivy-checks METADATA block the tests read.
type trivyMeta struct {
	Title  string `yaml:"title"`
	Custom struct {
		ID         string   `yaml:"id"`
		AVDID      string   `yaml:"avd_id"`
		Aliases    []string `yaml:"aliases"`
		Provider   string   `yaml:"provider"`
		Service    string   `yaml:"service"`
		Deprecated bool     `yaml:"deprecated"`
		Examples   string   `yaml:"examples"`
		Input      struct {
			Selector []struct {
				Type string `yaml:"type"`
			} `yaml:"selector"`
		} `yaml:"input"`
	} `yaml:"custom"`
}

// trivyFrameworks maps the sections of trivy's example files to the
// tollgate frameworks that read the same files.
var trivyFrameworks = map[string]struct{ framework, name string }{
	"terraform":      {"terraform", "main.tf"},
	"cloudformation": {"cloudformation", "template.yaml"},
	"kubernetes":     {"kubernetes", "manifest.yaml"},
	"dockerfile":     {"dockerfile", "Dockerfile"},
}

// loadTrivyChecks indexes trivy-checks by AVD id.
func loadTrivyChecks(t *testing.T, dir string) map[string]*trivyCheck {
	t.Helper()
	out := map[string]*trivyCheck{}
	err := filepath.WalkDir(filepath.Join(dir, "checks"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		m, ok, err := regoMetadata(src, &trivyMeta{})
		if err != nil || !ok {
			return err
		}
		avd := m.Custom.AVDID
		for _, a := range m.Custom.Aliases {
			if avd == "" && strings.HasPrefix(a, "AVD-") {
				avd = a
			}
		}
		if avd == "" {
			return nil // a library module
		}
		rel, _ := filepath.Rel(dir, path)
		c := &trivyCheck{AVD: avd, Path: filepath.ToSlash(rel), Title: m.Title, Provider: m.Custom.Provider,
			Service: m.Custom.Service, Deprecated: m.Custom.Deprecated}
		if c.Provider == "" && len(m.Custom.Input.Selector) > 0 {
			c.Provider = m.Custom.Input.Selector[0].Type
		}
		if m.Custom.Examples != "" {
			raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(m.Custom.Examples)))
			if err != nil {
				return err
			}
			var ex map[string]struct {
				Good []string `yaml:"good"`
				Bad  []string `yaml:"bad"`
			}
			if err := yaml.Unmarshal(raw, &ex); err != nil {
				return err
			}
			for section, e := range ex {
				fw, ok := trivyFrameworks[section]
				if !ok {
					continue
				}
				for _, g := range e.Good {
					c.Samples = append(c.Samples, peerSample{key: avd, framework: fw.framework, name: fw.name, content: g})
				}
				for _, b := range e.Bad {
					c.Samples = append(c.Samples, peerSample{key: avd, framework: fw.framework, name: fw.name, bad: true, content: b})
				}
			}
		}
		if c.Provider == "kubernetes" || c.Provider == "dockerfile" {
			c.Samples = append(c.Samples, trivyRegoTestSamples(t, avd, c.Provider, regoTestFile(path))...)
		}
		if prev := out[avd]; prev != nil {
			t.Errorf("trivy-checks: %s in both %s and %s", avd, prev.Path, c.Path)
		}
		out[avd] = c
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 300 {
		t.Fatalf("trivy-checks: only %d checks found under %s", len(out), dir)
	}
	return out
}

// regoMetadata decodes the leading "# METADATA" comment block of a Rego
// file into v; ok is false when the file has none.
func regoMetadata[T any](src []byte, v *T) (*T, bool, error) {
	lines := strings.Split(string(src), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "# METADATA" {
		return v, false, nil
	}
	var b strings.Builder
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "#") {
			break
		}
		l = strings.TrimPrefix(l, "#")
		l = strings.TrimPrefix(l, " ")
		b.WriteString(l + "\n")
	}
	if err := yaml.Unmarshal([]byte(b.String()), v); err != nil {
		return v, false, err
	}
	return v, true, nil
}

// trivyProvider is the trivy provider of each check group.
var trivyProvider = map[string]string{
	"aws": "aws", "azure": "azure", "gcp": "google", "kubernetes": "kubernetes", "dockerfile": "dockerfile",
}

// TestPeerIDsTrivy verifies every AVD id of the built-in checks against
// trivy-checks: the id exists, it belongs to the same provider, and the
// tollgate check behaves like trivy's on trivy's own examples (flags one
// of its bad examples, passes one of its good ones; for Kubernetes and
// Dockerfile checks the literal inputs of trivy's Rego tests count as
// examples). A mapping the rule cannot confirm (no example to run, or our
// check is a subset or a union of trivy's) needs a row with a reason in
// testdata/peer-ids/trivy-reviewed.tsv.
func TestPeerIDsTrivy(t *testing.T) {
	trivy := loadTrivyChecks(t, peerModuleDir(t, trivyChecksModule, trivyChecksVersion))
	verifyPeerMappings(t, builtinPeerChecks(t), func(m CheckMeta) []string { return m.Peers.Trivy },
		func(o peerCheck, id string) (*peerTarget, string) {
			c := trivy[id]
			if c == nil {
				return nil, "is not a trivy check"
			}
			if want := trivyProvider[o.group]; c.Provider != want {
				return nil, fmt.Sprintf("(%s) is a %s check, ours is %s", c.Path, c.Provider, want)
			}
			return &peerTarget{label: fmt.Sprintf("%s, %q", c.Path, c.Title), samples: c.Samples}, ""
		}, loadReviewed(t, "trivy-reviewed.tsv"))
}

func frameworkSet(fws []string) map[string]bool {
	out := map[string]bool{}
	for _, f := range fws {
		out[f] = true
	}
	return out
}

// countRe reads the verdict a trivy Rego test expects (as the parser
// prints it): count(r) == 0 is a passing input, count(r) == 1 (> 0,
// != 0) a failing one.
var countRe = regexp.MustCompile(`^(equal|eq|gt|gte|neq)\(count\(\w+\), (\d+)\)$`)

// msgRe is the other form of a failing test: r[_].msg == "...".
var msgRe = regexp.MustCompile(`^(equal|eq)\(\w+\[_\]\.msg, "`)

// trivyRegoTestSamples turns the Rego unit tests of trivy's kubernetes
// and dockerfile checks (most have no example file) into samples: each
// test whose input is a literal and which expects a count of results. A
// Kubernetes input is the manifest itself; a Dockerfile input is trivy's
// parsed form, written back as a Dockerfile.
func trivyRegoTestSamples(t *testing.T, avd, provider, path string) []peerSample {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		return nil // a check without tests
	}
	mod, err := ast.ParseModuleWithOpts(path, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []peerSample
	for _, r := range mod.Rules {
		if !strings.HasPrefix(r.Head.Name.String(), "test_") {
			continue
		}
		var input any
		inputs, verdicts, msgs, bad := 0, 0, 0, false
		for _, e := range r.Body {
			for _, w := range e.With {
				if w.Target.String() != "input" || !w.Value.IsGround() {
					continue
				}
				if v, err := ast.JSON(w.Value.Value); err == nil {
					input = v
					inputs++
				}
			}
			if m := countRe.FindStringSubmatch(e.String()); m != nil {
				verdicts++
				bad = !((m[1] == "equal" || m[1] == "eq") && m[2] == "0")
			} else if msgRe.MatchString(e.String()) {
				msgs++
			}
		}
		if verdicts == 0 && msgs > 0 {
			verdicts, bad = 1, true // expects a result with this message
		}
		if inputs != 1 || verdicts != 1 {
			continue
		}
		switch provider {
		case "kubernetes":
			doc, err := json.Marshal(input)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, peerSample{key: avd, framework: "kubernetes", name: "manifest.yaml", bad: bad, content: string(doc)})
		case "dockerfile":
			if df := dockerfileFromTrivyInput(input); df != "" {
				out = append(out, peerSample{key: avd, framework: "dockerfile", name: "Dockerfile", bad: bad, content: df})
			}
		}
	}
	return out
}

// regoTestFile is the _test.rego beside a check, matched without regard
// to case (configmap_with_sensitive.rego has configMap_with_sensitive_test.rego).
func regoTestFile(path string) string {
	want := strings.ToLower(strings.TrimSuffix(filepath.Base(path), ".rego") + "_test.rego")
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.ToLower(e.Name()) == want {
			return filepath.Join(filepath.Dir(path), e.Name())
		}
	}
	return ""
}

// dockerfileFromTrivyInput writes trivy's parsed Dockerfile form
// ({"Stages": [{"Commands": [{"Cmd", "Flags", "Value"}]}]}) back as text.
func dockerfileFromTrivyInput(input any) string {
	in, _ := input.(map[string]any)
	stages, _ := in["Stages"].([]any)
	var b strings.Builder
	for _, s := range stages {
		st, _ := s.(map[string]any)
		cmds, _ := st["Commands"].([]any)
		// Many tests leave out the FROM line; the stage name is the image.
		if first, _ := asMap(asAt(cmds, 0))["Cmd"].(string); first != "from" {
			if name, _ := st["Name"].(string); name != "" {
				fmt.Fprintf(&b, "FROM %s\n", name)
			} else {
				b.WriteString("FROM scratch\n")
			}
		}
		for _, c := range cmds {
			cmd, _ := c.(map[string]any)
			name, _ := cmd["Cmd"].(string)
			var vals, flags []string
			for _, v := range asList(cmd["Value"]) {
				vals = append(vals, fmt.Sprint(v))
			}
			for _, f := range asList(cmd["Flags"]) {
				flags = append(flags, fmt.Sprint(f))
			}
			switch name {
			case "", "comment":
				continue
			case "cmd", "entrypoint":
				if len(vals) > 1 {
					j, _ := json.Marshal(vals)
					vals = []string{string(j)}
				}
			case "env", "label":
				// trivy keeps key, value, separator triples
				var kv []string
				for i := 0; i+1 < len(vals); i += 3 {
					kv = append(kv, vals[i]+"="+strconv.Quote(vals[i+1]))
				}
				vals = kv
			}
			fmt.Fprintf(&b, "%s %s\n", strings.ToUpper(name), strings.Join(append(flags, vals...), " "))
		}
	}
	return b.String()
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asAt(l []any, i int) any {
	if i < len(l) {
		return l[i]
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// TestPeerVerdictCatchesWrongMappings: the rule of TestPeerIDsTrivy tells a
// right mapping from plausible wrong ones on the same resource type.
func TestPeerVerdictCatchesWrongMappings(t *testing.T) {
	trivy := loadTrivyChecks(t, peerModuleDir(t, trivyChecksModule, trivyChecksVersion))
	cases := []struct {
		ours, peer string
		right      bool
	}{
		{"TG-AWS-0005", "AVD-AWS-0088", true},  // S3 encryption
		{"TG-AWS-0005", "AVD-AWS-0089", false}, // S3 access logging
		{"TG-AWS-0005", "AVD-AWS-0090", false}, // S3 versioning
		{"TG-K8S-0010", "AVD-KSV-0009", true},  // host network
		{"TG-K8S-0010", "AVD-KSV-0010", false}, // host PID
		{"TG-AWS-0012", "AVD-AWS-0107", false}, // database ports vs SSH/RDP: dropped
	}
	var samples []peerSample
	for _, c := range cases {
		if trivy[c.peer] == nil {
			t.Fatalf("%s is not in trivy-checks", c.peer)
		}
		samples = append(samples, trivy[c.peer].Samples...)
	}
	fired := scanPeerSamples(t, samples)
	fws := frameworkSet([]string{"terraform", "cloudformation", "kubernetes"})
	for _, c := range cases {
		var sub []peerSample
		var subFired []map[string]bool
		for i, sm := range samples {
			if sm.key == c.peer {
				sub, subFired = append(sub, sm), append(subFired, fired[i])
			}
		}
		n, why := sampleVerdict(c.ours, fws, sub, subFired)
		if n == 0 || (why == "") != c.right {
			t.Errorf("%s -> %s: %d examples, verdict %q; want right=%v", c.ours, c.peer, n, why, c.right)
		}
	}
}
