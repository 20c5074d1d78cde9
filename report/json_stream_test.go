package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// wholeJSON is the JSON report as it was written before streaming: the
// whole document encoded at once with two-space indentation.
func wholeJSON(t *testing.T, r *Report) []byte {
	t.Helper()
	doc := r.jsonDoc()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func streamFindings(n int) []scanner.Finding {
	direct := false
	fs := make([]scanner.Finding, n)
	for i := range fs {
		fs[i] = scanner.Finding{Scanner: "deps", RuleID: fmt.Sprintf("GHSA-%04d", i), Title: "<b>html</b> & \u2028 \"quoted\"",
			Description: "line one\n  \"findings\": []\nline three", Severity: scanner.Severity(i % 6), Score: 7.5,
			Location: scanner.Location{Path: fmt.Sprintf("dir %d/package-lock.json", i), StartLine: i + 1},
			Package:  &scanner.Package{Ecosystem: "npm", Name: "left-pad", Version: "1.0.0", FixedVersions: []string{"1.0.1", "2.0.0"}, Fix: "1.0.1", Direct: &direct},
			Aliases:  []string{"CVE-2026-0001"}, Properties: map[string]any{"lockfile": "package-lock.json", "nested": map[string]any{"b": 1, "a": []any{true, nil}}},
			Fingerprint: fmt.Sprintf("fp%d", i), Gate: &scanner.GateStatus{New: i%2 == 0}}
	}
	return fs
}

func TestJSONStreamMatchesWholeDocument(t *testing.T) {
	started := time.Date(2026, 12, 6, 20, 0, 0, 0, time.UTC)
	cases := map[string]*Report{
		"nil findings":   {Result: &scanner.Result{Root: "/src"}},
		"empty findings": {Result: &scanner.Result{Root: "/src", Findings: []scanner.Finding{}}},
		"one finding":    {Result: &scanner.Result{Root: "/src", Findings: streamFindings(1)}},
		"many findings, errors and reasons": {ToolName: "tollgate", ToolVersion: "v1", FailOn: "high",
			Scanners: []string{"deps"},
			Result: &scanner.Result{Root: "/src/\"findings\": []", Findings: streamFindings(50), Started: started, Duration: time.Second,
				Errors: []scanner.ScanError{{Scanner: "iac", Err: errors.New("bad.yaml:1: \n  \"findings\": [] <oops>")}}},
			Decision: scanner.Decision{Deny: []scanner.Reason{{Msg: "\n  \"findings\": []", Rule: "r", Fingerprints: []string{"fp1"}}}}},
		"passed, empty deny list": {Result: &scanner.Result{Root: "/src", Findings: streamFindings(2)},
			Decision: scanner.Decision{Pass: true, Deny: []scanner.Reason{}, Warn: []scanner.Reason{{Msg: "stale exception"}}}},
		"several reasons": {Result: &scanner.Result{Root: "/src", Findings: streamFindings(3)},
			Decision: scanner.Decision{Deny: []scanner.Reason{
				{Msg: "\n    \"deny\": [] <x>", Rule: "a", Fingerprints: []string{"fp0", "fp2"}, Policy: "p.rego:3"},
				{Msg: "second"}}, Warn: []scanner.Reason{{Msg: "w", Fingerprints: []string{"fp1"}}}}},
	}
	for name, r := range cases {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			if err := (jsonWriter{}).Write(&got, r); err != nil {
				t.Fatal(err)
			}
			want := wholeJSON(t, r)
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("streamed JSON differs from the whole document:\n got %q\nwant %q", got.Bytes(), want)
			}
		})
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestJSONStreamReportsWriteErrors(t *testing.T) {
	r := &Report{Result: &scanner.Result{Findings: streamFindings(2000)}}
	for _, n := range []int{0, 100, 200 << 10} {
		if err := (jsonWriter{}).Write(&failingWriter{n: n}, r); !errors.Is(err, errDiskFull) {
			t.Errorf("after %d bytes: got %v, want the writer's error", n, err)
		}
	}
}

// writeSizes records the size of every Write.
type writeSizes struct{ sizes []int }

func (w *writeSizes) Write(p []byte) (int, error) {
	w.sizes = append(w.sizes, len(p))
	return len(p), nil
}

// TestJSONStreamWritesAsItGoes: the report reaches the writer in small
// pieces while it is being encoded, never as one document held in memory.
func TestJSONStreamWritesAsItGoes(t *testing.T) {
	fs := streamFindings(5000)
	for i := range fs {
		fs[i].Package = nil // no remediation list: the part before the findings stays small
	}
	r := &Report{Result: &scanner.Result{Findings: fs}}
	var w writeSizes
	if err := (jsonWriter{}).Write(&w, r); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range w.sizes {
		total += n
		if n > 64<<10 {
			t.Errorf("one write of %d bytes: the report is buffered, not streamed", n)
		}
	}
	if len(w.sizes) < total/(64<<10) {
		t.Errorf("%d bytes in %d writes", total, len(w.sizes))
	}
}
