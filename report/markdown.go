package report

import (
	"fmt"
	"io"
	"strings"
)

// DefaultMarkdownLimit is the size a Markdown report never exceeds unless
// told otherwise: GitHub's limit for a pull-request comment body, 65,536
// characters. A CI step summary may hold 1 MiB (Options.MarkdownLimit).
// The writer counts bytes, so the character count is never above it either.
const DefaultMarkdownLimit = 65536

// minMarkdownLimit leaves room for the verdict and the truncation notes.
const minMarkdownLimit = 2048

type markdownWriter struct{ limit int }

// markdownParts are the report's lines before the size budget picks which
// of them fit. Output order (verdict, errors, why, warnings, table) is not
// the order of importance (verdict, every deny reason, warnings, the
// findings behind each reason, the table), so the budget is spent in the
// second order and the document assembled in the first.
type markdownParts struct {
	head     string
	errors   []string
	denies   []string
	behind   [][]string // findings behind each deny
	warns    []string
	srcTop   string
	sources  []string // one table row per merged source
	upTop    string
	upgrades []string // one table row per upgrade (at most maxUpgrades)
	upMore   int      // upgrades beyond maxUpgrades
	tableTop string
	rows     []string
}

// Write renders a PR comment / CI step summary: the verdict first, then
// why (each deny with its rule and findings), warnings, and a findings
// table, truncated with a note and a count of what was left out so the
// whole stays within the limit.
func (mw markdownWriter) Write(w io.Writer, r *Report) error {
	limit := mw.limit
	if limit <= 0 {
		limit = DefaultMarkdownLimit
	}
	limit = max(limit, minMarkdownLimit)
	p := r.markdownParts()
	_, err := io.WriteString(w, p.assemble(limit))
	return err
}

func (r *Report) markdownParts() markdownParts {
	var p markdownParts
	verdict := "✅ **tollgate: passed**"
	if !r.Decision.Pass {
		verdict = "❌ **tollgate: failed**"
	}
	p.head = fmt.Sprintf("%s (fail-on %s) — %d finding(s): %s\n\n", verdict, r.FailOn, len(r.Result.Findings), r.counts())
	if note := r.mixedNote(); note != "" {
		p.head += "> ⚠️ " + mdEscape(truncate(note, 1000)) + "\n\n"
	}
	p.srcTop, p.sources = r.markdownSources()
	for _, e := range r.Result.Errors {
		p.errors = append(p.errors, fmt.Sprintf("> **Scanner error** `%s`: %s\n\n", e.Scanner, mdEscape(truncate(e.Err.Error(), 1000))))
	}
	byFP := r.byFingerprint()
	for _, d := range r.Decision.Deny {
		p.denies = append(p.denies, fmt.Sprintf("- %s%s\n", mdEscape(truncate(d.Msg, 1000)), mdRule(d.Rule, d.Policy)))
		var lines []string
		for _, fp := range d.Fingerprints {
			f, ok := byFP[fp]
			if !ok {
				continue
			}
			line := fmt.Sprintf("  - `%s` %s at `%s`", f.RuleID, mdEscape(title(*f)), location(f.Location))
			if note := exceptionConsidered(*f); note != "" {
				line += " — " + mdEscape(note)
			}
			lines = append(lines, line+"\n")
		}
		p.behind = append(p.behind, lines)
	}
	for _, d := range r.Decision.Warn {
		p.warns = append(p.warns, fmt.Sprintf("- %s%s\n", mdEscape(truncate(d.Msg, 1000)), mdRule(d.Rule, d.Policy)))
	}
	if ups := r.remediations(); len(ups) > 0 {
		p.upTop = "### Upgrades\n\n| Package | Ecosystem | Action | Fixes | Notes |\n|---|---|---|---|---|\n"
		for i, m := range ups {
			if i == maxUpgrades {
				p.upMore = len(ups) - maxUpgrades
				break
			}
			action := "no single known version fixes all"
			if m.UpgradeTo != "" {
				action = fmt.Sprintf("upgrade %s → %s", mdEscape(m.Version), mdEscape(m.UpgradeTo))
			}
			fixes := strings.TrimPrefix(upgradeFixes(m), "fixes ")
			p.upgrades = append(p.upgrades, fmt.Sprintf("| `%s` | %s | %s | %s | %s |\n", mdEscape(m.Name), mdEscape(m.Ecosystem), action,
				mdEscape(fixes), mdEscape(strings.Join(upgradeNotes(m), ", "))))
		}
	}
	if n := len(r.Result.Findings); n > 0 {
		p.tableTop = fmt.Sprintf("<details><summary>Findings (%d)</summary>\n\n| Severity | Scanner | Rule | Location | Title | Status |\n|---|---|---|---|---|---|\n", n)
		for _, f := range r.bySeverity() {
			status := "new"
			switch {
			case f.Suppressed():
				status = mdEscape(suppressedNote(*f))
			case f.Gate != nil && !f.Gate.New:
				status = "baseline"
			}
			p.rows = append(p.rows, fmt.Sprintf("| %s | %s | `%s` | `%s` | %s | %s |\n", f.Severity, f.Scanner, f.RuleID, location(f.Location), mdEscape(title(*f)), status))
		}
	}
	return p
}

