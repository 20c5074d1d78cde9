package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"text/template"

	"github.com/tollgate-dev/tollgate/scanner"
)

// MaxTemplateSize caps the template file a template report reads.
const MaxTemplateSize = 1 << 20

// ErrNoTemplate is returned by New for the template format without
// Options.Template.
var ErrNoTemplate = errors.New("the template format needs a template file (--template FILE)")

// TemplateData is what a template (-f template) executes over: the
// Report's fields (less Source: a template sees the findings, redacted,
// never the scanned files) and a few values computed from them.
// docs/templates.md documents every field; they are an API, renamed only
// with a major version.
type TemplateData struct {
	ToolName    string
	ToolVersion string
	// Result is the scan: .Result.Findings in the model's order,
	// .Result.Packages (the deps inventory), .Result.Scanners (stats),
	// .Result.Walk, .Result.Errors, .Result.Root, .Result.Started.
	Result   *scanner.Result
	Scanners []string
	Decision scanner.Decision
	FailOn   string
	// UnknownAs is the severity UNKNOWN findings are gated as.
	UnknownAs scanner.Severity
	// Findings are all findings, highest severity first, then in the
	// model's order (path, line, rule). Excepted findings are included;
	// test .Suppressed to leave them out.
	Findings []scanner.Finding
	// Denied maps the fingerprint of each finding behind a deny reason to
	// that reason's rule.
	Denied map[string]string
	// Counts is the number of findings per severity name ("HIGH": 2); a
	// severity without findings is absent (index gives 0).
	Counts map[string]int
	// Verdict is "PASS" or "FAIL".
	Verdict string
	// Sources and Mixed are set in a merged report (tollgate merge): one
	// summary per scan, and the differences --allow-mixed accepted.
	Sources []Source
	Mixed   []string
}

// templateWriter renders a user's text/template.
type templateWriter struct {
	tmpl *template.Template
}

// newTemplateWriter reads and parses the template file. The template is
// named by its path so that parse and execute errors name the file and
// line ("template: ci/report.tmpl:3: …").
func newTemplateWriter(file string) (*templateWriter, error) {
	if file == "" {
		return nil, ErrNoTemplate
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxTemplateSize+1))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", file, err)
	}
	if len(src) > MaxTemplateSize {
		return nil, fmt.Errorf("template %s: larger than %d bytes", file, MaxTemplateSize)
	}
	t, err := template.New(file).Option("missingkey=error").Funcs(TemplateFuncs()).Parse(string(src))
	if err != nil {
		return nil, err // "template: FILE:LINE: …"
	}
	return &templateWriter{tmpl: t}, nil
}

func (tw *templateWriter) Write(w io.Writer, r *Report) error {
	d := &TemplateData{ToolName: r.ToolName, ToolVersion: r.ToolVersion, Result: r.Result, Scanners: r.Scanners, Decision: r.Decision,
		FailOn: r.FailOn, UnknownAs: r.UnknownAs, Findings: derefAll(r.bySeverity()), Denied: r.denied(), Counts: map[string]int{}, Verdict: "FAIL",
		Sources: r.Sources, Mixed: r.Mixed}
	for _, f := range r.Result.Findings {
		d.Counts[f.Severity.String()]++
	}
	if r.Decision.Pass {
		d.Verdict = "PASS"
	}
	// Render to memory first: a template failing halfway leaves no
	// half-written report behind.
	var buf bytes.Buffer
	if err := tw.tmpl.Execute(&buf, d); err != nil {
		return err // "template: FILE:LINE:COL: executing …"
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// TemplateFuncs are the helpers a template can call besides text/template's
// built-ins (docs/templates.md).
func TemplateFuncs() template.FuncMap {
	return template.FuncMap{
		"escapeXML":       escapeXML,
		"escapeCSV":       escapeCSV,
		"escapeSlack":     escapeSlack,
		"toJSON":          toJSON,
		"severityAtLeast": severityAtLeast,
		"location":        location,
		"title":           title,
		"join":            strings.Join,
		"lower":           strings.ToLower,
		"upper":           strings.ToUpper,
		"truncate":        truncateRunes,
		"first":           first,
		"sub":             func(a, b int) int { return a - b },
		"ternary":         ternary,
		"countsLine":      countsLine,
	}
}

func escapeXML(s string) (string, error) {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return "", err
	}
	return b.String(), nil
}

// escapeCSV quotes a CSV field when needed, and defuses spreadsheet
// formulas: a field starting with =, +, -, @, tab or carriage return (a
// file name an attacker chose, say) gets a leading single quote, as OWASP
// recommends, so a spreadsheet shows it as text instead of running it.
func escapeCSV(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, ",\"\r\n") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// escapeSlack escapes the three characters Slack's mrkdwn treats as
// control characters, so that a file name like "<!channel>" stays text.
func escapeSlack(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// toJSON encodes v as JSON (a quoted string for a string). <, > and &
// are left as they are, so that what escapeSlack produced stays readable.
func toJSON(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// severityAtLeast reports whether sev is at or above min, a severity name
// ("high") or a Severity.
func severityAtLeast(sev scanner.Severity, min any) (bool, error) {
	switch m := min.(type) {
	case scanner.Severity:
		return sev >= m, nil
	case string:
		s, err := scanner.ParseSeverity(m)
		if err != nil {
			return false, err
		}
		return sev >= s, nil
	}
	return false, fmt.Errorf("severityAtLeast: want a severity name, got %T", min)
}

// truncateRunes shortens s to at most n runes, ending with "…" when cut.
func truncateRunes(n int, s string) string {
	r := []rune(s)
	if n < 1 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// first returns up to the first n elements of a slice (all when shorter),
// where text/template's slice would fail.
func first(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil, fmt.Errorf("first: want a list, got %T", list)
	}
	if n < 0 {
		n = 0
	}
	if v.Len() > n {
		return v.Slice(0, n).Interface(), nil
	}
	return list, nil
}

// ternary returns a when cond is true, else b.
func ternary(cond bool, a, b any) any {
	if cond {
		return a
	}
	return b
}

// countsLine renders TemplateData.Counts highest severity first:
// "CRITICAL 1, HIGH 2", or "none".
func countsLine(counts map[string]int) string {
	var parts []string
	for _, s := range scanner.Severities() {
		if n := counts[s.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s, n))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// derefAll copies the findings: templates get values, as documented.
func derefAll(ps []*scanner.Finding) []scanner.Finding {
	fs := make([]scanner.Finding, len(ps))
	for i, p := range ps {
		fs[i] = *p
	}
	return fs
}
