package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPathPrefixMatchesWholeScan scans the demo tree whole, then each of
// its folders alone with --path-prefix: every folder's findings carry the
// same paths and fingerprints as the whole scan's findings under it, so a
// monorepo scanned folder by folder keeps its baselines, exceptions and
// code-scanning alerts.
func TestPathPrefixMatchesWholeScan(t *testing.T) {
	const demo = "../../testdata/demo"
	whole := prefixScan(t, demo)
	dirs, err := os.ReadDir(demo)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, d := range dirs {
		// .github alone is not a monorepo folder: scanners recognise
		// workflows by their path from the scan root (.github/workflows/),
		// and GitHub only runs the repository root's anyway.
		if !d.IsDir() || d.Name() == ".github" {
			continue
		}
		sub := d.Name()
		var want []string
		for _, f := range whole {
			if strings.HasPrefix(f, sub+"/") {
				want = append(want, f)
			}
		}
		got := prefixScan(t, filepath.Join(demo, sub), "--path-prefix", sub)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s scanned alone (-whole +alone):\n%s", sub, d)
		}
		checked += len(got)
	}
	if checked == 0 {
		t.Fatal("no findings compared")
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"scan", "-q", "--path-prefix", "../up", demo}, &stdout, &stderr); code != 2 {
		t.Errorf("--path-prefix ../up: exit %d, want 2", code)
	}
}

// prefixScan returns "path fingerprint" of every finding, sorted.
func prefixScan(t *testing.T, root string, extra ...string) []string {
	t.Helper()
	_, fs, _ := jsonFindings(t, append(append([]string{"--offline", "--osv-db", demoDB}, extra...), root)...)
	got := make([]string, 0, len(fs))
	for _, f := range fs {
		loc, _ := f["location"].(map[string]any)
		got = append(got, loc["path"].(string)+" "+f["fingerprint"].(string))
	}
	sort.Strings(got)
	return got
}
