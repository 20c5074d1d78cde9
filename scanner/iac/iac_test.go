package iac

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

var wantRe = regexp.MustCompile(`(?:#|//)\s*want(-next)?:\s*([A-Z0-9,\- ]+)`)

// expectations reads "# want: ID[,ID]" markers: each is a finding of that
// check starting on the marker's line ("# want-next:" on the next line, for
// formats without trailing comments such as Dockerfiles).
func expectations(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		sc := bufio.NewScanner(bytes.NewReader(src))
		for line := 1; sc.Scan(); line++ {
			for _, m := range wantRe.FindAllStringSubmatch(sc.Text(), -1) {
				at := line
				if m[1] != "" {
					at++
				}
				for _, id := range strings.Split(m[2], ",") {
					if id = strings.TrimSpace(id); id != "" {
						out = append(out, fmt.Sprintf("%s:%d:%s", filepath.ToSlash(rel), at, id))
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func scanDir(t *testing.T, s *Scanner, dir string) (*scanner.Result, []string) {
	t.Helper()
	res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%s", f.Location.Path, f.Location.StartLine, f.RuleID))
	}
	sort.Strings(got)
	return res, got
}

// TestFixtures scans each testdata/iac/<group> tree and compares the
// findings (file, line, check) with the "# want:" markers: files without
// markers must produce nothing.
func TestFixtures(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, group := range []string{"kubernetes", "dockerfile", "github", "gitlab"} {
		t.Run(group, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "iac", group)
			if _, err := os.Stat(dir); err != nil {
				t.Skip("no fixtures")
			}
			want := expectations(t, dir)
			res, got := scanDir(t, s, dir)
			for _, e := range res.Errors {
				t.Errorf("scan error: %v", e)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
}

func TestFindingFields(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "deploy/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: prod\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n      securityContext:\n        privileged: true\n")
	res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	var f *scanner.Finding
	for i := range res.Findings {
		if res.Findings[i].RuleID == "TG-K8S-0001" {
			f = &res.Findings[i]
		}
	}
	if f == nil {
		t.Fatal("no privileged finding")
	}
	if f.Scanner != Name || f.Severity != scanner.SeverityHigh || f.Title == "" || f.Remediation == "" || len(f.References) == 0 {
		t.Errorf("metadata not mapped: %+v", f)
	}
	if f.Location != (scanner.Location{Path: "deploy/pod.yaml", StartLine: 11, EndLine: 11}) {
		t.Errorf("location = %+v", f.Location)
	}
	if f.Evidence != "Pod/prod/p/c" || f.Properties["resource"] != "Pod/prod/p/c" || f.Properties["kind"] != "kubernetes" {
		t.Errorf("evidence = %q, properties = %v", f.Evidence, f.Properties)
	}
	if f.Fingerprint == "" {
		t.Error("no fingerprint")
	}
	if !cmp.Equal(f.Tags, []string{"kubernetes"}) {
		t.Errorf("tags = %v", f.Tags)
	}
}

func TestParseErrorsDoNotStopTheScan(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "bad.yaml", "apiVersion: v1\nkind: Pod\nspec: [\n")
	writeFile(t, dir, "good.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers: []\n")
	res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	// A file that does not parse is a finding the policy decides on, not
	// a scanner error.
	if len(res.Errors) != 0 {
		t.Fatalf("errors = %v", res.Errors)
	}
	var parse *scanner.Finding
	for i, f := range res.Findings {
		if f.RuleID == "TG-PARSE-YAML" {
			parse = &res.Findings[i]
		}
	}
	if parse == nil || parse.Location.Path != "bad.yaml" || parse.Location.StartLine == 0 || parse.Severity != scanner.SeverityMedium || parse.Scanner != Name {
		t.Errorf("parse finding = %+v, want TG-PARSE-YAML on bad.yaml with a line", parse)
	}
	found := false
	for _, f := range res.Findings {
		found = found || (f.RuleID == "TG-K8S-0011" && f.Location.Path == "good.yaml")
	}
	if !found {
		t.Error("good.yaml not scanned after bad.yaml failed")
	}
}

func TestHelmTemplatesSkipped(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "chart/templates/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  hostPID: {{ .Values.hostPID }}\n")
	res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("err = %v %v", err, res.Errors)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings on an unrendered template: %v", res.Findings)
	}
	if s.Stats()["skipped_helm"] != 1 {
		t.Errorf("stats = %v", s.Stats())
	}
}

// TestDispatch checks that every file kind reaches its parser, and that
// non-IaC files are left alone.
func TestDispatch(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := scanner.Run(context.Background(), filepath.Join("..", "..", "testdata", "iac", "mixed"), []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("scan error: %v", e)
	}
	st := s.Stats()
	want := map[string]any{
		KindTerraform: 1, KindTerraformPlan: 1, KindCloudFormation: 2, KindKubernetes: 3, // one rendered from chart/
		KindDockerfile: 3, KindGitHubActions: 2, KindGitLabCI: 1,
	}
	if d := cmp.Diff(want, st["documents"]); d != "" {
		t.Errorf("documents per kind (-want +got):\n%s", d)
	}
	// chart/ has a Chart.yaml: its template is rendered, not skipped.
	if st["skipped_helm"] != 0 || st["helm_charts"] != 1 {
		t.Errorf("skipped_helm = %v, helm_charts = %v", st["skipped_helm"], st["helm_charts"])
	}
}

func TestMatch(t *testing.T) {
	s := &Scanner{}
	for p, want := range map[string]bool{
		"main.tf": true, "a/b.tf.json": true, "prod.tfvars": true, "Dockerfile": true, "Containerfile": true,
		"x/Dockerfile.prod": true, "api.dockerfile": true, ".github/workflows/ci.yml": true, "action.yaml": true,
		".gitlab-ci.yml": true, "k8s/deploy.yaml": true, "cfn/stack.template": true, "plan.json": true, "infra/main.bicep": true,
		"package.json": false, "README.md": false, "main.go": false, "Dockerfile.md": false, ".dockerignore": false,
	} {
		if got := s.Match(p, nil); got != want {
			t.Errorf("Match(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestInlineSuppressions(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pod := func(comment string) string {
		return "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod}\nspec:\n" + comment +
			"  hostPID: true\n  hostIPC: true # checkov:skip=TG-K8S-0012:reviewed\n  containers: []\n"
	}
	writeFile(t, dir, "line.yaml", pod(""))
	writeFile(t, dir, "above.yaml", pod("  # tollgate:ignore:TG-K8S-0011 host PID needed by the profiler\n"))
	writeFile(t, dir, "trivy.yaml", pod("  #trivy:ignore:TG-K8S-0011\n"))
	writeFile(t, dir, "other.yaml", pod("  # tollgate:ignore:TG-K8S-0001\n"))
	res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, f := range res.Findings {
		if f.RuleID == "TG-K8S-0011" || f.RuleID == "TG-K8S-0012" {
			got[f.Location.Path] = append(got[f.Location.Path], f.RuleID)
		}
	}
	want := map[string][]string{
		"line.yaml":  {"TG-K8S-0011"},
		"other.yaml": {"TG-K8S-0011"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("unsuppressed findings (-want +got):\n%s", d)
	}
	if n := s.Stats()["suppressed_findings"]; n != 6 {
		t.Errorf("suppressed = %v, want 6", n)
	}
}

func TestUserChecks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "checks/team_label.rego", `# METADATA
# title: Workloads must carry a team label
# description: Every workload needs an owning team.
# scope: package
# custom:
#   id: ACME-001
#   severity: LOW
#   frameworks: [kubernetes]
package acme.team_label

import data.lib.iac

deny contains res if {
	input.kind == "Deployment"
	not input.metadata.labels.team
	res := iac.result_res("Deployment has no team label", input.metadata, concat("/", ["Deployment", input.metadata.name]))
}
`)
	writeFile(t, dir, "checks/team_label_test.rego", "package acme.team_label_test\n")
	s, err := New(Options{ExtraCheckDirs: []string{filepath.Join(dir, "checks")}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range s.Checks() {
		found = found || (m.ID == "ACME-001" && !m.Builtin && m.Severity == scanner.SeverityLow)
	}
	if !found {
		t.Fatal("user check not listed")
	}
	root := t.TempDir()
	writeFile(t, root, "d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n")
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.RuleID == "ACME-001" {
			if f.Location.StartLine != 4 || f.Evidence != "Deployment/web" {
				t.Errorf("user finding = %+v", f.Location)
			}
			return
		}
	}
	t.Error("user check did not fire")
}

func TestUserCheckMetadataErrors(t *testing.T) {
	for name, meta := range map[string]string{
		"no id":         "# custom:\n#   severity: LOW\n#   frameworks: [kubernetes]\n",
		"bad severity":  "# custom:\n#   id: X-1\n#   severity: SEVERE\n#   frameworks: [kubernetes]\n",
		"no framework":  "# custom:\n#   id: X-1\n#   severity: LOW\n",
		"bad framework": "# custom:\n#   id: X-1\n#   severity: LOW\n#   frameworks: [helm]\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "c.rego", "# METADATA\n# title: T\n# scope: package\n"+meta+"package x\n\ndeny contains \"m\" if false\n")
			_, err := New(Options{ExtraCheckDirs: []string{dir}})
			if err == nil || !strings.Contains(err.Error(), "c.rego:1") {
				t.Errorf("err = %v, want one naming c.rego:1", err)
			}
		})
	}
}

func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
