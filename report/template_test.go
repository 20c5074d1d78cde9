package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

const contribTemplates = "../contrib/templates"

func renderTemplate(t *testing.T, file string, r *report.Report) []byte {
	t.Helper()
	w, err := report.New("template", report.Options{Template: file})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// inlineTemplate writes src to a template file and returns its path.
func inlineTemplate(t *testing.T, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "t.tmpl")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestContribTemplates renders every contrib template over the fixture and
// compares it with its golden file (-update rewrites them); the JSON
// payloads must parse and the CSV must have one record per finding.
func TestContribTemplates(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(contribTemplates, "*.tmpl"))
	if err != nil || len(files) < 4 {
		t.Fatalf("contrib templates: %v %v", files, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".tmpl")
		t.Run(name, func(t *testing.T) {
			got := renderTemplate(t, file, fixture())
			checkGolden(t, filepath.Join("testdata", "template."+name+".golden"), got)
			checkPayload(t, name, got, len(fixture().Result.Findings))
		})
	}
}

// checkPayload checks the shape each contrib template promises.
func checkPayload(t *testing.T, name string, out []byte, findings int) {
	t.Helper()
	switch {
	case strings.HasSuffix(name, ".json"):
		var v map[string]any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("%s is not JSON: %v\n%s", name, err, out)
		}
	case name == "csv":
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v\n%s", err, out)
		}
		if len(rows) != findings+1 {
			t.Errorf("CSV has %d rows, want a header and %d findings", len(rows), findings)
		}
	}
}

// TestContribTemplatesHostileInput: file names and titles an attacker
// controls keep every payload well-formed, cannot start a spreadsheet
// formula and cannot ping a Slack channel.
func TestContribTemplatesHostileInput(t *testing.T) {
	r := fixture()
	hostile := "=HYPERLINK(\"http://x\"),\n<!channel> \"q\" & <b>"
	for i := range r.Result.Findings {
		r.Result.Findings[i].Location.Path = hostile + r.Result.Findings[i].Location.Path
		r.Result.Findings[i].Title = hostile
	}
	// Many findings: the message payloads list 10 and count the rest.
	for i := range 30 {
		r.Result.Findings = append(r.Result.Findings, scanner.Finding{Scanner: "iac", RuleID: "R", Title: hostile, Severity: scanner.SeverityLow,
			Location: scanner.Location{Path: hostile, StartLine: i + 1}, Fingerprint: scanner.Fingerprint("R", hostile, string(rune('a'+i)))})
	}
	for _, name := range []string{"csv", "slack.json", "teams.json", "email.txt"} {
		t.Run(name, func(t *testing.T) {
			out := renderTemplate(t, filepath.Join(contribTemplates, name+".tmpl"), r)
			checkPayload(t, name, out, len(r.Result.Findings))
			s := string(out)
			switch name {
			case "csv":
				rows, _ := csv.NewReader(bytes.NewReader(out)).ReadAll()
				for _, row := range rows[1:] {
					for _, cell := range row {
						if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
							t.Errorf("cell %q starts a formula", cell)
						}
					}
				}
			case "slack.json":
				if strings.Contains(s, "<!channel>") || !strings.Contains(s, "&lt;!channel&gt;") {
					t.Error("Slack payload does not escape <!channel>")
				}
				if !strings.Contains(s, "and 24 more") {
					t.Error("Slack payload does not count the findings it leaves out")
				}
			case "teams.json":
				if !strings.Contains(s, "and 24 more") {
					t.Error("Teams payload does not count the findings it leaves out")
				}
			case "email.txt":
				if !strings.Contains(s, "first 20 of 34") {
					t.Error("e-mail does not say it lists only the first findings")
				}
			}
		})
	}
}

func TestTemplateHelpers(t *testing.T) {
	r := fixture()
	for _, tc := range []struct{ src, want string }{
		{`{{escapeCSV "a,b"}}|{{escapeCSV "=1+1"}}|{{escapeCSV "say \"hi\""}}|{{escapeCSV "plain"}}`, `"a,b"|'=1+1|"say ""hi"""|plain`},
		{`{{escapeXML "<a href='x'>&</a>"}}`, `&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;`},
		{`{{escapeSlack "<!here> & <@U1>"}}`, `&lt;!here&gt; &amp; &lt;@U1&gt;`},
		{`{{toJSON "a\"<b>\n"}} {{toJSON (index .Findings 1).Package.FixedVersions}}`, `"a\"<b>\n" ["4.17.21"]`},
		{`{{range .Findings}}{{if severityAtLeast .Severity "high"}}{{.RuleID}} {{end}}{{end}}`, `TG-K8S-0001 GHSA-35jh-r3h4-6jhm github-pat-classic `},
		{`{{truncate 5 "abcdefgh"}} {{truncate 5 "abc"}}`, `abcd… abc`},
		{`{{len (first 2 .Findings)}} {{len (first 9 .Findings)}}`, `2 4`},
		{`{{.Verdict}} {{countsLine .Counts}} {{index .Counts "HIGH"}} {{index .Counts "LOW"}}`, `FAIL CRITICAL 1, HIGH 2, MEDIUM 1 2 0`},
		{`{{range .Findings}}{{if .Suppressed}}{{.RuleID}}{{end}}{{end}}`, `github-pat-classic`},
		{`{{range .Findings}}{{with index $.Denied .Fingerprint}}{{.}}{{end}}{{end}}`, `severity-threshold`},
		{`{{.ToolName}} {{.ToolVersion}} {{.FailOn}} {{len .Scanners}} {{(index .Decision.Deny 0).Rule}} {{.Result.Walk.Files}}`, `tollgate v0.1.0 high 3 severity-threshold 10`},
		{`{{join .Scanners ","}} {{upper "a"}}{{lower "B"}} {{ternary true "y" "n"}} {{sub 5 2}}`, `deps,secrets,iac Ab y 3`},
	} {
		got := string(renderTemplate(t, inlineTemplate(t, tc.src), r))
		if got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestTemplateErrors: parse and execute errors name the template file and
// line; the format without a template is refused.
func TestTemplateErrors(t *testing.T) {
	if _, err := report.New("template", report.Options{}); !errors.Is(err, report.ErrNoTemplate) {
		t.Errorf("no template: err = %v", err)
	}
	if _, err := report.New("template", report.Options{Template: filepath.Join(t.TempDir(), "missing.tmpl")}); err == nil || !strings.Contains(err.Error(), "missing.tmpl") {
		t.Errorf("missing template: err = %v", err)
	}
	parse := inlineTemplate(t, "ok\n{{range .Findings}}\n{{.RuleID}\n{{end}}\n")
	if _, err := report.New("template", report.Options{Template: parse}); err == nil || !strings.Contains(err.Error(), parse+":3:") {
		t.Errorf("parse error does not name file:line: %v", err)
	}
	// .Source (the scanned files) is not part of the template's model.
	for _, src := range []string{"line 1\n{{.NoSuchField}}\n", "x\n{{.Source}}", "\n{{severityAtLeast (index .Findings 0).Severity \"severe\"}}"} {
		exec := inlineTemplate(t, src)
		w, err := report.New("template", report.Options{Template: exec})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		err = w.Write(&buf, fixture())
		if err == nil || !strings.Contains(err.Error(), exec+":2:") {
			t.Errorf("execute error does not name file:line: %v", err)
		}
		if buf.Len() != 0 {
			t.Errorf("a failed template wrote %q", buf.String())
		}
	}
}
