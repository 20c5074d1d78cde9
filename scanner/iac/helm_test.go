package iac

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner/iac/helm"
)

// The findings of testdata/iac/helm under default values: the rendered
// objects are located in their templates (subchart templates too), and
// the broken, looping and undependable charts are parse findings.
var helmDefault = []string{
	"broken/templates/pod.yaml:8:TG-PARSE-HELM",                   // nosuchfunction, at the template line helm names
	"loop/Chart.yaml:0:TG-PARSE-HELM",                             // range until 1000000: helm-range-items budget
	"shop/charts/cache/templates/statefulset.yaml:15:TG-K8S-0011", // subchart: hostPID: true
	"shop/templates/deployment.yaml:27:TG-K8S-0021",               // image tag latest from values.yaml
	"undeps/Chart.yaml:5:TG-PARSE-HELM",                           // postgresql not vendored (metrics is disabled)
	"undeps/templates/service.yaml:7:TG-K8S-0035",                 // NodePort
}

func TestHelmFixtures(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "iac", "helm")
	abs, err := filepath.Abs(filepath.Join(dir, "values-debug.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts helm.Options
		add  []string
	}{
		{name: "default values"},
		{
			// values-debug.yaml turns on hostNetwork (a literal key of the
			// template) and a privileged container securityContext (keys
			// written by toYaml: located at the securityContext: line).
			name: "--helm-values",
			opts: helm.Options{ValueFiles: []string{abs}},
			add: []string{
				"shop/templates/deployment.yaml:19:TG-K8S-0010",
				"shop/templates/deployment.yaml:30:TG-K8S-0001",
				"shop/templates/deployment.yaml:30:TG-K8S-0002",
			},
		},
		{
			// the parent's values.yaml sets cache.privileged: false over
			// the subchart's default true; --helm-set wins over both.
			name: "--helm-set subchart value",
			opts: helm.Options{Set: []string{"cache.privileged=true"}},
			add:  []string{"shop/charts/cache/templates/statefulset.yaml:24:TG-K8S-0001"},
		},
		{
			name: "relative values file and --helm-set together, set wins",
			opts: helm.Options{ValueFiles: []string{"values-debug.yaml"}, Set: []string{"securityContext.privileged=false,hostNetwork=false"}},
			add:  []string{"shop/templates/deployment.yaml:30:TG-K8S-0002"},
		},
		{
			name: "condition disables the subchart",
			opts: helm.Options{Set: []string{"cache.enabled=false"}},
			add:  []string{"-shop/charts/cache/templates/statefulset.yaml:15:TG-K8S-0011"},
		},
		{
			name: "enabling an unvendored dependency reports it",
			opts: helm.Options{Set: []string{"metrics.enabled=true"}},
			add:  []string{"undeps/Chart.yaml:8:TG-PARSE-HELM"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := New(Options{Helm: tc.opts})
			if err != nil {
				t.Fatal(err)
			}
			res, got := scanDir(t, s, dir)
			for _, e := range res.Errors {
				t.Errorf("scan error: %v", e)
			}
			want := map[string]bool{}
			for _, w := range helmDefault {
				want[w] = true
			}
			for _, a := range tc.add {
				if r, ok := strings.CutPrefix(a, "-"); ok {
					delete(want, r)
				} else {
					want[a] = true
				}
			}
			var wantList []string
			for w := range want {
				wantList = append(wantList, w)
			}
			if d := cmp.Diff(sortedCopy(wantList), got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
			if n := s.Stats()["helm_charts"]; n != 4 {
				t.Errorf("helm_charts = %v, want 4 (the subchart renders with its parent)", n)
			}
		})
	}
}

func sortedCopy(in []string) []string {
	out := append([]string(nil), in...)
	slices.Sort(out)
	return out
}

// A template outside any chart (no Chart.yaml above it) is still skipped
// and counted; a Chart.yaml makes its templates/ rendered, not parsed as
// plain YAML.
func TestHelmChartOwnsItsTemplates(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
	writeFile(t, dir, "c/values.yaml", "hostPID: true\n")
	// Valid YAML before rendering: without the chart it would be scanned
	// as a plain manifest with hostPID "{{ .Values.hostPID }}".
	writeFile(t, dir, "c/templates/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  hostPID: {{ .Values.hostPID }}\n  automountServiceAccountToken: false\n  containers: []\n")
	writeFile(t, dir, "c/crds/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\n  namespace: ns\nspec:\n  hostIPC: true\n  automountServiceAccountToken: false\n  containers: []\n")
	res, got := scanDir(t, s, dir)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	want := []string{"c/crds/pod.yaml:7:TG-K8S-0012", "c/templates/pod.yaml:7:TG-K8S-0011"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if s.Stats()["skipped_helm"] != 0 {
		t.Errorf("stats = %v", s.Stats())
	}
}

func TestHelmBadSetIsAnErrorAtNew(t *testing.T) {
	if _, err := New(Options{Helm: helm.Options{Set: []string{"noequalsign"}}}); err == nil {
		t.Fatal("want an error for a --helm-set that does not parse")
	}
}

func TestHelmMissingValuesFileIsAScanError(t *testing.T) {
	s, err := New(Options{Helm: helm.Options{ValueFiles: []string{"nope.yaml"}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
	res, _ := scanDir(t, s, dir)
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Err.Error(), "nope.yaml") {
		t.Fatalf("errors = %v, want one naming nope.yaml", res.Errors)
	}
}

// Inline suppressions work in templates: the finding's line is a line of
// the template, where the comment is.
func TestHelmInlineSuppression(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
	writeFile(t, dir, "c/templates/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  automountServiceAccountToken: false\n  # tollgate:ignore:TG-K8S-0011 debug pod, reviewed\n  hostPID: {{ true }}\n  hostIPC: true\n  containers: []\n")
	res, got := scanDir(t, s, dir)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if d := cmp.Diff([]string{"c/templates/pod.yaml:10:TG-K8S-0012"}, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if n := s.Stats()["suppressed_findings"]; n != 1 {
		t.Errorf("suppressed = %v, want 1", n)
	}
}
