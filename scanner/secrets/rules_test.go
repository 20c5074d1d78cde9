package secrets

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tollgate-dev/tollgate/scanner"
)

// scanFiles runs s over an in-memory tree through scanner.Run, like the CLI.
func scanFiles(t *testing.T, s *Scanner, files map[string]string) []scanner.Finding {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, c := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(c), Mode: 0o644}
	}
	res, err := scanner.Run(context.Background(), t.TempDir(), []scanner.Scanner{s}, scanner.WithFS(fsys))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, e := range res.Errors {
		t.Fatalf("scan error: %v", e.Err)
	}
	return res.Findings
}

// scanOne scans a single file directly (no walk), so that files the walk
// would skip (for example default-excluded names) can still be tested.
func scanOne(t *testing.T, s *Scanner, p, content string) []scanner.Finding {
	t.Helper()
	fsys := fstest.MapFS{p: &fstest.MapFile{Data: []byte(content), Mode: 0o644}}
	fs, err := s.Scan(context.Background(), scanner.Target{Root: "/nonexistent", FS: fsys, Files: []scanner.File{{Path: p, Size: int64(len(content))}}})
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return fs
}

func ruleIDs(fs []scanner.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.RuleID)
	}
	return out
}

// samplePath is a file path the rule's path filters accept.
func samplePath(r *Rule) string {
	if len(r.paths) == 0 {
		return "src/settings.conf"
	}
	g := r.paths[0]
	g = strings.ReplaceAll(g, "**/", "")
	g = strings.ReplaceAll(g, "*", "x")
	g = regexp.MustCompile(`\{([^,}]*)[^}]*\}`).ReplaceAllString(g, "$1")
	g = regexp.MustCompile(`\[([^\]])[^\]]*\]`).ReplaceAllString(g, "$1")
	return "app/" + g
}

func builtin(t *testing.T) *Scanner {
	t.Helper()
	s, err := New(Options{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// TestRuleFiles loads every rules/*.yaml on its own so that a broken file
// is named, and checks the metadata every rule must have.
func TestRuleFiles(t *testing.T) {
	names, err := fs.Glob(builtinRules, "rules/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no rule files: %v", err)
	}
	seen := map[string]string{}
	total := 0
	for _, n := range names {
		t.Run(path.Base(n), func(t *testing.T) {
			b, _ := builtinRules.ReadFile(n)
			rules, err := ParseRules(n, b)
			if err != nil {
				t.Fatalf("%v", err)
			}
			for _, r := range rules {
				total++
				if prev, ok := seen[r.ID]; ok {
					t.Errorf("duplicate id %s in %s and %s", r.ID, prev, n)
				}
				seen[r.ID] = n
				if r.Severity == scanner.SeverityUnknown {
					t.Errorf("%s: severity missing", r.ID)
				}
				if r.Regex.SubexpIndex("secret") < 0 {
					t.Errorf("%s: no secret group", r.ID)
				}
				for i, tp := range r.TP {
					low := strings.ToLower(tp)
					if !slices.ContainsFunc(r.Keywords, func(k string) bool { return strings.Contains(low, k) }) {
						t.Errorf("%s: tp %d contains none of the keywords %q", r.ID, i+1, r.Keywords)
					}
				}
			}
		})
	}
	t.Logf("%d rules in %d files", total, len(names))
}

// TestRuleSamples runs every rule's tp (must produce the rule) and fp
// (must not) samples through the whole engine with all rules loaded.
func TestRuleSamples(t *testing.T) {
	s := builtin(t)
	for _, r := range s.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			p := samplePath(r)
			for i, tp := range r.TP {
				got := ruleIDs(scanOne(t, s, p, tp))
				if !slices.Contains(got, r.ID) {
					t.Errorf("tp %d not found (got %v):\n%s", i+1, got, tp)
				}
			}
			for i, fp := range r.FP {
				got := ruleIDs(scanOne(t, s, p, fp))
				if slices.Contains(got, r.ID) {
					t.Errorf("fp %d matched:\n%s", i+1, fp)
				}
			}
		})
	}
}

// TestRuleAcceptance places each rule's first tp sample at the start and
// the end of a file, and across a chunk boundary, and expects it found
// there with the right line.
func TestRuleAcceptance(t *testing.T) {
	s := builtin(t)
	s.chunk = 64 << 10 // many chunk edges, fast tests
	filler := strings.Repeat("the quick brown fox jumps over the lazy dog 0\n", s.chunk/45+1)
	for _, r := range s.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			tp := r.TP[0]
			p := samplePath(r)
			short := filler[:46*43]
			edge := s.chunk - len(tp)/2
			edgeFill := filler[:edge-edge%46]
			cases := []struct {
				name     string
				content  string
				wantLine int
			}{
				{"start", tp + "\n" + short, 1},
				{"end", short + tp, strings.Count(short, "\n") + 1},
				{"chunk-edge", edgeFill + tp + "\n" + filler[:s.chunk], strings.Count(edgeFill, "\n") + 1},
			}
			for _, c := range cases {
				fs := scanOne(t, s, p, c.content)
				found := false
				for _, f := range fs {
					if f.RuleID == r.ID {
						found = true
						// The secret may start on a later line of the sample.
						off := f.Location.StartLine - c.wantLine
						if off < 0 || off > strings.Count(tp, "\n") {
							t.Errorf("%s: line %d, want %d..%d", c.name, f.Location.StartLine, c.wantLine, c.wantLine+strings.Count(tp, "\n"))
						}
					}
				}
				if !found {
					t.Errorf("%s: not found (got %v)", c.name, ruleIDs(fs))
				}
			}
		})
	}
}
