package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// helmFindings runs the real CLI (iac scanner only) and returns
// "path:line:rule" of each finding.
func helmFindings(t *testing.T, args ...string) ([]string, int) {
	t.Helper()
	_, raw, code := jsonFindings(t, append([]string{"--scanners", "iac", "--fail-on", "high"}, args...)...)
	var out []string
	for _, f := range raw {
		loc, _ := f["location"].(map[string]any)
		line, _ := loc["start_line"].(float64)
		out = append(out, fmt.Sprintf("%s:%d:%s", loc["path"], int(line), f["rule_id"]))
	}
	sort.Strings(out)
	return out, code
}

// TestHelmE2E scans the fixture chart itself (the chart at the scan
// root), with values from flags and from the config file's scan: section.
func TestHelmE2E(t *testing.T) {
	chart := filepath.Join("..", "..", "testdata", "iac", "helm", "shop")
	debug := filepath.Join("..", "..", "testdata", "iac", "helm", "values-debug.yaml")
	base := []string{
		"charts/cache/templates/statefulset.yaml:15:TG-K8S-0011",
		"templates/deployment.yaml:27:TG-K8S-0021",
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"default values", []string{chart}, base},
		{"--helm-values and --helm-set", []string{"--helm-values", debug, "--helm-set", "cache.privileged=true", chart}, append([]string{
			"charts/cache/templates/statefulset.yaml:24:TG-K8S-0001",
			"templates/deployment.yaml:19:TG-K8S-0010",
			"templates/deployment.yaml:30:TG-K8S-0001",
			"templates/deployment.yaml:30:TG-K8S-0002",
		}, base...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, code := helmFindings(t, tc.args...)
			sort.Strings(tc.want)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
			if code != 1 {
				t.Errorf("exit %d, want 1 (HIGH findings)", code)
			}
		})
	}

	t.Run("config file scan: section", func(t *testing.T) {
		dir := copyTree(t, chart)
		cfg := "scan:\n  helm-set:\n    - cache.privileged=true\n    - image.tag=7.1.0\n"
		if err := os.WriteFile(filepath.Join(dir, ".tollgate.yaml"), []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		got, _ := helmFindings(t, dir)
		want := []string{
			"charts/cache/templates/statefulset.yaml:15:TG-K8S-0011",
			"charts/cache/templates/statefulset.yaml:24:TG-K8S-0001",
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("findings (-want +got):\n%s", d)
		}
	})

	t.Run("a chart that does not render is a finding, not a crash", func(t *testing.T) {
		got, code := helmFindings(t, filepath.Join("..", "..", "testdata", "iac", "helm", "broken"))
		if d := cmp.Diff([]string{"templates/pod.yaml:8:TG-PARSE-HELM"}, got); d != "" || code != 0 {
			t.Errorf("exit %d, findings (-want +got):\n%s", code, d)
		}
	})

	t.Run("a --helm-set that does not parse is a usage error", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run(t.Context(), []string{"scan", "-q", "--scanners", "iac", "--helm-set", "noequalsign", chart}, &stdout, &stderr)
		if code != 2 {
			t.Errorf("exit %d, want 2; stderr %s", code, stderr.String())
		}
	})
}
