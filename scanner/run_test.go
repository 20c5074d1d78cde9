package scanner_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tollgate-dev/tollgate/scanner"
)

// lineScanner reports one finding per line containing "BAD" in files it
// matches, with evidence = the trimmed line. It is the test double used
// throughout this package's tests.
type lineScanner struct {
	name  string
	ext   string
	delay time.Duration
	err   error
	seen  []string
}

func (s *lineScanner) Name() string { return s.name }
func (s *lineScanner) Match(p string, _ fs.DirEntry) bool {
	return s.ext == "" || strings.HasSuffix(p, s.ext)
}
func (s *lineScanner) Scan(ctx context.Context, t scanner.Target) ([]scanner.Finding, error) {
	var out []scanner.Finding
	for _, f := range t.Files {
		s.seen = append(s.seen, f.Path)
		b, err := t.ReadFile(f.Path)
		if err != nil {
			return out, err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "BAD") {
				out = append(out, scanner.Finding{RuleID: s.name + "-bad", Title: "bad line", Severity: scanner.SeverityHigh,
					Location: scanner.Location{Path: f.Path, StartLine: i + 1}, Evidence: strings.TrimSpace(line)})
			}
		}
	}
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return out, s.err
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestRunWalkExcludesAndSkips(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.txt":                         "BAD one\n",
		"dir/b.txt":                     "ok\nBAD two\n",
		"node_modules/x/c.txt":          "BAD excluded by default\n",
		".git/config":                   "BAD in git\n",
		"gen/out.txt":                   "BAD excluded by flag\n",
		"bin.txt":                       "BAD\x00binary",
		"utf16.txt":                     "\xff\xfeB\x00A\x00D\x00",
		"big.txt":                       strings.Repeat("x", 2048) + "BAD",
		"docs/readme.md":                "BAD but not matched",
		"dir/deeper/skip.generated.txt": "BAD excluded by glob",
	})
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("BAD outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustSymlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(root, "out-link.txt"))
	mustSymlink(t, "a.txt", filepath.Join(root, "in-link.txt"))
	mustSymlink(t, "..", filepath.Join(root, "dir", "loop")) // a directory loop

	s := &lineScanner{name: "t", ext: ".txt"}
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s},
		scanner.WithExcludes("gen", "**/*.generated.txt"), scanner.WithMaxFileSize(1024))
	if err != nil {
		t.Fatal(err)
	}
	wantSeen := []string{"a.txt", "dir/b.txt", "utf16.txt"}
	if d := cmp.Diff(wantSeen, s.seen); d != "" {
		t.Errorf("scanned files (-want +got):\n%s", d)
	}
	want := scanner.SkipCounts{ExcludedDirs: 3, ExcludedFiles: 1, Binary: 1, TooLarge: 1, Symlinks: 2, OutsideRoot: 1}
	if d := cmp.Diff(want, res.Walk.Skipped); d != "" {
		t.Errorf("skip counts (-want +got):\n%s", d)
	}
	if res.Walk.Scanned != 3 {
		t.Errorf("scanned = %d, want 3", res.Walk.Scanned)
	}
	var paths []string
	for _, f := range res.Findings {
		paths = append(paths, fmt.Sprintf("%s:%d", f.Location.Path, f.Location.StartLine))
	}
	if d := cmp.Diff([]string{"a.txt:1", "dir/b.txt:2"}, paths); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}

func TestRunDefaultExcludesOverride(t *testing.T) {
	root := writeTree(t, map[string]string{"node_modules/x/c.txt": "BAD\n"})
	s := &lineScanner{name: "t", ext: ".txt"}
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s}, scanner.WithDefaultExcludes())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Errorf("findings = %d, want 1 with default excludes disabled", len(res.Findings))
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
}

// faultyFS fails to open one file, as a permission error would; tests run
// as root here, where chmod cannot make a file unreadable.
type faultyFS struct {
	fs.FS
	bad string
}

func (f faultyFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.FS.Open(name)
}

