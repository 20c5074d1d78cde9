package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// docsExamples are the sample reports in docs/examples, one per format,
// all from one scan of the demo tree (go test ./cmd/tollgate -run
// DocsExamples -update rewrites them).
var docsExamples = map[string]string{
	"table": "demo.txt", "json": "demo.json", "sarif": "demo.sarif", "markdown": "demo.md", "junit": "demo.junit.xml",
	"gitlab-secrets": "demo.gitlab-secrets.json", "gitlab-deps": "demo.gitlab-deps.json", "gitlab-sast": "demo.gitlab-sast.json",
	"gitlab-codequality": "demo.gitlab-codequality.json", "azure": "demo.azure.txt",
	"cyclonedx": "demo.cdx.json",
}

// volatile matches what changes from run to run (durations, the absolute
// root, throughput and timing extras, the GitLab end time, where the
// advisory index is cached and whether it was built in this run). The
// sizes of the rule sets (keywords, rules_loaded, checks) are left out
// too: adding a rule must not make the samples "out of date".
var volatile = regexp.MustCompile(`"(duration_ns|duration_ms|throughput_mb_s|root|end_time|index_state|index_path|[a-z_]*age_[a-z]*|fetched|modified|[a-z_]*_at|keywords|rules_loaded|checks)": ("[^"]*"|[0-9.e+-]+)|time="[^"]*"|in [0-9.]+[µm]?s|[0-9.]+[µm]?s`)

func normalizeReport(b []byte) string {
	return volatile.ReplaceAllString(string(b), "<volatile>")
}

func TestDocsExamples(t *testing.T) {
	out := t.TempDir()
	args := []string{"scan", "-q", "--offline", "--osv-db", demoDB}
	for format, name := range docsExamples {
		args = append(args, "--report", format+"="+filepath.Join(out, name))
	}
	var stdout, stderr bytes.Buffer
	a := &app{stdout: &stdout, stderr: &stderr, registry: defaultRegistry,
		now: func() time.Time { return time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC) }}
	if code := a.run(context.Background(), append(args, "../../testdata/demo")); code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr.String())
	}
	dir := filepath.Join("..", "..", "docs", "examples")
	for _, name := range docsExamples {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/tollgate -run DocsExamples -update)", err)
		}
		if normalizeReport(want) != normalizeReport(got) {
			t.Errorf("docs/examples/%s is out of date (run go test ./cmd/tollgate -run DocsExamples -update)", name)
		}
	}
}
