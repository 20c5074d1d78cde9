package html

import (
	"cmp"
	"fmt"
	"html/template"
	"iter"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Bounds that keep a page with many findings small: the table holds every
// finding, but the verdict lists at most maxDenies reasons and
// maxBehind findings under each; the rest are a count and a table filter
// away ("blocking" rows).
const (
	maxDenies = 100
	maxBehind = 10
	// pageSize is how many rows the script shows at a time. style.css
	// lays out only that many while the page loads: keep them in step
	// (TestPageSizeMatchesStyle).
	pageSize = 100
)

// Page is the view model the templates execute over. Every string in it
// that came from a scanned file has passed through visible (bidi controls
// shown as markers) and is escaped by html/template where it is used.
type Page struct {
	Title   string
	CSP     string
	Style   template.CSS
	Script  template.JS
	Config  Config
	Tool    string
	Started string
	// Duration is the scan's wall time, rounded.
	Duration string
	Files    int

	Pass       bool
	FailOn     string
	UnknownAs  string
	Total      int
	Counts     []Count
	Errors     []ScanError
	Denies     []Reason
	MoreDenies int
	Warns      []Reason
	Charts     []Chart
	Sources    []Source
	// Rows are the findings' table rows, most severe first, built one at a
	// time as the template ranges over them: a page of 130,000 findings
	// held every row at once (and a copy of every finding) before.
	Rows       iter.Seq[*Row]
	Groups     []Group
	Scanners   []string
	Severities []string
	Baseline   bool
}

// Config is what the script reads from the page's JSON data block.
type Config struct {
	PageSize int `json:"pageSize"`
	Total    int `json:"total"`
	// Ranks orders severities for sorting, highest first.
	Ranks map[string]int `json:"ranks"`
}

// Count is one severity's number of findings.
type Count struct {
	Severity string
	N        int
}

// ScanError is a scanner that failed.
type ScanError struct {
	Scanner string
	Message string
}

// Reason is a deny or warn entry with the findings behind it.
type Reason struct {
	Msg, Rule, Policy string
	Behind            []*Row
	More              int
}

// Row is one finding in the table.
type Row struct {
	ID       string
	Severity string
	Rank     int
	Scanner  string
	RuleID   string
	// Location is path:line:column, as far as known.
	Location string
	// Lines is "start–end" for a finding spanning lines.
	Lines string
	Title string
	// Status is new, baseline, excepted or "exception expired".
	Status    string
	Blocking  bool
	Snippet   string
	Package   *Package
	Exception *Exception
	// Group is the id of the finding's rule details (description,
	// remediation, references), shared by the findings that have the same.
	Group string
}

// Package is a dependency finding's package.
type Package struct {
	Ecosystem, Name, Version, PURL, Fix string
	Fixed                               string
}

// Exception is the exception that matched a finding.
type Exception struct {
	ID, Reason, Owner, Ticket, Expires, Source string
	Expired                                    bool
}

// Group is the rule details shared by findings: the description,
// remediation and references of one rule.
type Group struct {
	ID          string
	RuleID      string
	Title       string
	Description string
	Remediation string
	Aliases     []string
	CWEs        []string
	Refs        []Link
	Findings    int
}

// Link is a reference: a link when URL is set (http or https only), else
// text.
type Link struct {
	URL  string
	Text string
}

func buildPage(in *Input) *Page {
	res := in.Result
	if res == nil {
		res = &scanner.Result{}
	}
	p := &Page{
		Tool:      visible(in.Tool),
		Pass:      in.Decision.Pass,
		FailOn:    visible(in.Gate.FailOn),
		UnknownAs: in.Gate.UnknownAs.String(),
		Total:     len(res.Findings),
		Files:     res.Walk.Scanned,
		Sources:   slices.Clone(in.Sources),
		Baseline:  in.Gate.Baseline || anyBaseline(res.Findings),
		Scanners:  visibleAll(in.Scanners),
		Config:    Config{PageSize: pageSize, Total: len(res.Findings), Ranks: map[string]int{}},
	}
	if !res.Started.IsZero() {
		p.Started = res.Started.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	if res.Duration > 0 {
		p.Duration = res.Duration.Round(10 * time.Millisecond).String()
	}
	verdict := "FAIL"
	if p.Pass {
		verdict = "PASS"
	}
	p.Title = fmt.Sprintf("tollgate: %s (%d findings)", verdict, p.Total)
	for _, s := range scanner.Severities() {
		p.Severities = append(p.Severities, s.String())
		p.Config.Ranks[s.String()] = int(s)
	}
	for i := range p.Sources {
		p.Sources[i].Name = visible(p.Sources[i].Name)
		p.Sources[i].Note = visible(p.Sources[i].Note)
	}
	for _, e := range res.Errors {
		msg := ""
		if e.Err != nil {
			msg = e.Err.Error()
		}
		p.Errors = append(p.Errors, ScanError{Scanner: visible(e.Scanner), Message: visible(msg)})
	}

	blocking := map[string]bool{}
	for _, d := range in.Decision.Deny {
		for _, fp := range d.Fingerprints {
			blocking[fp] = true
		}
	}
	findings := make([]*scanner.Finding, len(res.Findings))
	for i := range findings {
		findings[i] = &res.Findings[i]
	}
	slices.SortStableFunc(findings, func(a, b *scanner.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	// Only the rows behind the listed reasons are built ahead of the
	// table, so only their fingerprints are indexed.
	listed := map[string]int{}
	for i, d := range in.Decision.Deny {
		if i < maxDenies {
			listFingerprints(listed, d)
		}
	}
	for i, d := range in.Decision.Warn {
		if i < maxDenies {
			listFingerprints(listed, d)
		}
	}
	counts := map[scanner.Severity]int{}
	groups := map[string]int{}
	groupOf := make([]string, len(findings)) // the groups' ids, shared strings
	for i, f := range findings {
		counts[f.Severity]++
		groupOf[i] = p.group(groups, f)
		if j, ok := listed[f.Fingerprint]; ok && j < 0 {
			listed[f.Fingerprint] = i
		}
		if sc := visible(f.Scanner); !slices.Contains(p.Scanners, sc) { // a kind no scanner that ran names
			p.Scanners = append(p.Scanners, sc)
		}
	}
	rowAt := func(i int) *Row {
		f := findings[i]
		r := row(i, f, blocking[f.Fingerprint], p.Baseline)
		r.Group = groupOf[i]
		return &r
	}
	if len(findings) > 0 {
		p.Rows = func(yield func(*Row) bool) {
			for i := range findings {
				if !yield(rowAt(i)) {
					return
				}
			}
		}
	}
	byFP := map[string]*Row{}
	for fp, i := range listed {
		if i >= 0 {
			byFP[fp] = rowAt(i)
		}
	}
	for _, s := range scanner.Severities() {
		if n := counts[s]; n > 0 {
			p.Counts = append(p.Counts, Count{Severity: s.String(), N: n})
		}
	}
	for i, d := range in.Decision.Deny {
		if i == maxDenies {
			p.MoreDenies = len(in.Decision.Deny) - maxDenies
			break
		}
		p.Denies = append(p.Denies, reason(d, byFP))
	}
	for _, d := range in.Decision.Warn {
		if len(p.Warns) == maxDenies {
			break
		}
		p.Warns = append(p.Warns, reason(d, byFP))
	}
	p.Charts = charts(findings, in.Scanners, p.Baseline)
	return p
}

// listFingerprints adds a reason's fingerprints to listed, as not yet
// found (-1).
func listFingerprints(listed map[string]int, d scanner.Reason) {
	for _, fp := range d.Fingerprints {
		listed[fp] = -1
	}
}

// anyBaseline reports whether a finding is marked as in the baseline: a
// report read back from JSON (tollgate merge) knows only that.
func anyBaseline(fs []scanner.Finding) bool {
	return slices.ContainsFunc(fs, func(f scanner.Finding) bool { return f.Gate != nil && !f.Gate.New })
}

func visibleAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, visible(s))
	}
	return out
}

func reason(d scanner.Reason, byFP map[string]*Row) Reason {
	r := Reason{Msg: visible(d.Msg), Rule: visible(d.Rule), Policy: visible(d.Policy)}
	for _, fp := range d.Fingerprints {
		row, ok := byFP[fp]
		if !ok {
			continue // a finding left out of the report (--severity)
		}
		if len(r.Behind) == maxBehind {
			r.More++
			continue
		}
		r.Behind = append(r.Behind, row)
	}
	return r
}

func row(i int, f *scanner.Finding, blocking, baseline bool) Row {
	r := Row{
		ID:       fmt.Sprintf("f%d", i+1),
		Severity: f.Severity.String(),
		Rank:     int(f.Severity),
		Scanner:  visible(f.Scanner),
		RuleID:   visible(f.RuleID),
		Location: visible(f.Location.Path),
		Title:    visible(f.Title),
		Snippet:  visible(f.Snippet),
		Blocking: blocking,
		Status:   "new",
	}
	l := f.Location
	if l.StartLine > 0 {
		r.Location += fmt.Sprintf(":%d", l.StartLine)
		if l.StartColumn > 0 {
			r.Location += fmt.Sprintf(":%d", l.StartColumn)
		}
		if l.EndLine > l.StartLine {
			r.Lines = fmt.Sprintf("%d–%d", l.StartLine, l.EndLine)
		}
	}
	if pk := f.Package; pk != nil {
		r.Package = &Package{Ecosystem: visible(pk.Ecosystem), Name: visible(pk.Name), Version: visible(pk.Version), PURL: visible(pk.PURL),
			Fix: visible(pk.Fix), Fixed: visible(strings.Join(pk.FixedVersions, ", "))}
		if r.Title != "" {
			r.Title = r.Package.Name + " " + r.Package.Version + ": " + r.Title
		}
	}
	if f.Gate != nil {
		if !f.Gate.New {
			r.Status = "baseline"
		}
		if e := f.Gate.Exception; e != nil {
			r.Exception = &Exception{ID: visible(e.ID), Reason: visible(e.Reason), Owner: visible(e.Owner), Ticket: visible(e.Ticket),
				Source: visible(e.Source), Expired: e.Expired}
			if e.Expires != nil {
				r.Exception.Expires = e.Expires.UTC().Format("2006-01-02")
			}
			r.Status = "excepted"
			if e.Expired {
				r.Status = "exception expired"
			}
		}
	}
	if !baseline && r.Status == "new" {
		r.Status = "" // without a baseline every finding is "new": say nothing
	}
	return r
}

// group returns the id of f's rule details, adding them when no earlier
// finding had the same; "" when f's rule has none to show.
func (p *Page) group(groups map[string]int, f *scanner.Finding) string {
	if f.Description == "" && f.Remediation == "" && len(f.References) == 0 && len(f.Aliases) == 0 && len(f.CWEs) == 0 {
		return ""
	}
	key := strings.Join([]string{f.RuleID, f.Description, f.Remediation, strings.Join(f.References, "\x00"),
		strings.Join(f.Aliases, "\x00"), strings.Join(f.CWEs, "\x00")}, "\x01")
	if i, ok := groups[key]; ok {
		p.Groups[i].Findings++
		return p.Groups[i].ID
	}
	g := &Group{ID: fmt.Sprintf("g%d", len(p.Groups)+1), RuleID: visible(f.RuleID), Title: visible(f.Title), Description: visible(f.Description),
		Remediation: visible(f.Remediation), Findings: 1}
	if len(f.Aliases) > 0 {
		g.Aliases = visibleAll(f.Aliases)
	}
	if len(f.CWEs) > 0 {
		g.CWEs = visibleAll(f.CWEs)
	}
	for _, ref := range f.References {
		g.Refs = append(g.Refs, link(ref))
	}
	groups[key] = len(p.Groups)
	p.Groups = append(p.Groups, *g)
	return g.ID
}

// link keeps URL only for an absolute http or https URL; anything else
// (javascript:, data:, relative paths) is shown as text.
func link(ref string) Link {
	l := Link{Text: visible(ref)}
	u, err := url.Parse(ref)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && l.Text == ref {
		l.URL = ref
	}
	return l
}

// visible makes text safe to look at: bidirectional controls (U+202E
// RIGHT-TO-LEFT OVERRIDE and kin, which can make "exe.txt" read as
// "txt.exe") and other control characters are replaced by a visible
// marker such as ⟪U+202E⟫; invalid UTF-8 becomes U+FFFD. Tabs and
// newlines stay. It does not escape HTML: html/template does that.
func visible(s string) string {
	clean := true
	for _, r := range s {
		if hidden(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteRune('\uFFFD')
		case hidden(r):
			fmt.Fprintf(&b, "⟪U+%04X⟫", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hidden(r rune) bool {
	if r == '\t' || r == '\n' {
		return false
	}
	return unicode.Is(unicode.Bidi_Control, r) || unicode.IsControl(r) || r == '\u200B' || r == '\uFEFF' || r == '\u2028' || r == '\u2029'
}
