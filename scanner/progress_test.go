package scanner_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// slowReader reads each matched file, pausing between files.
type slowReader struct{}

func (slowReader) Name() string                       { return "slow" }
func (slowReader) Match(p string, _ fs.DirEntry) bool { return strings.HasSuffix(p, ".txt") }
func (slowReader) Scan(ctx context.Context, t scanner.Target) ([]scanner.Finding, error) {
	for _, f := range t.Files {
		if _, err := t.ReadFile(f.Path); err != nil {
			return nil, err
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil, nil
}

func TestProgressCountsFilesPerScanner(t *testing.T) {
	dir := t.TempDir()
	for i := range 10 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%d.txt", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	var seen []scanner.Progress
	_, err := scanner.Run(context.Background(), dir, []scanner.Scanner{slowReader{}},
		scanner.WithProgress(5*time.Millisecond, func(p scanner.Progress) {
			mu.Lock()
			seen = append(seen, p)
			mu.Unlock()
		}))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) < 3 {
		t.Fatalf("%d progress reports, want several", len(seen))
	}
	last := 0
	midway := false
	for _, p := range seen {
		sp := p.Scanners[0]
		if sp.Name != "slow" || sp.Total != 10 || sp.Done < last {
			t.Fatalf("bad progress %+v after done=%d", sp, last)
		}
		last = sp.Done
		midway = midway || (sp.Done > 0 && sp.Done < 10)
	}
	if end := seen[len(seen)-1].Scanners[0]; !end.Finished || end.Done != 10 {
		t.Errorf("final report %+v, want finished 10/10", end)
	}
	if !midway {
		t.Error("no report while the scanner was half way")
	}
}
