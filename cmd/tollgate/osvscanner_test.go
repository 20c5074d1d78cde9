package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestDBStatusShowsCountsAgeSource: `db status` lists each ecosystem with
// its advisory count, age and where the archive came from.
func TestDBStatusShowsCountsAgeSource(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"db", "status", "--osv-db", demoDB}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"ECOSYSTEM  ADVISORIES  SIZE", "AGE  SOURCE", "PyPI       1 ", "npm        2 ", "placed by another tool (osv-scalibr/ layout)"} {
		if !strings.Contains(out, want) {
			t.Errorf("db status output lacks %q:\n%s", want, out)
		}
	}
}

// TestMissingEcosystemWarnsInEveryReport: an offline database without
// PyPI data checks the demo's npm lockfile and says, once, in every
// report and in the policy input, that the Python packages went unchecked.
func TestMissingEcosystemWarnsInEveryReport(t *testing.T) {
	db := t.TempDir()
	npm, err := os.ReadFile(filepath.Join(demoDB, "osv-scalibr", "npm", "all.zip"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(db, "osv-scalibr", "npm", "all.zip"), string(npm))
	outputs := everyOutput(t, "../../testdata/demo", "--scanners", "deps", "--offline", "--osv-db", db)
	const msg = "offline advisory database has no PyPI data: 2 PyPI package(s) not checked"
	for _, name := range []string{"out.json", "out.sarif", "out.markdown", "out.junit", "out.table"} {
		if !strings.Contains(outputs[name], msg) {
			t.Errorf("%s does not mention the missing ecosystem:\n%s", name, outputs[name])
		}
	}
	if n := strings.Count(outputs["out.table"], msg); n != 1 {
		t.Errorf("the table warns %d times about PyPI, want once", n)
	}
	if !strings.Contains(outputs["input.json"], `"missing": [`) || !strings.Contains(outputs["input.json"], `"ecosystem": "PyPI"`) {
		t.Errorf("policy input lacks scan.db.missing:\n%s", outputs["input.json"])
	}
	if strings.Contains(outputs["stderr"], "scan incomplete") {
		t.Errorf("a missing ecosystem failed the scan closed:\n%s", outputs["stderr"])
	}
}
