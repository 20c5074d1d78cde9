package scanner_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tollgate-dev/tollgate/scanner"
)

// parseScanner reports a ParseError for every file containing "BROKEN",
// a budget for "HUGE", a plain error for "DEAD", and n findings for a
// line "FINDINGS n".
type parseScanner struct{}

func (parseScanner) Name() string                       { return "iac" }
func (parseScanner) Match(p string, _ fs.DirEntry) bool { return strings.HasSuffix(p, ".cfg") }
func (s parseScanner) Scan(_ context.Context, t scanner.Target) ([]scanner.Finding, error) {
	var out []scanner.Finding
	var errs []error
	for _, f := range t.Files {
		b, err := t.ReadFile(f.Path)
		if err != nil {
			return nil, err
		}
		text := string(b)
		switch {
		case strings.Contains(text, "BROKEN"):
			errs = append(errs, &scanner.ParseError{Kind: "YAML", Path: f.Path, Line: 3, Err: errors.New("mapping values are not allowed")})
		case strings.Contains(text, "HUGE"):
			errs = append(errs, &scanner.ParseError{Kind: "YAML", Path: f.Path, Line: 7,
				Err: &scanner.BudgetError{Budget: "yaml-documents", Limit: 1000, Detail: "2000 documents"}})
		case strings.Contains(text, "DEAD"):
			errs = append(errs, errors.New("database is corrupt"))
		}
		var n int
		if _, err := fmt.Sscanf(text, "FINDINGS %d", &n); err == nil {
			for i := range n {
				sev := scanner.SeverityLow
				if i == n-1 {
					sev = scanner.SeverityCritical
				}
				out = append(out, scanner.Finding{RuleID: "R", Severity: sev, Location: scanner.Location{Path: f.Path, StartLine: i + 1}, Evidence: fmt.Sprint(i)})
			}
		}
	}
	return out, errors.Join(errs...)
}

type structuredScanner struct{ parseScanner }

func (structuredScanner) Structured() {}

func byRule(fs []scanner.Finding) map[string][]scanner.Finding {
	m := map[string][]scanner.Finding{}
	for _, f := range fs {
		m[f.RuleID] = append(m[f.RuleID], f)
	}
	return m
}

func TestParseErrorsBecomeFindings(t *testing.T) {
	fsys := fstest.MapFS{
		"a.cfg": {Data: []byte("BROKEN")},
		"b.cfg": {Data: []byte("HUGE")},
		"c.cfg": {Data: []byte("fine")},
	}
	res, err := scanner.Run(context.Background(), ".", []scanner.Scanner{parseScanner{}}, scanner.WithFS(fsys))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 0 {
		t.Fatalf("errors = %v, want none: a file that does not parse is a finding", res.Errors)
	}
	got := byRule(res.Findings)["TG-PARSE-YAML"]
	if len(got) != 2 {
		t.Fatalf("parse findings = %+v", res.Findings)
	}
	parse, budget := got[0], got[1]
	if parse.Location.Path != "a.cfg" || parse.Location.StartLine != 3 || parse.Severity != scanner.SeverityMedium ||
		parse.Scanner != "iac" || parse.Evidence != "parse" || parse.Fingerprint == "" || !strings.Contains(parse.Description, "mapping values") {
		t.Errorf("parse finding = %+v", parse)
	}
	if budget.Location.Path != "b.cfg" || budget.Properties["budget"] != "yaml-documents" || budget.Properties["limit"] != int64(1000) ||
		budget.Evidence != "budget:yaml-documents" || !strings.Contains(budget.Description, "yaml-documents") {
		t.Errorf("budget finding = %+v", budget)
	}
}

func TestScannerFailureStaysAnError(t *testing.T) {
	fsys := fstest.MapFS{"a.cfg": {Data: []byte("BROKEN")}, "b.cfg": {Data: []byte("DEAD")}}
	res, err := scanner.Run(context.Background(), ".", []scanner.Scanner{parseScanner{}}, scanner.WithFS(fsys))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "database is corrupt") || strings.Contains(res.Errors[0].Error(), "mapping values") {
		t.Fatalf("errors = %v, want only the scanner failure", res.Errors)
	}
	if len(byRule(res.Findings)["TG-PARSE-YAML"]) != 1 {
		t.Errorf("findings = %+v, want the parse finding beside the error", res.Findings)
	}
}

func TestFindingsPerFileBudget(t *testing.T) {
	fsys := fstest.MapFS{"a.cfg": {Data: []byte("FINDINGS 12")}, "b.cfg": {Data: []byte("FINDINGS 3")}}
	res, err := scanner.Run(context.Background(), ".", []scanner.Scanner{parseScanner{}}, scanner.WithFS(fsys), scanner.WithMaxFindingsPerFile(5))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	critical := false
	for _, f := range res.Findings {
		if f.RuleID == "R" {
			count[f.Location.Path]++
			critical = critical || f.Severity == scanner.SeverityCritical
		}
	}
	if count["a.cfg"] != 5 || count["b.cfg"] != 3 || !critical {
		t.Errorf("kept %v (critical kept: %v), want 5 of a.cfg with the critical one, all 3 of b.cfg", count, critical)
	}
	capped := byRule(res.Findings)["TG-PARSE-FINDINGS"]
	if len(capped) != 1 || capped[0].Location.Path != "a.cfg" || !strings.Contains(capped[0].Description, "7 of 12") {
		t.Errorf("budget findings = %+v", capped)
	}
}

// A file that looks binary still reaches the scanners that parse it by
// name (and is counted); other scanners never see it.
func TestBinaryLookingStructuredFiles(t *testing.T) {
	fsys := fstest.MapFS{"lock.cfg": {Data: []byte("FINDINGS 1\x00")}}
	plain, structured := parseScanner{}, structuredScanner{}
	res, err := scanner.Run(context.Background(), ".", []scanner.Scanner{plain}, scanner.WithFS(fsys))
	if err != nil || len(res.Findings) != 0 || res.Walk.Skipped.Binary != 1 {
		t.Fatalf("plain scanner: err %v, findings %d, binary skipped %d", err, len(res.Findings), res.Walk.Skipped.Binary)
	}
	res, err = scanner.Run(context.Background(), ".", []scanner.Scanner{structured}, scanner.WithFS(fsys))
	if err != nil || len(res.Findings) != 1 || res.Walk.Skipped.Binary != 0 || res.Walk.BinaryStructured != 1 {
		t.Fatalf("structured scanner: err %v, findings %d, binary skipped %d, parsed %d", err, len(res.Findings), res.Walk.Skipped.Binary, res.Walk.BinaryStructured)
	}
}
