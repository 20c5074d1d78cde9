package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestFindingLayoutKnown fails when the finding model changes: update
// jsonFields and appendFinding together (the writer falls back to
// encoding/json until then, slower but correct).
func TestFindingLayoutKnown(t *testing.T) {
	for typ, want := range jsonFields() {
		if got := fieldLayout(typ); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s fields changed; update jsonFields and appendFinding:\n got %q\nwant %q", typ, got, want)
		}
	}
	if !findingLayoutKnown() {
		t.Error("findingLayoutKnown() = false: the JSON report does not use its fast finding encoder")
	}
}

// oddStrings are strings whose encoding has a rule: escapes, HTML
// characters, control bytes, invalid UTF-8, the JS line separators.
func oddStrings() []string {
	all := make([]byte, 0, 256)
	for c := range 256 {
		all = append(all, byte(c))
	}
	return []string{"", "plain", string(all), "<b>x</b> & y", "line\nbreak\ttab\r\b\f", "\"q\" \\ /",
		"\u2028\u2029", "é日本\U0001F600", "bad \xff\xfe utf8 \xe2\x82", "\x00\x1f\x7f", "trailing \xe2"}
}

// jsonTestFindings covers every field, empty and set, and the values
// appendFinding hands to encoding/json.
func jsonTestFindings() []scanner.Finding {
	yes, no := true, false
	expires := time.Date(2027, 1, 2, 3, 4, 5, 6, time.UTC)
	var fs []scanner.Finding
	fs = append(fs, scanner.Finding{}, scanner.Finding{Package: &scanner.Package{}, Gate: &scanner.GateStatus{}})
	fs = append(fs, streamFindings(7)...)
	for i, s := range oddStrings() {
		fs = append(fs, scanner.Finding{Scanner: s, RuleID: s, Title: s, Description: s, Snippet: s, Remediation: s,
			Evidence: s, Fingerprint: s, Severity: scanner.Severity(i % 8),
			Location: scanner.Location{Path: s, StartLine: i, StartColumn: i * 2, EndLine: -i, EndColumn: 1 << 40},
			Package: &scanner.Package{Ecosystem: s, Name: s, Version: s, PURL: s, FixedVersions: []string{s, s}, Fix: s,
				Dev: i%2 == 0, UpgradeTo: s, UpgradeMajor: i%3 == 0},
			Aliases: []string{s}, References: []string{s, "x"}, CWEs: []string{s}, Tags: []string{s},
			Properties: map[string]any{s: s, s + "k": []string{s}}})
	}
	for _, score := range []float64{0.1, 7.5, 10, -1, 1e-7, 1e-6, 123456789, 1e20, 1e21, 1.5e300, math.SmallestNonzeroFloat64,
		math.Copysign(0, -1), 3.0000000000000004} {
		fs = append(fs, scanner.Finding{Score: score, Properties: map[string]any{"f": score}})
	}
	props := []any{nil, "s", true, false, 0, -42, 3.25, 1e-9, []string(nil), []string{}, []string{"a", "<b>"},
		[]any{1, "x", nil}, map[string]any{}, map[string]any{"z": 1, "a": map[string]int{"k": 2}}, json.Number("12"),
		int64(7), uint8(3), float32(0.1), struct {
			A string `json:"a"`
			B []int
		}{"x", []int{}}, expires, scanner.SeverityHigh, []byte("raw")}
	for i, v := range props {
		fs = append(fs, scanner.Finding{RuleID: fmt.Sprint(i), Properties: map[string]any{"v": v, "b": i, "a": "first"}})
	}
	fs = append(fs,
		scanner.Finding{Package: &scanner.Package{Direct: &yes}, Gate: &scanner.GateStatus{New: true}},
		scanner.Finding{Package: &scanner.Package{Direct: &no, FixedVersions: []string{}}, Aliases: []string{},
			Properties: map[string]any{}},
		scanner.Finding{Gate: &scanner.GateStatus{New: true, Exception: &scanner.Exception{ID: "GHSA-<x>", Reason: "r\n",
			Expires: &expires, Expired: true, Source: ".tollgate.yaml:3"}}},
		scanner.Finding{Gate: &scanner.GateStatus{Exception: &scanner.Exception{}}},
	)
	return fs
}

func TestAppendFindingMatchesEncodingJSON(t *testing.T) {
	var w findingWriter
	for i, f := range jsonTestFindings() {
		checkAppendFinding(t, &w, fmt.Sprint(i), &f)
	}
}

