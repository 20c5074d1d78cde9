package main

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKustomizeE2E scans the kustomize fixture tree through the CLI: the
// overlays are built, findings point at the base files, the remote
// overlay is a parse finding, and the gate fails on the HIGH findings.
func TestKustomizeE2E(t *testing.T) {
	got, code := helmFindings(t, filepath.Join("..", "..", "testdata", "iac", "kustomize"))
	want := []string{
		"base/deployment.yaml:13:TG-K8S-0011",
		"base/deployment.yaml:22:TG-K8S-0021",
		"base/deployment.yaml:25:TG-K8S-0001",
		"base/service.yaml:7:TG-K8S-0035",
		"overlays/remote/kustomization.yaml:5:TG-PARSE-KUSTOMIZE",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
}
