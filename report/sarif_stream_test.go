package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// sarifWholeDocument is the log encoded at once, as the writer did before
// it streamed: the reference for the streamed bytes.
func sarifWholeDocument(t *testing.T, r *Report) []byte {
	t.Helper()
	doc, plans, err := r.sarifLog()
	if err != nil {
		t.Fatal(err)
	}
	denied := r.denied()
	for i, p := range plans {
		doc.Runs[i].Properties["tollgate"].(map[string]any)["decision"] = r.Decision
		for _, f := range p.rules {
			doc.Runs[i].Tool.Driver.Rules = append(doc.Runs[i].Tool.Driver.Rules, sarifRule(*f, r.UnknownAs))
		}
		for j := range p.fs {
			doc.Runs[i].Results = append(doc.Runs[i].Results, p.result(r, j, denied))
		}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func TestSARIFStreamMatchesWholeDocument(t *testing.T) {
	many := benchFindings(maxResultsPerRun + 7) // one run truncated
	for i := range many {
		many[i].Fingerprint = fmt.Sprintf("%032x", i)
		many[i].Description += "<tag> & \"quotes\"\n\ttab"
	}
	mixed := benchFindings(40)
	for i := range mixed {
		mixed[i].Scanner = []string{"deps", "secrets", "iac"}[i%3]
		mixed[i].RuleID = fmt.Sprintf("RULE-%d", i%5)
		mixed[i].Fingerprint = fmt.Sprintf("%032x", i)
	}
	for _, tc := range []struct {
		name     string
		scanners []string
		findings []scanner.Finding
		errs     []scanner.ScanError
	}{
		{"no findings", []string{"deps", "secrets", "iac"}, nil, nil},
		{"passed", []string{"deps"}, mixed[:1], nil},
		{"a scanner failed", []string{"deps", "iac"}, mixed[:4], []scanner.ScanError{{Scanner: "iac", Err: fmt.Errorf("boom")}}},
		{"three runs", []string{"deps", "secrets", "iac"}, mixed, nil},
		{"a truncated run", []string{"deps"}, many, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Report{ToolName: "tollgate", ToolVersion: "1.2.3", Scanners: tc.scanners,
				Result: &scanner.Result{Root: t.TempDir(), Findings: tc.findings, Errors: tc.errs},
				Decision: scanner.Decision{Deny: []scanner.Reason{{Msg: "denied", Rule: "severity-threshold",
					Fingerprints: []string{fmt.Sprintf("%032x", 1), fmt.Sprintf("%032x", 3)}},
					{Msg: "\n            \"deny\": [] <b>", Policy: "p.rego:1"}}}}
			switch tc.name {
			case "passed":
				r.Decision = scanner.Decision{Pass: true} // deny null
			case "no findings":
				r.Decision = scanner.Decision{Pass: true, Deny: []scanner.Reason{}, Warn: []scanner.Reason{{Msg: "w"}}}
			}
			var got bytes.Buffer
			if err := (sarifWriter{}).Write(&got, r); err != nil {
				t.Fatal(err)
			}
			want := sarifWholeDocument(t, r)
			if !bytes.Equal(got.Bytes(), want) {
				i := 0
				for i < min(got.Len(), len(want)) && got.Bytes()[i] == want[i] {
					i++
				}
				t.Fatalf("streamed SARIF differs from the whole document at byte %d:\ngot  %q\nwant %q",
					i, got.Bytes()[max(0, i-80):min(got.Len(), i+80)], want[max(0, i-80):min(len(want), i+80)])
			}
			var doc struct {
				Runs []struct {
					Results []json.RawMessage `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(got.Bytes(), &doc); err != nil {
				t.Fatalf("streamed SARIF is not JSON: %v", err)
			}
			if len(doc.Runs) != len(r.runNames()) {
				t.Errorf("%d runs, want %d", len(doc.Runs), len(r.runNames()))
			}
		})
	}
}
