package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestOSVScannerConfigAsExceptions scans the demo lockfiles with the real
// dependency scanner and an osv-scanner.toml from
// testdata/deps/osv-scanner-config: an ignore suppresses, an expired
// ignoreUntil denies like an expired exception, a package override
// suppresses the package, and a file in a subfolder is not trusted.
func TestOSVScannerConfigAsExceptions(t *testing.T) {
	tests := []struct {
		name, fixture, at string
		wantCode          int
		wantRules         []string // deny rules
		wantSuppressed    int
	}{
		{"ignore", "ignore.toml", "osv-scanner.toml", 0, nil, 1},
		{"expired ignoreUntil", "expired.toml", "osv-scanner.toml", 1, []string{"expired-exception", "severity-threshold"}, 0},
		{"package override", "override.toml", "osv-scanner.toml", 0, nil, 2},
		{"subfolder file ignored", "ignore.toml", "web/osv-scanner.toml", 1, []string{"severity-threshold"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := copyTree(t, "../../testdata/demo")
			for _, drop := range []string{"config", "deploy", "infra", "Dockerfile"} {
				if err := os.RemoveAll(filepath.Join(root, drop)); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := os.ReadFile(filepath.Join("../../testdata/deps/osv-scanner-config", tt.fixture))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(root, tt.at), string(cfg))
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"scan", "-q", "--scanners", "deps", "--offline", "--osv-db", demoDB, "-f", "json", root}, &stdout, &stderr)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.wantCode, stdout.String(), stderr.String())
			}
			var rep struct {
				Decision struct{ Deny []struct{ Rule string } }
				Findings []struct {
					Gate struct {
						Exception *struct {
							Expired bool
							Source  string
						}
					}
				}
			}
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			var rules []string
			for _, d := range rep.Decision.Deny {
				rules = append(rules, d.Rule)
			}
			slices.Sort(rules)
			if !slices.Equal(rules, tt.wantRules) {
				t.Errorf("deny rules %v, want %v", rules, tt.wantRules)
			}
			n := 0
			for _, f := range rep.Findings {
				if e := f.Gate.Exception; e != nil && !e.Expired {
					n++
				}
			}
			if n != tt.wantSuppressed {
				t.Errorf("%d findings suppressed, want %d", n, tt.wantSuppressed)
			}
		})
	}
}
