package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// pacedScanner reads its files slowly enough for the scan to pass the
// progress line's one-second threshold.
type pacedScanner struct{ pause time.Duration }

func (pacedScanner) Name() string                       { return "paced" }
func (pacedScanner) Match(p string, _ fs.DirEntry) bool { return strings.HasSuffix(p, ".txt") }
func (s pacedScanner) Scan(_ context.Context, t scanner.Target) ([]scanner.Finding, error) {
	for _, f := range t.Files {
		if _, err := t.ReadFile(f.Path); err != nil {
			return nil, err
		}
		time.Sleep(s.pause)
	}
	return nil, nil
}

func TestProgressLineOnlyOnASlowTerminalScan(t *testing.T) {
	dir := t.TempDir()
	for i := range 8 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%d.txt", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	scan := func(tty bool, pause time.Duration, extra ...string) string {
		var stdout, stderr bytes.Buffer
		a := &app{stdout: &stdout, stderr: &stderr, now: time.Now, stderrTTY: tty,
			registry: func(scanSettings) scanner.Registry {
				return scanner.Registry{"paced": func() (scanner.Scanner, error) { return pacedScanner{pause}, nil }}
			}}
		if code := a.run(context.Background(), append([]string{"scan", "--scanners", "paced"}, append(extra, dir)...)); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return stderr.String()
	}
	slow := scan(true, 200*time.Millisecond)
	if !strings.Contains(slow, "\rtollgate: paced ") || !strings.Contains(slow, "/8") {
		t.Errorf("no progress line on a slow terminal scan:\n%q", slow)
	}
	// The line is erased before the summary, which starts on a clean line.
	if i := strings.LastIndex(slow, "\r"); !strings.HasPrefix(slow[i+1:], "tollgate: 0 findings") {
		t.Errorf("summary not on a cleared line:\n%q", slow[i:])
	}
	if s := scan(false, 200*time.Millisecond); strings.Contains(s, "\r") {
		t.Errorf("progress written to a non-terminal:\n%q", s)
	}
	if s := scan(true, 0); strings.Contains(s, "\r") {
		t.Errorf("progress on a fast scan:\n%q", s)
	}
	if s := scan(true, 200*time.Millisecond, "-q"); strings.Contains(s, "\r") {
		t.Errorf("progress despite -q:\n%q", s)
	}
}