// checkAppendFinding compares appendFinding (with its fallback, as Write
// uses it) with json.MarshalIndent.
func checkAppendFinding(t *testing.T, w *findingWriter, name string, f *scanner.Finding) {
	t.Helper()
	want, wantErr := json.MarshalIndent(f, "    ", "  ")
	got, err := w.appendFinding([]byte("prefix"), f)
	if err == errFallback {
		if got, err = json.MarshalIndent(f, "    ", "  "); err == nil {
			got = append([]byte("prefix"), got...)
		}
	}
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("%s: error %v, encoding/json's %v", name, err, wantErr)
	}
	if err != nil {
		return
	}
	if !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Errorf("%s: appendFinding differs from json.MarshalIndent:\n got %q\nwant %q", name, got, want)
	}
}

// TestAppendFindingFallsBack: values appendFinding does not write itself
// (NaN scores, which encoding/json refuses, exceptions) leave the buffer as
// it was.
func TestAppendFindingFallsBack(t *testing.T) {
	var w findingWriter
	for _, f := range []scanner.Finding{{Score: math.NaN()}, {Score: math.Inf(-1)},
		{Gate: &scanner.GateStatus{Exception: &scanner.Exception{}}}} {
		got, err := w.appendFinding([]byte("keep"), &f)
		if f.Gate == nil && (err != errFallback || string(got) != "keep") {
			t.Errorf("score %v: got %q, %v; want the buffer unchanged and errFallback", f.Score, got, err)
		}
	}
}

// TestJSONReportFallbackMatchesFastPath: the whole report is the same
// whichever way its findings are encoded.
func TestJSONReportFallbackMatchesFastPath(t *testing.T) {
	r := &Report{ToolName: "tollgate", Result: &scanner.Result{Root: "/src", Findings: jsonTestFindings()}}
	want := wholeJSON(t, r)
	for _, w := range []jsonWriter{{}, {encodingJSON: true}} {
		var got bytes.Buffer
		if err := w.Write(&got, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%+v: report differs from the whole document encoded by encoding/json", w)
		}
	}
}

func FuzzAppendFinding(f *testing.F) {
	for _, s := range oddStrings() {
		f.Add(s, s, 7.5, 3)
	}
	f.Add("GHSA-x", "pkg:npm/a@1", 1e-7, -1)
	f.Fuzz(func(t *testing.T, a, b string, score float64, line int) {
		var w findingWriter
		fd := scanner.Finding{Scanner: a, RuleID: b, Title: a + b, Description: b, Score: score,
			Severity: scanner.Severity(line), Location: scanner.Location{Path: a, StartLine: line},
			Package:    &scanner.Package{Name: a, Version: b, FixedVersions: []string{a, b}},
			References: []string{b}, Properties: map[string]any{a: b, b: score, "n": line}}
		checkAppendFinding(t, &w, "fuzz", &fd)
	})
}

// benchFindings look like a dependency scan's: a paragraph of
// description, references, tags, a few properties, the gate status.
func benchFindings(n int) []scanner.Finding {
	direct := true
	fs := make([]scanner.Finding, n)
	for i := range fs {
		fs[i] = scanner.Finding{Scanner: "deps", RuleID: fmt.Sprintf("GHSA-%04d-abcd-efgh", i), Title: "Prototype pollution in lodash",
			Description: strings.Repeat("lodash before 4.17.5 allows modifying Object's prototype via 'merge' & friends. ", 4),
			Severity:    scanner.Severity(i % 6), Score: 7.5,
			Location: scanner.Location{Path: "web/package-lock.json", StartLine: i + 10, EndLine: i + 10},
			Package: &scanner.Package{Ecosystem: "npm", Name: "lodash", Version: "4.17.4", PURL: "pkg:npm/lodash@4.17.4",
				FixedVersions: []string{"4.17.5"}, Fix: "4.17.5", Direct: &direct, UpgradeTo: "4.17.21"},
			Aliases:     []string{"CVE-2018-3721"},
			References:  []string{"https://example.com/advisories/1", "https://example.com/advisories/2"},
			Remediation: "Upgrade lodash to 4.17.5 or later.", Tags: []string{"dependency", "vulnerability"},
			Evidence: "npm/lodash@4.17.4", Fingerprint: "5da395f7e67ed63c35688bb242ffd538",
			Properties: map[string]any{"fixable": true, "lockfile": "web/package-lock.json", "cvss_vector": "CVSS:3.1/AV:N/AC:L"},
			Gate:       &scanner.GateStatus{New: true}}
	}
	return fs
}

// BenchmarkJSONReport writes a report of 1,000 dependency findings; the
// encoding-json case is the writer as it was (json.MarshalIndent per
// finding).
func BenchmarkJSONReport(b *testing.B) {
	r := &Report{ToolName: "tollgate", Result: &scanner.Result{Root: "/src", Findings: benchFindings(1000)}}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := (jsonWriter{}).Write(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := (jsonWriter{encodingJSON: true}).Write(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