func TestRunUnreadableFileIsCounted(t *testing.T) {
	mem := fstest.MapFS{"ok.txt": {Data: []byte("BAD\n")}, "locked.txt": {Data: []byte("BAD\n")}}
	s := &lineScanner{name: "t", ext: ".txt"}
	res, err := scanner.Run(context.Background(), t.TempDir(), []scanner.Scanner{s}, scanner.WithFS(faultyFS{mem, "locked.txt"}))
	if err != nil {
		t.Fatal(err)
	}
	if res.Walk.Skipped.Unreadable != 1 || len(res.Walk.Diagnostics) != 1 || res.Walk.Diagnostics[0].Path != "locked.txt" {
		t.Errorf("unreadable not reported: %+v", res.Walk)
	}
	if len(res.Findings) != 1 {
		t.Errorf("findings = %d, want 1", len(res.Findings))
	}
}

func TestRunOrderIsDeterministicUnderConcurrency(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("d%d/f%d.txt", i%7, i)] = strings.Repeat("BAD x\nok\n", i%5+1)
	}
	root := writeTree(t, files)
	var first []scanner.Finding
	for i := range 10 {
		ss := []scanner.Scanner{
			&lineScanner{name: "a", ext: ".txt", delay: time.Duration(i%3) * time.Millisecond},
			&lineScanner{name: "b", ext: ".txt", delay: time.Duration(2-i%3) * time.Millisecond},
			&lineScanner{name: "c", ext: "0.txt"},
		}
		res, err := scanner.Run(context.Background(), root, ss, scanner.WithConcurrency(3))
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = res.Findings
			continue
		}
		if d := cmp.Diff(first, res.Findings); d != "" {
			t.Fatalf("run %d differs (-first +now):\n%s", i, d)
		}
	}
	seen := map[string]bool{}
	for _, f := range first {
		if f.Fingerprint == "" || seen[f.Fingerprint] {
			t.Fatalf("fingerprint missing or duplicated: %+v", f)
		}
		seen[f.Fingerprint] = true
	}
}

func TestRunFingerprintSurvivesLineMovesAndRootPath(t *testing.T) {
	a := writeTree(t, map[string]string{"x.txt": "BAD token\n"})
	b := writeTree(t, map[string]string{"x.txt": "\n\n\nmoved\nBAD token\n"})
	fpOf := func(root string) string {
		res, err := scanner.Run(context.Background(), root, []scanner.Scanner{&lineScanner{name: "t"}})
		if err != nil || len(res.Findings) != 1 {
			t.Fatalf("run %s: %v %v", root, err, res)
		}
		return res.Findings[0].Fingerprint
	}
	fa := fpOf(a)
	if fb := fpOf(b); fa != fb {
		t.Errorf("moving the line changed the fingerprint: %s vs %s", fa, fb)
	}
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, a)
	if err != nil {
		t.Fatal(err)
	}
	if fr := fpOf(rel); fr != fa {
		t.Errorf("relative root gave %s, absolute %s", fr, fa)
	}
}

