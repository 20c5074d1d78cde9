package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// TestSARIFColumnsAreUTF16 scans lines that put CJK text and emoji (astral
// characters: two UTF-16 code units, four UTF-8 bytes) before a fake token
// and checks that the SARIF region, read as UTF-16 code units the way the
// run's columnKind says, covers exactly the token on every line.
func TestSARIFColumnsAreUTF16(t *testing.T) {
	const token = "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" // the demo tree's fake token
	lines := []string{
		"GITHUB_TOKEN=" + token,
		"# 設定ファイル\nGITHUB_TOKEN=" + token, // CJK on the line before only
		"名前 GITHUB_TOKEN=" + token,
		"🔑🔑 GITHUB_TOKEN=" + token,
		"é👩‍💻 日本 GITHUB_TOKEN=\"" + token + "\" # 🚀",
	}
	for i, content := range lines {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "app.env"), []byte(content+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		// With a private hash key the region ends at the secret's end
		// (without one, end columns are withheld: they reveal its length).
		s, err := secrets.New(secrets.Options{HashKey: []byte("report-test-private-key")})
		if err != nil {
			t.Fatal(err)
		}
		res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
		if err != nil || len(res.Findings) == 0 {
			t.Fatalf("case %d: findings %v, err %v", i, res.Findings, err)
		}
		w, _ := report.New("sarif", report.Options{})
		var buf bytes.Buffer
		if err := w.Write(&buf, &report.Report{ToolName: "tollgate", Result: res, Scanners: []string{"secrets"}}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Runs []struct {
				ColumnKind string `json:"columnKind"`
				Results    []struct {
					Locations []struct {
						PhysicalLocation struct {
							Region struct{ StartLine, StartColumn, EndColumn int } `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		run := doc.Runs[0]
		if run.ColumnKind != "utf16CodeUnits" {
			t.Fatalf("columnKind = %q", run.ColumnKind)
		}
		r := run.Results[0].Locations[0].PhysicalLocation.Region
		line := utf16.Encode([]rune(strings.Split(content, "\n")[r.StartLine-1]))
		if r.StartColumn < 1 || r.EndColumn-1 > len(line) || r.EndColumn <= r.StartColumn {
			t.Fatalf("case %d: region %+v outside the line", i, r)
		}
		if got := string(utf16.Decode(line[r.StartColumn-1 : r.EndColumn-1])); got != token {
			t.Errorf("case %d: region %d..%d covers %q, want the token", i, r.StartColumn, r.EndColumn, got)
		}
	}
}

// TestSARIFColumnsDroppedWhenSourceDiffers: when the file cannot be read or
// no longer matches, the region keeps its lines and drops the columns
// rather than highlight the wrong characters.
func TestSARIFColumnsDroppedWhenSourceDiffers(t *testing.T) {
	r := fixture()
	r.Source = nil
	r.Result.Root = t.TempDir() // empty: the file is not there
	w, _ := report.New("sarif", report.Options{})
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `"startColumn"`) {
		t.Error("columns written without a source to convert them")
	}
	if !strings.Contains(buf.String(), `"startLine": 4`) {
		t.Error("line of the secret lost")
	}
}

// TestSARIFUnknownSeverityFollowsTheGate: an UNKNOWN finding is ranked in
// SARIF as the gate treats it (--unknown-severity), so GitHub does not show
// as "medium" what the gate denies as HIGH.
func TestSARIFUnknownSeverityFollowsTheGate(t *testing.T) {
	for _, tc := range []struct {
		unknownAs        scanner.Severity
		wantSecSeverity  string
		wantLevel        string
		wantProblemLevel string
	}{
		{scanner.SeverityUnknown, "5.0", "warning", "warning"},
		{scanner.SeverityHigh, "8.0", "error", "error"},
		{scanner.SeverityCritical, "9.5", "error", "error"},
		{scanner.SeverityLow, "2.0", "note", "recommendation"},
	} {
		f := scanner.Finding{Scanner: "deps", RuleID: "GHSA-xxxx-yyyy-zzzz", Title: "no CVSS", Severity: scanner.SeverityUnknown,
			Location: scanner.Location{Path: "go.mod", StartLine: 3}, Fingerprint: "fp"}
		r := &report.Report{Result: &scanner.Result{Findings: []scanner.Finding{f}}, Scanners: []string{"deps"}, UnknownAs: tc.unknownAs}
		w, _ := report.New("sarif", report.Options{})
		var buf bytes.Buffer
		if err := w.Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct {
							DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
							Properties           map[string]any         `json:"properties"`
						} `json:"rules"`
					} `json:"driver"`
				} `json:"tool"`
				Results []struct{ Level string } `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		rule := doc.Runs[0].Tool.Driver.Rules[0]
		got := []string{rule.Properties["security-severity"].(string), rule.DefaultConfiguration.Level, doc.Runs[0].Results[0].Level, rule.Properties["problem.severity"].(string)}
		want := []string{tc.wantSecSeverity, tc.wantLevel, tc.wantLevel, tc.wantProblemLevel}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("unknown as %v: got %v, want %v", tc.unknownAs, got, want)
		}
	}
}

// TestSARIFPathPrefixAndToolName: a subfolder scanned with a path prefix
// writes repository-relative URIs, and the driver carries ToolName.
func TestSARIFPathPrefixAndToolName(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "cfg"), 0o755); err != nil {
		t.Fatal(err)
	}
	const token = "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"
	if err := os.WriteFile(filepath.Join(dir, "cfg", "app.env"), []byte("名 T="+token+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ := secrets.New(secrets.Options{HashKey: []byte("report-test-private-key")})
	res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s}, scanner.WithPathPrefix("services/api/"))
	if err != nil || len(res.Findings) != 1 {
		t.Fatalf("findings %v err %v", res.Findings, err)
	}
	f := res.Findings[0]
	if f.Location.Path != "services/api/cfg/app.env" {
		t.Errorf("path = %q", f.Location.Path)
	}
	if want := scanner.Fingerprint(f.RuleID, "services/api/cfg/app.env", f.Evidence); f.Fingerprint != want {
		t.Errorf("fingerprint %s is not the whole-repository one %s", f.Fingerprint, want)
	}
	w, _ := report.New("sarif", report.Options{})
	var buf bytes.Buffer
	if err := w.Write(&buf, &report.Report{ToolName: "acme-gate", Result: res, Scanners: []string{"secrets"}}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`"uri": "services/api/cfg/app.env"`, `"name": "acme-gate"`, `"id": "acme-gate/secrets/"`, `"startColumn": 5`} {
		if !strings.Contains(out, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	for _, bad := range []string{"/", "../x", "a/../../b"} {
		if _, err := scanner.Run(context.Background(), dir, nil, scanner.WithPathPrefix(bad)); err == nil {
			t.Errorf("prefix %q accepted", bad)
		}
	}
}
