package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Source is one scan of a merged report (`tollgate merge`): where it came
// from and what the merged gate says about its findings alone.
type Source struct {
	// Label names the source (--label, else derived from its root or path
	// prefix); unique within a merge.
	Label string `json:"label"`
	// File is the JSON report the source was read from, as given.
	File string `json:"file"`
	// Root and PathPrefix are the source scan's own.
	Root       string `json:"root"`
	PathPrefix string `json:"path_prefix,omitempty"`
	// LabelPrefixed is true when the merge put Label in front of the
	// source's finding paths (its scan had no path prefix), so that the
	// paths of different repositories stay apart.
	LabelPrefixed bool `json:"label_prefixed"`
	// ToolVersion, PolicyDigest and InputSchemaVersion are what the
	// source's report recorded (empty when it recorded none).
	ToolVersion        string `json:"tool_version"`
	PolicyDigest       string `json:"policy_digest,omitempty"`
	InputSchemaVersion string `json:"input_schema_version,omitempty"`
	// Pass is the merged gate's verdict over this source's findings alone,
	// with the same policy, threshold, exceptions and baseline; Deny counts
	// its deny reasons.
	Pass bool `json:"pass"`
	Deny int  `json:"deny"`
	// Findings is the source's finding count; Counts splits it by severity
	// (zeros left out); New counts those not in the baseline (all of them
	// without one) and Suppressed those a live exception covers.
	Findings   int            `json:"findings"`
	Counts     map[string]int `json:"counts"`
	New        int            `json:"new"`
	Suppressed int            `json:"suppressed"`
	// Errors counts the scanner errors the source's scan reported.
	Errors int `json:"errors"`
	// Mismatches say how this source differs from the merging tollgate
	// (tool major version, policy digest, input schema); only non-empty
	// when the merge ran with --allow-mixed.
	Mismatches []string `json:"mismatches,omitempty"`
}

// Verdict is "PASSED" or "FAILED".
func (s Source) Verdict() string {
	if s.Pass {
		return "PASSED"
	}
	return "FAILED"
}

// sourceSeverities are the count columns, highest first.
var sourceSeverities = []scanner.Severity{scanner.SeverityCritical, scanner.SeverityHigh, scanner.SeverityMedium,
	scanner.SeverityLow, scanner.SeverityInfo, scanner.SeverityUnknown}

// mixedNote is the one line that flags a merge of scans that disagree.
func (r *Report) mixedNote() string {
	if len(r.Mixed) == 0 {
		return ""
	}
	return fmt.Sprintf("MIXED: %d difference(s) between the merged scans accepted with --allow-mixed: %s",
		len(r.Mixed), strings.Join(r.Mixed, "; "))
}

// writeSourcesTable prints the per-source summary of a merged report.
func (t tableWriter) writeSourcesTable(w io.Writer, r *Report) {
	if len(r.Sources) == 0 {
		return
	}
	fmt.Fprintf(w, "Sources (%d):\n", len(r.Sources))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"  SOURCE", "VERDICT"}
	for _, s := range sourceSeverities {
		head = append(head, s.String())
	}
	fmt.Fprintln(tw, strings.Join(append(head, "NEW", "EXCEPTED", "ERRORS"), "\t"))
	for _, s := range r.Sources {
		// Both verdicts and their colour codes have the same byte length,
		// so tabwriter's widths stay aligned.
		v := t.paint(ansiBold+ansiGreen, "PASSED")
		if !s.Pass {
			v = t.paint(ansiBold+ansiRed, "FAILED")
		}
		row := []string{"  " + oneLine(s.Label), v}
		for _, sev := range sourceSeverities {
			row = append(row, fmt.Sprint(s.Counts[sev.String()]))
		}
		row = append(row, fmt.Sprint(s.New), fmt.Sprint(s.Suppressed), fmt.Sprint(s.Errors))
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	if note := r.mixedNote(); note != "" {
		fmt.Fprintln(w, t.paint(ansiYellow, oneLine(note)))
	}
	fmt.Fprintln(w)
}

// markdownSources returns the heading and one row per source of a merged
// report's Markdown summary.
func (r *Report) markdownSources() (string, []string) {
	if len(r.Sources) == 0 {
		return "", nil
	}
	top := fmt.Sprintf("### Sources (%d)\n\n| Source | Verdict |", len(r.Sources))
	sep := "|---|---|"
	for _, s := range sourceSeverities {
		top += " " + s.String() + " |"
		sep += "---:|"
	}
	top += " New | Excepted | Errors |\n" + sep + "---:|---:|---:|\n"
	rows := make([]string, 0, len(r.Sources))
	for _, s := range r.Sources {
		v := "✅ passed"
		if !s.Pass {
			v = "❌ failed"
		}
		row := fmt.Sprintf("| %s | %s |", mdEscape(s.Label), v)
		for _, sev := range sourceSeverities {
			row += fmt.Sprintf(" %d |", s.Counts[sev.String()])
		}
		rows = append(rows, row+fmt.Sprintf(" %d | %d | %d |\n", s.New, s.Suppressed, s.Errors))
	}
	return top, rows
}
