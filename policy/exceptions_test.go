package policy_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

func TestParseExceptionsErrors(t *testing.T) {
	tests := map[string]struct{ src, want string }{
		"unknown key":  {"exceptions:\n  - id: X\n    reason: r\n    expires: 2027-01-01\n    owner_team: a\n", "owner_team"},
		"bad date":     {"exceptions:\n  - id: X\n    reason: r\n    expires: 31/12/2026\n", ".tollgate.yaml:2: exception 1: expires"},
		"no reason":    {"exceptions:\n  - id: X\n    expires: 2027-01-01\n", ".tollgate.yaml:2: exception 1: reason is required"},
		"no expiry":    {"exceptions:\n  - id: X\n    reason: r\n", "expires is required"},
		"no scope":     {"exceptions:\n  - reason: r\n    expires: 2027-01-01\n", "needs at least one of"},
		"bad scanner":  {"exceptions:\n  - id: X\n    scanner: sast\n    reason: r\n    expires: 2027-01-01\n", "unknown scanner"},
		"not yaml":     {"exceptions: [\n", ".tollgate.yaml"},
		"second entry": {"exceptions:\n  - id: X\n    reason: r\n    expires: 2027-01-01\n  - id: Y\n    reason: ''\n    expires: 2027-01-01\n", ".tollgate.yaml:5: exception 2"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := policy.ParseExceptions(".tollgate.yaml", []byte(tt.src))
			if !errors.Is(err, policy.ErrInvalidExceptions) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	x, err := policy.ParseExceptions("x", []byte("allow_permanent_exceptions: true\nexceptions:\n  - id: X\n    reason: accepted\n"))
	if err != nil || len(x.Entries) != 1 || x.Entries[0].Expires != nil {
		t.Fatalf("permanent exception: %v %+v", err, x)
	}
	if x, err := policy.ParseExceptions("x", nil); err != nil || len(x.Entries) != 0 {
		t.Fatalf("empty file: %v", err)
	}
}

func depFinding(id string, aliases []string, name, version string) scanner.Finding {
	return scanner.Finding{Scanner: "deps", RuleID: id, Aliases: aliases, Title: "vuln", Severity: scanner.SeverityHigh,
		Location: scanner.Location{Path: "app/package-lock.json", StartLine: 10},
		Package:  &scanner.Package{Ecosystem: "npm", Name: name, Version: version, PURL: "pkg:npm/" + name + "@" + version},
		Evidence: "npm/" + name + "@" + version}
}

func TestExceptionsMatchAndExpire(t *testing.T) {
	src := `exceptions:
  - id: CVE-2021-23337
    reason: not reachable
    owner: team-web
    expires: 2027-01-31
  - package: minimist@1.2.5
    reason: dev only
    expires: 2026-11-01
    owner: alice
  - path: "legacy/**"
    scanner: secrets
    reason: rotated
    expires: 2027-01-01
  - id: NEVER-MATCHES
    reason: stale
    expires: 2027-01-01
`
	x, err := policy.ParseExceptions(".tollgate.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res := result(
		depFinding("GHSA-35jh-r3h4-6jhm", []string{"CVE-2021-23337"}, "lodash", "4.17.20"),
		depFinding("GHSA-xvch-5gv4-984h", []string{"CVE-2021-44906"}, "minimist", "1.2.5"),
		finding("aws-key", scanner.SeverityHigh, "legacy/old.env"),
		finding("aws-key", scanner.SeverityHigh, "src/new.env"),
	)
	in := policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), Now: now, Exceptions: x})
	got := map[string]bool{}
	for _, f := range in.Findings {
		got[f.RuleID+" "+f.Location.Path] = f.Suppressed
	}
	want := map[string]bool{
		"GHSA-35jh-r3h4-6jhm app/package-lock.json": true,  // alias match
		"GHSA-xvch-5gv4-984h app/package-lock.json": false, // expired
		"aws-key legacy/old.env":                    true,  // path glob
		"aws-key src/new.env":                       false,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s suppressed = %v, want %v", k, got[k], v)
		}
	}
	d := decide(t, res, policy.DefaultConfig(), policy.InputOptions{Exceptions: x})
	var msgs []string
	for _, r := range d.Deny {
		msgs = append(msgs, r.Rule+": "+r.Msg)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		"expired-exception: exception minimist@1.2.5 expired on 2026-11-01 (owner alice, .tollgate.yaml:6)",
		"severity-threshold: HIGH GHSA-xvch-5gv4-984h",
		"severity-threshold: HIGH aws-key at src/new.env:3",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing deny %q in:\n%s", want, joined)
		}
	}
	if len(d.Deny) != 3 {
		t.Errorf("deny = %d, want 3:\n%s", len(d.Deny), joined)
	}
	if len(d.Warn) != 1 || !strings.Contains(d.Warn[0].Msg, "NEVER-MATCHES matched no finding") {
		t.Errorf("warn = %+v", d.Warn)
	}
}

func TestBaselineMarksKnownFindings(t *testing.T) {
	res := result(finding("old", scanner.SeverityHigh, "a"), finding("new", scanner.SeverityHigh, "b"))
	dir := t.TempDir()
	jsonBase := filepath.Join(dir, "base.json")
	sarifBase := filepath.Join(dir, "base.sarif")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(jsonBase, `{"findings":[{"fingerprint":"`+res.Findings[0].Fingerprint+`"}]}`)
	write(sarifBase, `{"runs":[{"results":[{"partialFingerprints":{"tollgate/v1":"`+res.Findings[0].Fingerprint+`"}}]}]}`)
	for _, file := range []string{jsonBase, sarifBase} {
		b, err := policy.LoadBaseline(file)
		if err != nil {
			t.Fatal(err)
		}
		d := decide(t, res, policy.DefaultConfig(), policy.InputOptions{Baseline: b})
		if len(d.Deny) != 1 || !strings.Contains(d.Deny[0].Msg, " new ") {
			t.Errorf("%s: deny = %+v", file, d.Deny)
		}
	}
	write(jsonBase, `{"something":"else"}`)
	if _, err := policy.LoadBaseline(jsonBase); !errors.Is(err, policy.ErrInvalidBaseline) {
		t.Errorf("bad baseline: %v", err)
	}
}

func TestStaleWarningOnlyWhenScopedScannerRan(t *testing.T) {
	x, err := policy.ParseExceptions(".tollgate.yaml", []byte("exceptions:\n  - id: GHSA-1\n    scanner: deps\n    reason: r\n    expires: 2027-01-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := result() // only the secrets scanner ran
	if d := decide(t, res, policy.DefaultConfig(), policy.InputOptions{Exceptions: x}); len(d.Warn) != 0 {
		t.Errorf("stale warning for a scanner that did not run: %+v", d.Warn)
	}
	res.Scanners = append(res.Scanners, scanner.ScannerStats{Name: "deps"})
	if d := decide(t, res, policy.DefaultConfig(), policy.InputOptions{Exceptions: x}); len(d.Warn) != 1 {
		t.Errorf("no stale warning although deps ran: %+v", d.Warn)
	}
}
