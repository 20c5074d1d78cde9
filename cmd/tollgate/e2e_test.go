package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// fakeScanner is the test-only scanner the end-to-end tests register
// through the library's Registry: each line "FINDING <SEVERITY> <rule>" in a
// .txt file is a finding, and a file containing SCANNER_ERROR makes the
// scanner fail.
type fakeScanner struct{}

func (fakeScanner) Name() string { return "fake" }
func (fakeScanner) Match(p string, _ fs.DirEntry) bool {
	return strings.HasSuffix(p, ".txt")
}
func (fakeScanner) Scan(_ context.Context, t scanner.Target) ([]scanner.Finding, error) {
	var out []scanner.Finding
	for _, f := range t.Files {
		b, err := t.ReadFile(f.Path)
		if err != nil {
			return out, err
		}
		if bytes.Contains(b, []byte("SCANNER_ERROR")) {
			return out, &scanner.FileError{Path: f.Path, Line: 1, Err: fmt.Errorf("cannot parse")}
		}
		for i, line := range strings.Split(string(b), "\n") {
			fields := strings.Fields(line)
			if len(fields) != 3 || fields[0] != "FINDING" {
				continue
			}
			sev, err := scanner.ParseSeverity(fields[1])
			if err != nil {
				return out, err
			}
			out = append(out, scanner.Finding{Scanner: "secrets", RuleID: fields[2], Title: "fake " + fields[2], Severity: sev,
				Location: scanner.Location{Path: f.Path, StartLine: i + 1}, Evidence: fields[2]})
		}
	}
	return out, nil
}

type cliResult struct {
	code           int
	stdout, stderr string
}

// runCLI runs the CLI in-process with the fake scanner as the only one.
func runCLI(t *testing.T, args ...string) cliResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a := &app{stdout: &stdout, stderr: &stderr, now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) },
		registry: func(scanSettings) scanner.Registry {
			return scanner.Registry{"fake": func() (scanner.Scanner, error) { return fakeScanner{}, nil }}
		}}
	code := a.run(context.Background(), append([]string{}, args...))
	return cliResult{code, stdout.String(), stderr.String()}
}

func scanArgs(extra ...string) []string {
	return append([]string{"scan", "--scanners", "fake", "-q"}, extra...)
}

func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestScanExitCodes(t *testing.T) {
	errTree := t.TempDir()
	if err := os.WriteFile(filepath.Join(errTree, "x.txt"), []byte("SCANNER_ERROR\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStdout string
		wantStderr string
	}{
		{"clean tree passes", scanArgs("../../testdata/e2e/clean"), 0, "Gate: PASSED", ""},
		{"high finding fails", scanArgs("../../testdata/e2e/high"), 1, "deny HIGH weak-cipher at app.txt:2", ""},
		{"fail-on critical passes a high", scanArgs("--fail-on", "critical", "../../testdata/e2e/high"), 0, "Gate: PASSED", ""},
		{"fail-on none", scanArgs("--fail-on", "none", "../../testdata/e2e/mixed"), 0, "Gate: PASSED", ""},
		{"fail-on medium", scanArgs("--fail-on", "medium", "../../testdata/e2e/mixed"), 1, "2 reason(s)", ""},
		{"broken policy", scanArgs("--policy", "../../testdata/e2e/broken-policy", "../../testdata/e2e/clean"), 2, "", "broken.rego:5"},
		{"scanner error fails closed", scanArgs(errTree), 2, "", "x.txt:1: cannot parse"},
		{"scanner error allowed", scanArgs("--allow-scanner-errors", errTree), 0, "warn scanner fake failed (allowed by config)", ""},
		{"unknown format", scanArgs("-f", "xml", "../../testdata/e2e/clean"), 2, "", "unknown report format"},
		{"unknown scanner", []string{"scan", "--scanners", "sast", "../../testdata/e2e/clean"}, 2, "", "unknown scanner"},
		{"bad fail-on", scanArgs("--fail-on", "severe", "../../testdata/e2e/clean"), 2, "", "--fail-on"},
		{"missing root", scanArgs("../../testdata/e2e/nope"), 2, "", "not a readable directory"},
		{"unknown flag", []string{"scan", "--frobnicate"}, 2, "", "unknown flag"},
		{"subfolder config is ignored", scanArgs("../../testdata/e2e/high"), 1, "weak-cipher", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != tt.want {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.want, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.wantStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantStdout, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantStderr, r.stderr)
			}
			if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic") {
				t.Errorf("stack trace shown to the user:\n%s", r.stderr)
			}
		})
	}
}

