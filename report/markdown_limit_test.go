package report_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// bigReport has n findings spread over rules of ten findings each, every
// rule denied: a gate failure far too large for a PR comment.
func bigReport(n int) *report.Report {
	var fs []scanner.Finding
	var deny []scanner.Reason
	for i := range n {
		rule := fmt.Sprintf("TG-GEN-%04d", i/10)
		f := scanner.Finding{Scanner: "iac", RuleID: rule, Title: "Generated misconfiguration with a long enough title", Severity: scanner.SeverityHigh,
			Location: scanner.Location{Path: fmt.Sprintf("modules/m%04d/main.tf", i/10), StartLine: i%10 + 1}, Fingerprint: fmt.Sprintf("fp%06d", i),
			Gate: &scanner.GateStatus{New: true}}
		fs = append(fs, f)
		if i%10 == 0 {
			deny = append(deny, scanner.Reason{Msg: "HIGH " + rule + ": Generated misconfiguration", Rule: "severity-threshold", Policy: "default.rego:24"})
		}
		deny[len(deny)-1].Fingerprints = append(deny[len(deny)-1].Fingerprints, f.Fingerprint)
	}
	return &report.Report{ToolName: "tollgate", Result: &scanner.Result{Findings: fs}, Scanners: []string{"iac"}, FailOn: "high",
		Decision: scanner.Decision{Deny: deny, Warn: []scanner.Reason{{Msg: "a warning", Rule: "w"}}}}
}

var notListedRe = regexp.MustCompile(`(\d+) (?:more )?finding\(s\) not listed`)

func TestMarkdownStaysWithinItsLimit(t *testing.T) {
	const n = 30000
	for _, tc := range []struct {
		name  string
		limit int
		want  int
		notes []string
	}{
		// 3,000 deny reasons do not fit in a PR comment...
		{"PR comment (default)", 0, report.DefaultMarkdownLimit, []string{"finding(s) not listed", "more reason(s) the gate failed"}},
		// ...but do in a step summary, with part of the findings table.
		{"step summary", 1 << 20, 1 << 20, []string{"finding(s) not listed"}},
		{"tiny limit raised to the minimum", 10, 2048, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := report.New("markdown", report.Options{MarkdownLimit: tc.limit})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := w.Write(&buf, bigReport(n)); err != nil {
				t.Fatal(err)
			}
			out := buf.Bytes()
			if len(out) > tc.want {
				t.Fatalf("%d bytes, limit %d", len(out), tc.want)
			}
			if len(out) < tc.want*8/10 && tc.limit != 10 {
				t.Errorf("%d bytes: the budget (%d) is badly used", len(out), tc.want)
			}
			for _, must := range append([]string{"❌ **tollgate: failed**", "### Why it failed"}, tc.notes...) {
				if !bytes.Contains(out, []byte(must)) {
					t.Errorf("lacks %q", must)
				}
			}
			// Every finding is either shown in the table or counted as
			// left out of it.
			rows := bytes.Count(out, []byte("\n| HIGH |"))
			left := 0
			if m := notListedRe.FindSubmatch(out); m != nil {
				left, _ = strconv.Atoi(string(m[1]))
			}
			if tc.limit != 10 && rows+left != n {
				t.Errorf("%d rows + %d counted as left out != %d findings", rows, left, n)
			}
		})
	}
}