// Room kept for each truncation note ("…and N more …"), charged when the
// part it may follow is admitted, so notes never push past the limit.
const (
	noteRoom    = 120
	sectionRoom = 40 // a heading or closing tag and blank lines
)

// assemble picks what fits in limit bytes, most important first, and lays
// it out in reading order with a note wherever something was left out.
func (p markdownParts) assemble(limit int) string {
	budget := limit - len(p.head) - 3*noteRoom - 3*sectionRoom
	take := func(parts []string, each int) int {
		n := 0
		for _, s := range parts {
			if len(s)+each > budget {
				break
			}
			budget -= len(s) + each
			n++
		}
		return n
	}
	nErr := take(p.errors, 0)
	nDeny := take(p.denies, noteRoom) // each reason may get a "more findings" note
	nWarn := take(p.warns, 0)
	nSrc, srcFits := 0, len(p.sources) > 0 && len(p.srcTop)+sectionRoom < budget
	if srcFits {
		budget -= len(p.srcTop) + sectionRoom
		nSrc = take(p.sources, 0)
	}
	nBehind := make([]int, nDeny)
	for i := range nDeny {
		nBehind[i] = take(p.behind[i], 0)
	}
	nUp, upFits := 0, len(p.upgrades) > 0 && len(p.upTop)+sectionRoom < budget
	if upFits {
		budget -= len(p.upTop) + sectionRoom
		nUp = take(p.upgrades, 0)
	}
	nRows, tableFits := 0, len(p.rows) > 0 && len(p.tableTop) < budget
	if tableFits {
		budget -= len(p.tableTop)
		nRows = take(p.rows, 0)
	}

	var b strings.Builder
	b.WriteString(p.head)
	for _, e := range p.errors[:nErr] {
		b.WriteString(e)
	}
	if n := len(p.errors) - nErr; n > 0 {
		fmt.Fprintf(&b, "> …and %d more scanner error(s); see the JSON report.\n\n", n)
	}
	if len(p.denies) > 0 {
		b.WriteString("### Why it failed\n\n")
		for i := range nDeny {
			b.WriteString(p.denies[i])
			for _, l := range p.behind[i][:nBehind[i]] {
				b.WriteString(l)
			}
			if n := len(p.behind[i]) - nBehind[i]; n > 0 {
				fmt.Fprintf(&b, "  - …and %d more finding(s) behind this reason (size limit); see the SARIF or JSON report\n", n)
			}
		}
		if n := len(p.denies) - nDeny; n > 0 {
			fmt.Fprintf(&b, "- …and %d more reason(s) the gate failed, left out to stay under %d characters; see the SARIF or JSON report\n", n, limit)
		}
		b.WriteString("\n")
	}
	if len(p.warns) > 0 {
		b.WriteString("### Warnings\n\n")
		for _, wn := range p.warns[:nWarn] {
			b.WriteString(wn)
		}
		if n := len(p.warns) - nWarn; n > 0 {
			fmt.Fprintf(&b, "- …and %d more warning(s); see the JSON report\n", n)
		}
		b.WriteString("\n")
	}
	if srcFits {
		b.WriteString(p.srcTop)
		for _, row := range p.sources[:nSrc] {
			b.WriteString(row)
		}
		if n := len(p.sources) - nSrc; n > 0 {
			fmt.Fprintf(&b, "\n…and %d more source(s); see the JSON report.\n", n)
		}
		b.WriteString("\n")
	}
	if upFits {
		b.WriteString(p.upTop)
		for _, row := range p.upgrades[:nUp] {
			b.WriteString(row)
		}
		if n := len(p.upgrades) - nUp + p.upMore; n > 0 {
			fmt.Fprintf(&b, "\n…and %d more upgrade(s); see the JSON report.\n", n)
		}
		b.WriteString("\n")
	}
	if len(p.rows) > 0 {
		if !tableFits {
			fmt.Fprintf(&b, "_%d finding(s) not listed here to stay under %d characters; see the SARIF or JSON report._\n", len(p.rows), limit)
			return b.String()
		}
		b.WriteString(p.tableTop)
		for _, row := range p.rows[:nRows] {
			b.WriteString(row)
		}
		if n := len(p.rows) - nRows; n > 0 {
			fmt.Fprintf(&b, "\n…and %d more finding(s) not listed to stay under %d characters; see the SARIF or JSON report.\n", n, limit)
		}
		b.WriteString("\n</details>\n")
	}
	return b.String()
}

func mdRule(rule, pos string) string {
	if rule == "" && pos == "" {
		return ""
	}
	s := " _(" + rule
	if pos != "" {
		if rule != "" {
			s += ", "
		}
		s += "`" + pos + "`"
	}
	return s + ")_"
}

// mdEscape keeps finding text from breaking tables or injecting markup.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;", "\n", " ", "`", "'", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]")
	return r.Replace(s)
}
