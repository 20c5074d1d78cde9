package iac

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kicsQuery is one KICS query, from its metadata.json, with the samples
// of its test folder (positive*: bad, negative*: good).
type kicsQuery struct {
	ID, Name, Platform, CloudProvider, Category string
	Path                                        string // assets/queries/terraform/aws/...
	Samples                                     []peerSample
}

// kicsPlatforms maps KICS platforms to the tollgate framework that reads
// the same files, and the name a sample is written under so that tollgate
// recognises it.
var kicsPlatforms = map[string]struct{ framework, name string }{
	"Terraform":            {"terraform", ""}, // keeps its .tf name
	"CloudFormation":       {"cloudformation", ""},
	"Kubernetes":           {"kubernetes", ""},
	"Dockerfile":           {"dockerfile", "Dockerfile"},
	"AzureResourceManager": {"arm", ""},
	"CICD":                 {"github-actions", ".github/workflows/ci.yaml"},
}

// kicsProvider is the KICS cloudProvider of each check group.
var kicsProvider = map[string]string{
	"aws": "aws", "azure": "azure", "gcp": "gcp", "kubernetes": "common", "dockerfile": "common", "github": "common",
}

// loadKICSQueries indexes KICS's queries by id (the ids of a metadata's
// "override" variants share its folder).
func loadKICSQueries(t *testing.T, dir string) map[string]*kicsQuery {
	t.Helper()
	out := map[string]*kicsQuery{}
	root := filepath.Join(dir, "assets", "queries")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "metadata.json" {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var m struct {
			ID            string `json:"id"`
			QueryName     string `json:"queryName"`
			Platform      string `json:"platform"`
			CloudProvider string `json:"cloudProvider"`
			Category      string `json:"category"`
			Override      map[string]struct {
				ID        string `json:"id"`
				QueryName string `json:"queryName"`
			} `json:"override"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		qdir := filepath.Dir(path)
		rel, _ := filepath.Rel(dir, qdir)
		q := &kicsQuery{ID: m.ID, Name: m.QueryName, Platform: m.Platform, CloudProvider: m.CloudProvider,
			Category: m.Category, Path: filepath.ToSlash(rel)}
		q.Samples = kicsSamples(t, m.ID, m.Platform, filepath.Join(qdir, "test"))
		out[m.ID] = q
		for _, o := range m.Override {
			if o.ID != "" && o.ID != m.ID {
				v := *q
				v.ID = o.ID
				if o.QueryName != "" {
					v.Name = o.QueryName
				}
				out[o.ID] = &v
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 1500 {
		t.Fatalf("KICS: only %d queries found under %s", len(out), root)
	}
	return out
}

// kicsSamples reads a query's test folder: positive1.tf, negative2.yaml,
// or folders positive2/ holding several files (one terraform module).
// Multi-file samples are joined into one file when they are terraform
// (every .tf of a module is read together anyway); otherwise only the
// single-file samples are kept.
func kicsSamples(t *testing.T, id, platform, dir string) []peerSample {
	t.Helper()
	fw, ok := kicsPlatforms[platform]
	if !ok {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []peerSample
	for _, e := range entries {
		name := e.Name()
		bad := strings.HasPrefix(name, "positive")
		if (!bad && !strings.HasPrefix(name, "negative")) || strings.HasPrefix(name, "positive_expected") {
			continue
		}
		var content, file string
		switch {
		case e.IsDir() && fw.framework == "terraform":
			files, _ := filepath.Glob(filepath.Join(dir, name, "*.tf"))
			var b strings.Builder
			for _, f := range files {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				b.Write(raw)
				b.WriteString("\n")
			}
			content, file = b.String(), "main.tf"
		case e.IsDir():
			continue
		default:
			raw, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			content, file = string(raw), name
		}
		if fw.name != "" {
			file = fw.name
		}
		out = append(out, peerSample{key: id, framework: fw.framework, name: file, bad: bad, content: content})
	}
	return out
}

// TestPeerIDsKICS verifies every KICS id of the built-in checks against
// KICS's queries: the id exists, its platform is one our check reads and
// its cloud provider is ours, and our check reports one of the query's
// positive test files and passes one of its negative ones. What the rule
// cannot confirm needs a row in testdata/peer-ids/kics-reviewed.tsv.
func TestPeerIDsKICS(t *testing.T) {
	kics := loadKICSQueries(t, peerModuleDir(t, kicsModule, kicsVersion))
	verifyPeerMappings(t, builtinPeerChecks(t), func(m CheckMeta) []string { return m.Peers.KICS },
		func(o peerCheck, id string) (*peerTarget, string) {
			q := kics[id]
			if q == nil {
				return nil, "is not a KICS query id"
			}
			label := fmt.Sprintf("%s, %q", q.Path, q.Name)
			fw, ok := kicsPlatforms[q.Platform]
			if !ok || !frameworkSet(o.meta.Frameworks)[fw.framework] {
				return nil, fmt.Sprintf("(%s) is a %s query; our check reads %v", label, q.Platform, o.meta.Frameworks)
			}
			if want := kicsProvider[o.group]; q.CloudProvider != want && !(want == "common" && q.CloudProvider == "") {
				return nil, fmt.Sprintf("(%s) is for %s, ours for %s", label, q.CloudProvider, want)
			}
			return &peerTarget{label: label, samples: q.Samples}, ""
		}, loadReviewed(t, "kics-reviewed.tsv"))
}
