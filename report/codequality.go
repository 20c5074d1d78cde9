package report

import (
	"fmt"
	"io"

	"github.com/tollgate-dev/tollgate/scanner"
)

// codeQualityWriter renders GitLab's Code Quality report (a Code Climate
// subset): merge requests show each finding inline on the changed lines,
// for every scanner at once.
type codeQualityWriter struct{}

type cqIssue struct {
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    cqLocation `json:"location"`
}

type cqLocation struct {
	Path  string  `json:"path"`
	Lines cqLines `json:"lines"`
}

type cqLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

func (codeQualityWriter) Write(w io.Writer, r *Report) error {
	var listed []*scanner.Finding
	for i := range r.Result.Findings {
		if f := &r.Result.Findings[i]; !f.Suppressed() { // an accepted exception is not a code-quality issue
			listed = append(listed, f)
		}
	}
	// streamed one issue at a time (report/jsonframe.go)
	fw := newJSONFrame(w, []byte("[]"))
	if err := fw.fill("\n", "", len(listed), func(i int) any { return cqIssueOf(*listed[i], r.UnknownAs) }); err != nil {
		return fmt.Errorf("codequality report: %w", err)
	}
	if err := fw.finish(); err != nil {
		return fmt.Errorf("codequality report: %w", err)
	}
	return nil
}

func cqIssueOf(f scanner.Finding, unknownAs scanner.Severity) cqIssue {
	line := max(f.Location.StartLine, 1)
	end := 0
	if f.Location.EndLine > line {
		end = f.Location.EndLine
	}
	return cqIssue{
		Description: f.Scanner + ": " + title(f),
		CheckName:   f.RuleID,
		Fingerprint: f.Fingerprint,
		Severity:    cqSeverity(gatedSeverity(f.Severity, unknownAs)),
		Location:    cqLocation{Path: f.Location.Path, Lines: cqLines{Begin: line, End: end}},
	}
}

// cqSeverity maps onto Code Climate's five levels.
func cqSeverity(s scanner.Severity) string {
	switch s {
	case scanner.SeverityCritical:
		return "blocker"
	case scanner.SeverityHigh:
		return "critical"
	case scanner.SeverityMedium, scanner.SeverityUnknown:
		return "major"
	case scanner.SeverityLow:
		return "minor"
	}
	return "info"
}
