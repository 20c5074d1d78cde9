package policy

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/tollgate-dev/tollgate/scanner"
)

// toValue is the whole input as one OPA value, as the gate builds it
// when it does not decide in chunks.
func toValue(in Input, src findingSource, fields map[string]bool) (v ast.Value, release func(), err error) {
	rest, err := restObject(in, fields)
	if err != nil {
		return nil, nil, err
	}
	fs, err := allTerms(src, fields)
	if err != nil {
		return nil, nil, err
	}
	return withFindings(rest, fs.terms), fs.release, nil
}

// TestInputValueMatchesJSON guards the fast path: the value the gate
// evaluates must equal the documented JSON form (what --dump-input writes).
func TestInputValueMatchesJSON(t *testing.T) {
	exp := time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
	direct := false
	full := scanner.Finding{Scanner: "deps", RuleID: "GHSA-1", Title: "t", Description: "d", Severity: scanner.SeverityHigh, Score: 7.5,
		Location: scanner.Location{Path: "a/b", StartLine: 1, StartColumn: 2, EndLine: 3, EndColumn: 4}, Snippet: "s",
		Package: &scanner.Package{Ecosystem: "npm", Name: "x", Version: "1", PURL: "pkg:npm/x@1", FixedVersions: []string{"2"}, Fix: "2", Dev: true, Direct: &direct},
		Aliases: []string{"CVE-1"}, References: []string{"https://r"}, Remediation: "r", CWEs: []string{"CWE-1"}, Tags: []string{"t"},
		Evidence: "e", Fingerprint: "fp", Properties: map[string]any{"called": true, "n": 3, "list": []any{"a"}, "verified": true}}
	res := &scanner.Result{Root: "/r", Findings: []scanner.Finding{full, {Scanner: "iac", RuleID: "X", Fingerprint: "fp2", Location: scanner.Location{Path: "p"}}},
		Errors: []scanner.ScanError{{Scanner: "x", Err: errTest}}}
	ex := &Exceptions{Entries: []ExceptionEntry{{Exception: scanner.Exception{ID: "GHSA-1", Reason: "why", Owner: "o", Ticket: "T-1", Expires: &exp, Source: "f:1"}, RuleID: "GHSA-1"}}}
	opts := InputOptions{Config: DefaultConfig(), Now: time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC), Exceptions: ex, Baseline: Baseline{"fp2": true}}
	in := BuildInput(res, opts)
	fast, _, err := toValue(in, findingSource{input: in.Findings}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := ast.ValueFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if fast.Compare(slow) != 0 {
		t.Errorf("fast input differs from JSON input:\nfast %v\njson %v", fast, slow)
	}
	// DecideResult's path: the findings converted one at a time from the
	// annotated result.
	fromResult, _, err := toValue(annotate(res, opts), findingSource{result: res.Findings}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fromResult.Compare(slow) != 0 {
		t.Errorf("input built from the result differs from JSON input:\nresult %v\njson   %v", fromResult, slow)
	}
}

var errTest = testError("boom")

type testError string

func (e testError) Error() string { return string(e) }
