package report

import (
	"fmt"
	"io"
	"strings"
)

type markdownWriter struct{}

// maxMarkdownRows keeps PR comments under the hosts' size limits.
const maxMarkdownRows = 200

// Write renders a PR comment / CI step summary: the verdict first, then
// why (each deny with its rule and findings), warnings, and a findings
// table.
func (markdownWriter) Write(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	verdict := "✅ **tollgate: passed**"
	if !r.Decision.Pass {
		verdict = "❌ **tollgate: failed**"
	}
	fmt.Fprintf(ew, "%s (fail-on %s) — %d finding(s): %s\n\n", verdict, r.FailOn, len(r.Result.Findings), r.counts())
	for _, e := range r.Result.Errors {
		fmt.Fprintf(ew, "> **Scanner error** `%s`: %s\n\n", e.Scanner, mdEscape(e.Err.Error()))
	}
	byFP := r.byFingerprint()
	if len(r.Decision.Deny) > 0 {
		fmt.Fprintf(ew, "### Why it failed\n\n")
		for _, d := range r.Decision.Deny {
			fmt.Fprintf(ew, "- %s%s\n", mdEscape(d.Msg), mdRule(d.Rule, d.Policy))
			for _, fp := range d.Fingerprints {
				if f, ok := byFP[fp]; ok {
					fmt.Fprintf(ew, "  - `%s` %s at `%s`", f.RuleID, mdEscape(title(f)), location(f.Location))
					if note := exceptionConsidered(f); note != "" {
						fmt.Fprintf(ew, " — %s", mdEscape(note))
					}
					fmt.Fprintln(ew)
				}
			}
		}
		fmt.Fprintln(ew)
	}
	if len(r.Decision.Warn) > 0 {
		fmt.Fprintf(ew, "### Warnings\n\n")
		for _, d := range r.Decision.Warn {
			fmt.Fprintf(ew, "- %s%s\n", mdEscape(d.Msg), mdRule(d.Rule, d.Policy))
		}
		fmt.Fprintln(ew)
	}
	if len(r.Result.Findings) > 0 {
		fmt.Fprintf(ew, "<details><summary>Findings (%d)</summary>\n\n", len(r.Result.Findings))
		fmt.Fprintf(ew, "| Severity | Scanner | Rule | Location | Title | Status |\n|---|---|---|---|---|---|\n")
		for i, f := range r.bySeverity() {
			if i == maxMarkdownRows {
				fmt.Fprintf(ew, "\n…and %d more; see the SARIF or JSON report.\n", len(r.Result.Findings)-maxMarkdownRows)
				break
			}
			status := "new"
			switch {
			case f.Suppressed():
				status = mdEscape(suppressedNote(f))
			case f.Gate != nil && !f.Gate.New:
				status = "baseline"
			}
			fmt.Fprintf(ew, "| %s | %s | `%s` | `%s` | %s | %s |\n", f.Severity, f.Scanner, f.RuleID, location(f.Location), mdEscape(title(f)), status)
		}
		fmt.Fprintf(ew, "\n</details>\n")
	}
	return ew.err
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
