package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// lowTree has one LOW and one HIGH fake finding, the HIGH one in skipme/.
func lowTree(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "skipme"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"a.txt": "FINDING LOW low-rule\n", "skipme/b.txt": "FINDING HIGH high-rule\n"}
	if config != "" {
		files[".tollgate.yaml"] = config
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestScanSettingsPrecedence: a flag beats TOLLGATE_* beats the scan:
// section of .tollgate.yaml beats the default.
func TestScanSettingsPrecedence(t *testing.T) {
	withFile := lowTree(t, "scan:\n  fail_on: low\n  exclude: [nothing-here]\n  skip-dirs:\n    - skipme\n")
	tests := []struct {
		name string
		env  map[string]string
		args []string
		dir  string
		want int
	}{
		{"default high, HIGH finding fails", nil, nil, lowTree(t, ""), 1},
		{"file: fail_on low and skip-dirs skipme", nil, nil, withFile, 1},
		{"env beats file", map[string]string{"TOLLGATE_FAIL_ON": "high"}, nil, withFile, 0},
		{"flag beats env", map[string]string{"TOLLGATE_FAIL_ON": "high"}, []string{"--fail-on", "low"}, withFile, 1},
		{"env list value", map[string]string{"TOLLGATE_FAIL_ON": "none"}, nil, lowTree(t, ""), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			r := runCLI(t, scanArgs(append(tc.args, tc.dir)...)...)
			if r.code != tc.want {
				t.Errorf("exit %d, want %d\n%s%s", r.code, tc.want, r.stdout, r.stderr)
			}
		})
	}
	// skip-dirs from the file really skipped skipme/: only the LOW finding.
	r := runCLI(t, scanArgs("-f", "json", withFile)...)
	if !strings.Contains(r.stdout, "low-rule") || strings.Contains(r.stdout, "high-rule") {
		t.Errorf("skip-dirs from the file not applied:\n%s", r.stdout)
	}
}

func TestScanSettingsErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct{ config, want string }{
		{"scan:\n  fail_on: low\n  no_such_flag: 1\n", ".tollgate.yaml:3: unknown scan setting \"no_such_flag\""},
		{"scan:\n  fail_on: [low, high]\n", ".tollgate.yaml:2: scan.fail_on takes one value"},
		{"scan:\n  max_file_size: lots\n", ".tollgate.yaml:2: scan.max_file_size"},
		{"scan:\n  config: other.yaml\n", "unknown scan setting \"config\""},
	} {
		r := runCLI(t, scanArgs(lowTree(t, tc.config))...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.config, r.code, r.stderr, tc.want)
		}
	}
	t.Setenv("TOLLGATE_MAX_FILE_SIZE", "lots")
	if r := runCLI(t, scanArgs(lowTree(t, ""))...); r.code != 2 || !strings.Contains(r.stderr, "TOLLGATE_MAX_FILE_SIZE") {
		t.Errorf("bad env value: exit %d, %s", r.code, r.stderr)
	}
}

func TestConfigPrintShowsSources(t *testing.T) {
	dir := lowTree(t, "scan:\n  fail_on: low\n")
	t.Setenv("TOLLGATE_SCANNERS", "secrets")
	r := runCLI(t, "config", "print", "--format", "json", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"fail-on ", "low", "file " + filepath.Join(dir, ".tollgate.yaml") + ":2",
		"scanners", "[secrets]", "env", "TOLLGATE_SCANNERS",
		"format", "json", "flag",
		"max-file-size", "default",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("config print lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestSeverityFilterOnlyHidesFromReports: --severity HIGH lists only HIGH
// findings, yet the gate (fail-on low) still fails on the LOW one.
func TestSeverityFilterOnlyHidesFromReports(t *testing.T) {
	dir := lowTree(t, "")
	r := runCLI(t, scanArgs("--severity", "HIGH", "--fail-on", "low", "-f", "json", dir)...)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].RuleID != "high-rule" {
		t.Errorf("reported %v, want only high-rule", rep.Findings)
	}
	if r := runCLI(t, scanArgs("--severity", "SEVERE", dir)...); r.code != 2 {
		t.Errorf("bad --severity: exit %d", r.code)
	}
}

func TestIgnoreUnfixedDropsAndCounts(t *testing.T) {
	res := &scanner.Result{
		Findings: []scanner.Finding{
			{Scanner: "deps", RuleID: "A", Package: &scanner.Package{Name: "x", Fix: "1.2"}},
			{Scanner: "deps", RuleID: "B", Package: &scanner.Package{Name: "y"}},
			{Scanner: "secrets", RuleID: "C"},
		},
		Scanners: []scanner.ScannerStats{{Name: "deps", Findings: 2}},
	}
	if n := dropUnfixed(res); n != 1 || len(res.Findings) != 2 || res.Findings[0].RuleID != "A" || res.Findings[1].RuleID != "C" {
		t.Errorf("dropped %d, left %v", n, res.Findings)
	}
	if res.Scanners[0].Extra["ignored_unfixed"] != 1 || res.Scanners[0].Findings != 1 {
		t.Errorf("stats %+v", res.Scanners[0])
	}
}

// TestNoScannerFailsClosed: an empty scanner list (a flag, or an empty
// TOLLGATE_SCANNERS exported by a CI system for an unset input) must not
// yield a gate that passes over nothing.
func TestNoScannerFailsClosed(t *testing.T) {
	dir := lowTree(t, "")
	if r := runCLI(t, "scan", "-q", "--scanners", "", dir); r.code != 2 || !strings.Contains(r.stderr, "no scanner selected") {
		t.Errorf("--scanners '': exit %d, %s", r.code, r.stderr)
	}
	t.Setenv("TOLLGATE_SCANNERS", "")
	t.Setenv("TOLLGATE_FAIL_ON", "")
	if r := runCLI(t, scanArgs(dir)...); r.code != 1 {
		t.Errorf("empty TOLLGATE_* variables changed the scan: exit %d, %s", r.code, r.stderr)
	}
}