func TestRunDuplicateEvidenceGetsOccurrenceSuffix(t *testing.T) {
	root := writeTree(t, map[string]string{"x.txt": "BAD\nBAD\n"})
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{&lineScanner{name: "t"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 || !strings.HasSuffix(res.Findings[1].Fingerprint, ":2") ||
		strings.Contains(res.Findings[0].Fingerprint, ":") {
		t.Errorf("fingerprints = %q, %q", res.Findings[0].Fingerprint, res.Findings[1].Fingerprint)
	}
}

func TestRunScannerErrorIsRecorded(t *testing.T) {
	root := writeTree(t, map[string]string{"x.txt": "BAD\n"})
	boom := errors.New("boom")
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{
		&lineScanner{name: "ok"}, &lineScanner{name: "broken", err: boom}, panicScanner{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 2 || !errors.Is(res.Errors[0].Err, boom) || res.Errors[0].Scanner != "broken" {
		t.Fatalf("errors = %v", res.Errors)
	}
	if !strings.Contains(res.Errors[1].Error(), "panicked") {
		t.Errorf("panic not converted: %v", res.Errors[1])
	}
	if len(res.Findings) != 2 { // ok and broken both report their finding
		t.Errorf("findings = %d, want 2", len(res.Findings))
	}
}

type panicScanner struct{}

func (panicScanner) Name() string                   { return "panicky" }
func (panicScanner) Match(string, fs.DirEntry) bool { return true }
func (panicScanner) Scan(context.Context, scanner.Target) ([]scanner.Finding, error) {
	panic("scanner bug")
}

func TestRunCancellation(t *testing.T) {
	root := writeTree(t, map[string]string{"x.txt": "BAD\n"})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	start := time.Now()
	_, err := scanner.Run(ctx, root, []scanner.Scanner{&lineScanner{name: "slow", delay: 10 * time.Second}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("cancellation did not stop the scanner")
	}
}

func TestRunBadRootAndPattern(t *testing.T) {
	if _, err := scanner.Run(context.Background(), filepath.Join(t.TempDir(), "missing"), nil); err == nil {
		t.Error("missing root accepted")
	}
	if _, err := scanner.Run(context.Background(), t.TempDir(), nil, scanner.WithExcludes("[")); err == nil {
		t.Error("invalid glob accepted")
	}
}

func TestRegistry(t *testing.T) {
	reg := scanner.Registry{
		"b": func() (scanner.Scanner, error) { return &lineScanner{name: "b"}, nil },
		"a": func() (scanner.Scanner, error) { return &lineScanner{name: "a"}, nil },
	}
	if d := cmp.Diff([]string{"a", "b"}, reg.Names()); d != "" {
		t.Error(d)
	}
	ss, err := reg.Build("b", "a", "b")
	if err != nil || len(ss) != 2 || ss[0].Name() != "b" {
		t.Fatalf("Build = %v, %v", ss, err)
	}
	if _, err := reg.Build("nope"); !errors.Is(err, scanner.ErrUnknownScanner) {
		t.Errorf("unknown scanner: %v", err)
	}
}

func TestRunGitignoreIsOptIn(t *testing.T) {
	root := writeTree(t, map[string]string{
		".gitignore":      "*.log\nbuild/\n!keep.log\n",
		"app.txt":         "BAD\n",
		"debug.log":       "BAD\n",
		"keep.log":        "BAD\n",
		"build/out.txt":   "BAD\n",
		"sub/.gitignore":  "local.txt\n",
		"sub/local.txt":   "BAD\n",
		"other/local.txt": "BAD\n",
	})
	count := func(opts ...scanner.Option) (int, scanner.SkipCounts) {
		res, err := scanner.Run(context.Background(), root, []scanner.Scanner{&lineScanner{name: "t"}}, opts...)
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Findings), res.Walk.Skipped
	}
	if n, _ := count(); n != 6 {
		t.Errorf("default: %d findings, want 6 (gitignore not applied)", n)
	}
	n, sk := count(scanner.WithGitignore(true))
	if n != 3 || sk.Gitignored != 3 { // app.txt, keep.log, other/local.txt remain
		t.Errorf("with gitignore: %d findings, %d gitignored; want 3 and 3", n, sk.Gitignored)
	}
}

func TestRunSingleFileTarget(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.txt":     "BAD one\n",
		"b.txt":     "BAD two\n",
		"c.md":      "BAD three\n",
		"sub/d.txt": "BAD four\n",
		"bin.txt":   "BAD\x00binary",
	})
	tests := []struct {
		name, target string
		want         []string // paths handed to the txt scanner
		wantMD       []string
	}{
		{name: "file", target: "a.txt", want: []string{"a.txt"}},
		{name: "other scanner's file", target: "c.md", wantMD: []string{"c.md"}},
		{name: "nested", target: "sub/d.txt", want: []string{"d.txt"}},
		{name: "binary is skipped", target: "bin.txt"},
		{name: "directory", target: ".", want: []string{"a.txt", "b.txt", "sub/d.txt"}, wantMD: []string{"c.md"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			txt := &lineScanner{name: "txt", ext: ".txt"}
			md := &lineScanner{name: "md", ext: ".md"}
			res, err := scanner.Run(context.Background(), filepath.Join(root, tc.target), []scanner.Scanner{txt, md})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, txt.seen); diff != "" {
				t.Errorf("txt scanner files (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantMD, md.seen); diff != "" {
				t.Errorf("md scanner files (-want +got):\n%s", diff)
			}
			if tc.target != "." {
				wantRoot := filepath.Dir(filepath.Join(root, tc.target))
				if real, err := filepath.EvalSymlinks(wantRoot); err == nil {
					wantRoot = real
				}
				if res.Root != wantRoot {
					t.Errorf("root = %s, want %s", res.Root, wantRoot)
				}
				if res.Walk.Files != 1 {
					t.Errorf("walk saw %d files, want 1", res.Walk.Files)
				}
			}
			for _, f := range res.Findings {
				if strings.Contains(f.Location.Path, "/") && tc.target != "." {
					t.Errorf("finding path %q not relative to the file's directory", f.Location.Path)
				}
			}
		})
	}
}
