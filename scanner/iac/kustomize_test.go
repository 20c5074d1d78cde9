package iac

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKustomizeFixtures: testdata/iac/kustomize has a base, two overlays
// (prod patches a debug pod spec in, staging retags the image to latest)
// and one overlay with a remote resource. The base's own misconfiguration
// (a NodePort Service) is reported once, not once per overlay nor again
// as a plain manifest; what an overlay changes points at the nearest line
// of the base object; the remote overlay is not built.
func TestKustomizeFixtures(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, got := scanDir(t, s, filepath.Join("..", "..", "testdata", "iac", "kustomize"))
	for _, e := range res.Errors {
		t.Errorf("scan error: %v", e)
	}
	want := []string{
		"base/deployment.yaml:13:TG-K8S-0011",                     // prod patch: hostPID, at the base pod spec
		"base/deployment.yaml:22:TG-K8S-0021",                     // staging images: newTag latest, at the base image line
		"base/deployment.yaml:25:TG-K8S-0001",                     // prod patch: privileged, at the base securityContext
		"base/service.yaml:7:TG-K8S-0035",                         // the base's own NodePort, once for both overlays
		"overlays/remote/kustomization.yaml:5:TG-PARSE-KUSTOMIZE", // remote resource: not fetched, not built
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	for _, f := range res.Findings {
		if f.RuleID == "TG-K8S-0035" {
			if d := cmp.Diff([]string{"overlays/prod", "overlays/staging"}, f.Properties["kustomizations"]); d != "" {
				t.Errorf("kustomizations (-want +got):\n%s", d)
			}
		}
	}
	if st := s.Stats(); st["kustomize_builds"] != 2 || st["parse_errors"] != 1 {
		t.Errorf("stats = %v, want 2 builds and 1 parse error", st)
	}
}

func TestKustomizeProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "a base alone is built, its files not scanned again",
			files: map[string]string{
				"k/kustomization.yaml": "resources:\n  - pod.yaml\nnamespace: ns\n",
				"k/pod.yaml":           "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  hostIPC: true\n  containers: []\n",
			},
			want: []string{"k/pod.yaml:7:TG-K8S-0012"},
		},
		{
			name: "a generated object points at its generator",
			files: map[string]string{
				"k/kustomization.yaml": "namespace: ns\n\nconfigMapGenerator:\n  - name: cfg\n    literals:\n      - DB_PASSWORD=not-a-real-password\n",
			},
			want: []string{"k/kustomization.yaml:3:TG-K8S-0045"},
		},
		{
			name: "outside the tree",
			files: map[string]string{
				"k/kustomization.yaml": "resources:\n  - ../../elsewhere\n",
			},
			want: []string{"k/kustomization.yaml:2:TG-PARSE-KUSTOMIZE"},
		},
		{
			name: "git base and missing base",
			files: map[string]string{
				"k/kustomization.yaml": "resources:\n  - github.com/example/repo/deploy?ref=main\n  - missing\n",
			},
			want: []string{"k/kustomization.yaml:2:TG-PARSE-KUSTOMIZE", "k/kustomization.yaml:3:TG-PARSE-KUSTOMIZE"},
		},
		{
			name: "helmCharts are refused",
			files: map[string]string{
				"k/kustomization.yaml": "helmCharts:\n  - name: redis\n    repo: https://charts.example.com\n",
			},
			want: []string{"k/kustomization.yaml:1:TG-PARSE-KUSTOMIZE"},
		},
		{
			name: "a build error is a parse finding",
			files: map[string]string{
				"k/kustomization.yaml": "resources:\n  - pod.yaml\npatches:\n  - path: nope.yaml\n",
				"k/pod.yaml":           "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n",
			},
			want: []string{"k/kustomization.yaml:0:TG-PARSE-KUSTOMIZE"},
		},
	}
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, c := range tc.files {
				writeFile(t, dir, p, c)
			}
			res, got := scanDir(t, s, dir)
			for _, e := range res.Errors {
				t.Errorf("scan error: %v", e)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
}

// A symlink inside the tree that leads out of it is not followed by the
// build.
func TestKustomizeStaysInTheTree(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	writeFile(t, outside, "kustomization.yaml", "resources:\n  - pod.yaml\n")
	writeFile(t, outside, "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n")
	dir := t.TempDir()
	writeFile(t, dir, "k/kustomization.yaml", "resources:\n  - ../linked\n")
	if err := os.Symlink(outside, filepath.Join(dir, "linked")); err != nil {
		t.Skip(err)
	}
	res, got := scanDir(t, s, dir)
	for _, f := range res.Findings {
		if f.RuleID == "TG-K8S-0011" {
			t.Errorf("read a file outside the tree: %v", got)
		}
	}
}
