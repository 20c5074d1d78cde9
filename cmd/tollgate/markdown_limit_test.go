package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMarkdownLimitOn30000Findings generates a tree with 30,000 HIGH
// findings over 3,000 rules (the fake scanner reads them) and checks that
// the Markdown report stays under GitHub's PR-comment limit by default and
// under --markdown-limit for a step summary, saying what it left out.
func TestMarkdownLimitOn30000Findings(t *testing.T) {
	dir := t.TempDir()
	for f := range 30 {
		var b strings.Builder
		for i := range 1000 {
			fmt.Fprintf(&b, "FINDING HIGH gen-rule-%04d\n", (f*1000+i)/10)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.txt", f)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args  []string
		limit int
	}{
		{nil, 65536},
		{[]string{"--markdown-limit", "1048576"}, 1 << 20},
	} {
		out := filepath.Join(t.TempDir(), "summary.md")
		r := runCLI(t, scanArgs(append(tc.args, "--report", "markdown="+out, dir)...)...)
		if r.code != 1 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > tc.limit {
			t.Errorf("%v: %d bytes over the %d limit", tc.args, len(b), tc.limit)
		}
		for _, want := range []string{"30000 finding(s)", "finding(s) not listed", "to stay under " + fmt.Sprint(tc.limit)} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%v: report lacks %q", tc.args, want)
			}
		}
	}
}
