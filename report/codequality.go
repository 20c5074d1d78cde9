package report

import (
	"encoding/json"
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
	issues := make([]cqIssue, 0, len(r.Result.Findings))
	for _, f := range r.Result.Findings {
		if f.Suppressed() {
			continue // an accepted exception is not a code-quality issue
		}
		line := max(f.Location.StartLine, 1)
		end := 0
		if f.Location.EndLine > line {
			end = f.Location.EndLine
		}
		issues = append(issues, cqIssue{
			Description: f.Scanner + ": " + title(f),
			CheckName:   f.RuleID,
			Fingerprint: f.Fingerprint,
			Severity:    cqSeverity(gatedSeverity(f.Severity, r.UnknownAs)),
			Location:    cqLocation{Path: f.Location.Path, Lines: cqLines{Begin: line, End: end}},
		})
	}
	b, err := json.MarshalIndent(issues, "", "  ")
	if err != nil {
		return fmt.Errorf("codequality report: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
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
