package html

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

//go:embed *.gohtml style.css script.js
var assets embed.FS

// Input is what the page renders. Package report fills it from its Report.
type Input struct {
	// Tool is the name and version of the program that wrote the report.
	Tool string
	// Result is the scan; its Root (an absolute path on the scanning
	// machine) is not shown.
	Result *scanner.Result
	// Scanners are the scanners that ran, in order.
	Scanners []string
	Decision scanner.Decision
	Gate     Gate
	// Sources are the scans a merged report is made of (tollgate merge);
	// the per-source table renders only when there are some.
	Sources []Source
}

// Gate is the gate's settings, shown beside the verdict.
type Gate struct {
	// FailOn is the severity threshold.
	FailOn string
	// UnknownAs is the severity UNKNOWN findings are gated as.
	UnknownAs scanner.Severity
	// Baseline is true when the gate compared the scan with a baseline:
	// the page then shows which findings are new.
	Baseline bool
}

// Source is one scan of a merged report.
type Source struct {
	// Name is the source's label (--label, or the report's scan root).
	Name string
	// Pass is the gate's verdict on this source alone.
	Pass bool
	// Counts is the number of findings per severity name ("HIGH": 2).
	Counts map[string]int
	// Findings is the number of findings; New those not in the baseline.
	Findings int
	New      int
	// Note flags something about the source, e.g. that it was accepted
	// with --allow-mixed.
	Note string
}

// Section is one part of the page, rendered by its template when Show
// says the page has something for it.
type Section struct {
	// Template is the name of the section's .gohtml file.
	Template string
	Show     func(p *Page) bool
}

// Sections is the page's section list, in order. The head and the foot
// of the document are not sections: they always render.
func Sections() []Section {
	always := func(*Page) bool { return true }
	return []Section{
		{Template: "verdict.gohtml", Show: always},
		{Template: "sources.gohtml", Show: func(p *Page) bool { return len(p.Sources) > 0 }},
		{Template: "charts.gohtml", Show: func(p *Page) bool { return len(p.Charts) > 0 }},
		{Template: "findings.gohtml", Show: always},
		{Template: "rules.gohtml", Show: func(p *Page) bool { return len(p.Groups) > 0 }},
	}
}

// Renderer renders pages. It is safe for concurrent use: the templates
// are parsed once, by New, and only executed afterwards.
type Renderer struct {
	tmpl     *template.Template
	sections []Section
	style    template.CSS
	script   template.JS
	csp      string
}

// New parses the embedded templates and hashes the style sheet and script
// for the Content-Security-Policy.
func New() (*Renderer, error) {
	css, err := fs.ReadFile(assets, "style.css")
	if err != nil {
		return nil, fmt.Errorf("html report: %w", err)
	}
	js, err := fs.ReadFile(assets, "script.js")
	if err != nil {
		return nil, fmt.Errorf("html report: %w", err)
	}
	t, err := template.New("").Option("missingkey=error").Funcs(funcs()).ParseFS(assets, "*.gohtml")
	if err != nil {
		return nil, fmt.Errorf("html report: %w", err)
	}
	return &Renderer{
		tmpl:     t,
		sections: Sections(),
		// The tags hold the files' bytes exactly, so these hashes match.
		style:  template.CSS(css), // #nosec: our own embedded file, not data
		script: template.JS(js),   // #nosec: our own embedded file, not data
		csp: "default-src 'none'; style-src " + hash(css) + "; script-src " + hash(js) +
			"; img-src 'none'; base-uri 'none'; form-action 'none'",
	}, nil
}

// hash is a CSP source expression for an inline script or style.
func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// CSP returns the page's Content-Security-Policy.
func (r *Renderer) CSP() string { return r.csp }

// Render writes the page for in to w.
func (r *Renderer) Render(w io.Writer, in *Input) error {
	p := buildPage(in)
	p.CSP, p.Style, p.Script = r.csp, r.style, r.script
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := r.tmpl.ExecuteTemplate(bw, "head.gohtml", p); err != nil {
		return err
	}
	for _, s := range r.sections {
		if !s.Show(p) {
			continue
		}
		if err := r.tmpl.ExecuteTemplate(bw, s.Template, p); err != nil {
			return err
		}
	}
	if err := r.tmpl.ExecuteTemplate(bw, "foot.gohtml", p); err != nil {
		return err
	}
	return bw.Flush()
}

func funcs() template.FuncMap {
	return template.FuncMap{"lower": strings.ToLower}
}
