package scanner_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

func TestRemediations(t *testing.T) {
	yes, no := true, false
	dep := func(rule string, sev scanner.Severity, lock, name, version, up string, direct *bool, dev bool) scanner.Finding {
		return scanner.Finding{Scanner: scanner.KindDeps, RuleID: rule, Severity: sev, Location: scanner.Location{Path: lock},
			Package: &scanner.Package{Ecosystem: "npm", Name: name, Version: version, UpgradeTo: up, UpgradeMajor: up == "5.0.0", Direct: direct, Dev: dev}}
	}
	excepted := dep("GHSA-3", scanner.SeverityCritical, "a/package-lock.json", "lodash", "4.17.4", "5.0.0", &no, false)
	excepted.Gate = &scanner.GateStatus{New: true, Exception: &scanner.Exception{ID: "GHSA-3", Reason: "r"}}
	fs := []scanner.Finding{
		dep("GHSA-1", scanner.SeverityHigh, "a/package-lock.json", "lodash", "4.17.4", "5.0.0", &no, false),
		// The same advisory in a second lockfile, where lodash is direct
		// and rated higher: counted once, at its highest severity.
		dep("GHSA-1", scanner.SeverityCritical, "b/package-lock.json", "lodash", "4.17.4", "5.0.0", &yes, false),
		dep("GHSA-2", scanner.SeverityMedium, "a/package-lock.json", "lodash", "4.17.4", "5.0.0", &no, false),
		excepted,
		dep("GHSA-9", scanner.SeverityHigh, "a/package-lock.json", "mocha-helper", "1.0.0", "", nil, true),
		{Scanner: scanner.KindSecrets, RuleID: "aws-key", Severity: scanner.SeverityCritical},
	}
	got := scanner.Remediations(fs)
	want := []scanner.Remediation{
		{Ecosystem: "npm", Name: "lodash", Version: "4.17.4", UpgradeTo: "5.0.0", Major: true, Direct: &yes,
			Advisories: []string{"GHSA-1", "GHSA-3", "GHSA-2"}, Severities: map[string]int{"CRITICAL": 2, "MEDIUM": 1},
			Locations: []string{"a/package-lock.json", "b/package-lock.json"}, Excepted: 1},
		{Ecosystem: "npm", Name: "mocha-helper", Version: "1.0.0", Dev: true,
			Advisories: []string{"GHSA-9"}, Severities: map[string]int{"HIGH": 1}, Locations: []string{"a/package-lock.json"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Remediations (-want +got):\n%s", diff)
	}
	std := scanner.Finding{Scanner: scanner.KindDeps, RuleID: "GO-1", Location: scanner.Location{Path: "go.mod"},
		Package:    &scanner.Package{Ecosystem: "Go", Name: "stdlib", Version: "1.13"},
		Properties: map[string]any{"stdlib_version_source": "go-directive"}}
	if got := scanner.Remediations([]scanner.Finding{std}); len(got) != 1 || got[0].VersionSource != "go-directive" {
		t.Errorf("stdlib remediation = %+v, want version_source go-directive", got)
	}
	if got := scanner.Remediations(nil); got == nil || len(got) != 0 {
		t.Errorf("no findings: %#v, want an empty list", got)
	}
}
