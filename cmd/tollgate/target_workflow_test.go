package main

import (
	"strings"
	"testing"
)

// TestSingleWorkflowFileTarget: a workflow given alone keeps its
// .github/workflows/ path, so the GitHub Actions checks recognise it.
func TestSingleWorkflowFileTarget(t *testing.T) {
	got, _, code := jsonFindings(t, "--scanners", "iac", "../../testdata/demo/.github/workflows/ci.yml")
	if code != 1 || len(got) == 0 {
		t.Fatalf("exit %d, findings %v", code, got)
	}
	for _, g := range got {
		if !strings.HasPrefix(g, "iac TG-GHA-") || !strings.HasSuffix(g, " .github/workflows/ci.yml") {
			t.Errorf("finding %q: want a GitHub Actions check on .github/workflows/ci.yml", g)
		}
	}
}
