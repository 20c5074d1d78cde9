package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// scanJSON runs the real scanners on root and returns the exit code and
// the rule ids found, sorted.
func scanJSON(t *testing.T, root string, extra ...string) (int, []string) {
	t.Helper()
	_, fs, code := jsonFindings(t, append(extra, root)...)
	ids := make([]string, 0, len(fs))
	for _, f := range fs {
		ids = append(ids, f["rule_id"].(string))
	}
	sort.Strings(ids)
	return code, ids
}

// TestPipelineTemplatesPassOurOwnChecks: the CI templates we ship are what
// users paste; tollgate's own IaC and secrets checks find nothing in them.
// A copy of the GitLab template with an unpinned image must be caught, which
// shows the template is really read as a GitLab pipeline.
func TestPipelineTemplatesPassOurOwnChecks(t *testing.T) {
	if code, ids := scanJSON(t, "../../ci", "--scanners", "iac,secrets", "--fail-on", "low"); code != 0 || len(ids) != 0 {
		t.Errorf("templates: exit %d, findings %v", code, ids)
	}
	src, err := os.ReadFile("../../ci/gitlab/tollgate.gitlab-ci.yml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := strings.Replace(string(src), "image: golang:1.26.8-bookworm", "image: golang", 1)
	if err := os.WriteFile(filepath.Join(dir, "tollgate.gitlab-ci.yml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ids := scanJSON(t, dir, "--scanners", "iac"); strings.Join(ids, ",") != "TG-GITLAB-0001" {
		t.Errorf("unpinned image in the template: findings %v, want TG-GITLAB-0001", ids)
	}
}

// TestReleaseImagePassesOurChecks: the Dockerfile of tollgate's own image
// (pinned base digest, non-root user, empty final base) passes every
// Dockerfile check at any severity.
func TestReleaseImagePassesOurChecks(t *testing.T) {
	b, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Dockerfile"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, ids := scanJSON(t, dir, "--scanners", "iac,secrets", "--fail-on", "low"); code != 0 || len(ids) != 0 {
		t.Errorf("Dockerfile: exit %d, findings %v", code, ids)
	}
	// The same file on a floating base image is caught, so the checks
	// really read it.
	weak := regexp.MustCompile(`golang:1\.26\.8-bookworm@sha256:[0-9a-f]+`).ReplaceAllString(string(b), "golang:latest")
	if err := os.WriteFile(filepath.Join(dir, "Dockerfile"), []byte(weak), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ids := scanJSON(t, dir, "--scanners", "iac", "--fail-on", "none"); len(ids) == 0 {
		t.Error("a Dockerfile on golang:latest raised nothing")
	}
}