func TestScanWritesSeveralReports(t *testing.T) {
	dir := t.TempDir()
	sarifPath, jsonPath, junitPath := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.json"), filepath.Join(dir, "sub", "out.xml")
	r := runCLI(t, scanArgs("--report", "sarif="+sarifPath, "--report", "json="+jsonPath, "--report", "junit="+junitPath, "../../testdata/e2e/high")...)
	if r.code != 1 || !strings.Contains(r.stdout, "SEVERITY") {
		t.Fatalf("exit %d stdout %s stderr %s", r.code, r.stdout, r.stderr)
	}
	var doc struct {
		SchemaVersion string           `json:"schema_version"`
		Decision      scanner.Decision `json:"decision"`
		Findings      []scanner.Finding
	}
	b, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != "1" || doc.Decision.Pass || len(doc.Findings) != 1 {
		t.Errorf("json report: %+v", doc)
	}
	for _, p := range []string{sarifPath, junitPath} {
		if info, err := os.Stat(p); err != nil || info.Size() == 0 {
			t.Errorf("%s not written: %v", p, err)
		}
	}
	if r := runCLI(t, scanArgs("--report", "sarif", "../../testdata/e2e/high")...); r.code != 2 {
		t.Errorf("--report without =FILE: exit %d", r.code)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExceptionsThroughCLI(t *testing.T) {
	root := copyTree(t, "../../testdata/e2e/high")
	cfg := filepath.Join(root, ".tollgate.yaml")
	writeFile(t, cfg, "exceptions:\n  - id: weak-cipher\n    reason: legacy client, tracked in SEC-12\n    owner: team-crypto\n    expires: 2026-12-31\n")
	if r := runCLI(t, scanArgs(root)...); r.code != 0 || !strings.Contains(r.stdout, "excepted: legacy client") {
		t.Fatalf("live exception: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The same exception, expired: exit 0 flips to 1, with the reason.
	writeFile(t, cfg, "exceptions:\n  - id: weak-cipher\n    reason: legacy client\n    owner: team-crypto\n    expires: 2026-11-01\n")
	r := runCLI(t, scanArgs(root)...)
	if r.code != 1 || !strings.Contains(r.stdout, "exception weak-cipher expired on 2026-11-01 (owner team-crypto") {
		t.Fatalf("expired exception: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A malformed exceptions file is an error naming file and line.
	writeFile(t, cfg, "exceptions:\n  - id: weak-cipher\n    expires: 2026-12-31\n")
	if r := runCLI(t, scanArgs(root)...); r.code != 2 || !strings.Contains(r.stderr, ".tollgate.yaml:2") {
		t.Fatalf("bad exceptions: exit %d\n%s", r.code, r.stderr)
	}
	// --config points elsewhere explicitly.
	other := filepath.Join(t.TempDir(), "exceptions.yaml")
	writeFile(t, other, "exceptions:\n  - id: weak-cipher\n    reason: ok\n    expires: 2027-01-01\n")
	if r := runCLI(t, scanArgs("--config", other, root)...); r.code != 0 {
		t.Fatalf("--config: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestBaselineThroughCLI(t *testing.T) {
	root := copyTree(t, "../../testdata/e2e/high")
	base := filepath.Join(t.TempDir(), "main.sarif")
	if r := runCLI(t, scanArgs("-f", "sarif", "-o", base, root)...); r.code != 1 {
		t.Fatalf("baseline run: exit %d %s", r.code, r.stderr)
	}
	// Unchanged tree, code moved down, checkout folder renamed: passes.
	moved := filepath.Join(t.TempDir(), "renamed-checkout")
	if err := os.Rename(root, moved); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(moved, "app.txt"), "new first line\nanother\n\nline one\nFINDING HIGH weak-cipher\n")
	if r := runCLI(t, scanArgs("--baseline", base, moved)...); r.code != 0 || !strings.Contains(r.stdout, "[baseline]") {
		t.Fatalf("unchanged tree with baseline: exit %d\n%s", r.code, r.stdout)
	}
	// A new finding fails.
	writeFile(t, filepath.Join(moved, "new.txt"), "FINDING HIGH hardcoded-key\n")
	r := runCLI(t, scanArgs("--baseline", base, moved)...)
	if r.code != 1 || !strings.Contains(r.stdout, "deny HIGH hardcoded-key") || strings.Contains(r.stdout, "deny HIGH weak-cipher") {
		t.Fatalf("new finding with baseline: exit %d\n%s", r.code, r.stdout)
	}
}

func TestDumpInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "input.json")
	if r := runCLI(t, scanArgs("--dump-input", out, "../../testdata/e2e/high")...); r.code != 1 {
		t.Fatalf("exit %d", r.code)
	}
	var in struct {
		SchemaVersion string `json:"schema_version"`
		Findings      []map[string]any
		Config        map[string]any
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &in); err != nil || in.SchemaVersion != "1" || len(in.Findings) != 1 || in.Config["fail_on"] != "high" {
		t.Fatalf("input = %s (%v)", b, err)
	}
}

func TestPolicyTestCommand(t *testing.T) {
	if r := runCLI(t, "policy", "test", "../../testdata/e2e/policies/passing"); r.code != 0 || !strings.Contains(r.stdout, "2 tests, 2 passed, 0 failed") {
		t.Fatalf("passing: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := runCLI(t, "policy", "test", "../../testdata/e2e/policies/failing")
	if r.code != 1 || !strings.Contains(r.stdout, "FAIL data.tollgate.gate_test.test_low_secret_passes") {
		t.Fatalf("failing: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "policy", "test", "../../testdata/e2e/broken-policy"); r.code != 2 || !strings.Contains(r.stderr, "broken.rego:5") {
		t.Fatalf("broken: exit %d\n%s", r.code, r.stderr)
	}
}
