package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

type tableWriter struct{ color bool }

const (
	ansiReset     = "\x1b[0m"
	ansiRed       = "\x1b[31m"
	ansiBold      = "\x1b[1m"
	ansiYellow    = "\x1b[33m"
	ansiGreen     = "\x1b[32m"
	ansiGray      = "\x1b[90m"
	ansiBrightRed = "\x1b[91m"
	ansiPlain     = "\x1b[39m"
)

func (t tableWriter) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + ansiReset
}

// sevColor returns a five-byte colour code for a severity.
func (t tableWriter) sevColor(s scanner.Severity) string {
	switch s {
	case scanner.SeverityCritical:
		return ansiBrightRed
	case scanner.SeverityHigh:
		return ansiRed
	case scanner.SeverityMedium:
		return ansiYellow
	}
	return ansiGray
}

// Write prints findings (most severe first) in stable columns, then the
// counts, skipped files, errors, and last the verdict with every deny and
// warn reason and the policy rule behind it.
func (t tableWriter) Write(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	fs := r.bySeverity()
	if len(fs) > 0 {
		t.writeFindingRows(ew, fs) // ew keeps the first error
		fmt.Fprintln(ew)
	}
	if ups := r.remediations(); len(ups) > 0 {
		fmt.Fprintf(ew, "Upgrades (%d):\n", len(ups))
		for i, m := range ups {
			if i == maxUpgrades {
				fmt.Fprintf(ew, "  … and %d more (see the JSON report)\n", len(ups)-maxUpgrades)
				break
			}
			line := upgradeAction(m) + " " + upgradeFixes(m)
			if notes := upgradeNotes(m); len(notes) > 0 {
				line += " [" + strings.Join(notes, ", ") + "]"
			}
			fmt.Fprintf(ew, "  %s in %s\n", oneLine(line), strings.Join(m.Locations, ", "))
		}
		fmt.Fprintln(ew)
	}
	fmt.Fprintf(ew, "Findings: %d (%s)", len(r.Result.Findings), r.counts())
	if n := countSuppressed(fs); n > 0 {
		fmt.Fprintf(ew, ", %d excepted", n)
	}
	if n := countBaseline(fs); n > 0 {
		fmt.Fprintf(ew, ", %d in baseline", n)
	}
	fmt.Fprintln(ew)
	wk := r.Result.Walk
	fmt.Fprintf(ew, "Files: %d scanned, %d skipped", wk.Scanned, wk.Skipped.Total())
	if d := skipDetail(wk.Skipped); d != "" {
		fmt.Fprintf(ew, " (%s)", d)
	}
	fmt.Fprintln(ew)
	for i, d := range wk.Diagnostics {
		if i == maxListed {
			fmt.Fprintf(ew, "  … and %d more (see the JSON report)\n", len(wk.Diagnostics)-maxListed)
			break
		}
		fmt.Fprintf(ew, "  skipped %s: %s\n", d.Path, d.Reason)
	}
	for _, st := range r.Result.Scanners {
		for _, n := range scannerNotes(st) {
			fmt.Fprintf(ew, "  note (%s): %s\n", st.Name, oneLine(n))
		}
	}
	for _, e := range r.Result.Errors {
		fmt.Fprintf(ew, "%s %s\n", t.paint(ansiRed, "ERROR"), oneLine(e.Error()))
	}
	fmt.Fprintln(ew)
	t.writeSourcesTable(ew, r)
	if r.Decision.Pass {
		fmt.Fprintf(ew, "Gate: %s (fail-on %s)\n", t.paint(ansiBold+ansiGreen, "PASSED"), r.FailOn)
	} else {
		fmt.Fprintf(ew, "Gate: %s (fail-on %s): %d reason(s)\n", t.paint(ansiBold+ansiRed, "FAILED"), r.FailOn, len(r.Decision.Deny))
	}
	byFP := r.byFingerprint()
	for _, d := range r.Decision.Deny {
		fmt.Fprintf(ew, "  %s %s%s\n", t.paint(ansiRed, "deny"), oneLine(d.Msg), ruleSuffix(d))
		for i, fp := range d.Fingerprints {
			f, ok := byFP[fp]
			if !ok {
				continue
			}
			if i == maxListed {
				fmt.Fprintf(ew, "      … and %d more findings\n", len(d.Fingerprints)-maxListed)
				break
			}
			if len(d.Fingerprints) > 1 {
				fmt.Fprintf(ew, "      %s %s at %s\n", f.Severity, f.RuleID, location(f.Location))
			}
			if note := exceptionConsidered(*f); note != "" {
				fmt.Fprintf(ew, "      %s\n", note)
			}
		}
	}
	for _, d := range r.Decision.Warn {
		fmt.Fprintf(ew, "  %s %s%s\n", t.paint(ansiYellow, "warn"), oneLine(d.Msg), ruleSuffix(d))
	}
	return ew.err
}

// maxListed bounds the findings listed under one deny reason.
const maxListed = 10

// exceptionConsidered explains an exception that matched a denied finding
// but did not suppress it (it expired).
func exceptionConsidered(f scanner.Finding) string {
	if f.Gate == nil || f.Gate.Exception == nil || !f.Gate.Exception.Expired {
		return ""
	}
	e := f.Gate.Exception
	s := "exception " + e.ID + " considered: expired"
	if e.Expires != nil {
		s += " on " + e.Expires.Format("2006-01-02")
	}
	if e.Owner != "" {
		s += ", owner " + e.Owner
	}
	if e.Source != "" {
		s += " (" + e.Source + ")"
	}
	return s
}

func ruleSuffix(d scanner.Reason) string {
	var parts []string
	if d.Rule != "" {
		parts = append(parts, d.Rule)
	}
	if d.Policy != "" {
		parts = append(parts, d.Policy)
	}
	if len(parts) == 0 {
		return ""
	}
	return "  [" + strings.Join(parts, " @ ") + "]"
}

func skipDetail(s scanner.SkipCounts) string {
	var parts []string
	for _, p := range []struct {
		n    int
		name string
	}{
		{s.ExcludedDirs, "excluded dirs"}, {s.ExcludedFiles, "excluded files"}, {s.Binary, "binary"},
		{s.TooLarge, "too large"}, {s.Unreadable, "unreadable"}, {s.Symlinks, "symlinks"},
		{s.OutsideRoot, "links outside root"}, {s.Irregular, "special files"}, {s.Gitignored, "gitignored"},
	} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.name))
		}
	}
	return strings.Join(parts, ", ")
}

func countSuppressed(fs []*scanner.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Suppressed() {
			n++
		}
	}
	return n
}

func countBaseline(fs []*scanner.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Gate != nil && !f.Gate.New {
			n++
		}
	}
	return n
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// errWriter remembers the first write error so callers check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, nil
}

// scannerNotes are the "notes" a scanner put in its stats: what it was
// asked to look at and could not (a .bicep without its compiled JSON, a
// Terraform module that was not downloaded). They are not findings and
// not errors, but a reader of the table must see them.
func scannerNotes(st scanner.ScannerStats) []string {
	switch ns := st.Extra["notes"].(type) {
	case []string:
		return ns
	case []any:
		var out []string
		for _, n := range ns {
			if s, ok := n.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
