package report

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Report is everything a writer renders.
type Report struct {
	ToolName    string
	ToolVersion string
	// Result is the scan. Its Root is printed only by the JSON writer.
	Result *scanner.Result
	// Scanners lists the scanners that ran, in order, even those that
	// found nothing (SARIF has one run per scanner).
	Scanners []string
	Decision scanner.Decision
	// FailOn is the severity threshold, for display.
	FailOn string
	// UnknownAs is the severity the gate treats UNKNOWN findings as
	// (--unknown-severity); SARIF's level and security-severity follow it
	// so a code-scanning view ranks them as the gate does. The zero value
	// leaves UNKNOWN as a medium-like warning.
	UnknownAs scanner.Severity
	// Baseline is true when the gate compared the scan with a baseline
	// (--baseline); the HTML report then charts new versus baseline.
	Baseline bool
	// PolicyDigest identifies the policy the gate decided with
	// (policy.Gate.Digest) and InputSchemaVersion the version of the input
	// document it read (policy.SchemaVersion); the JSON report records
	// both so that `tollgate merge` can check that scans agree.
	PolicyDigest, InputSchemaVersion string
	// Sources are the scans a merged report is made of (`tollgate merge`),
	// sorted by label; empty for a single scan.
	Sources []Source
	// Mixed lists how the merged scans differ from the merging tollgate
	// (--allow-mixed); empty when they agree.
	Mixed []string
	// Source is the scanned tree, read by the SARIF writer to convert the
	// byte columns of findings into UTF-16 code units. Nil means the scan
	// root on disk (Result.Root) when it is a directory.
	Source fs.FS
}

// Writer renders a report.
type Writer interface {
	Write(w io.Writer, r *Report) error
}

// Options tune writers that have a choice to make.
type Options struct {
	// Color enables ANSI colour in the table (only when writing to a TTY).
	Color bool
	// MarkdownLimit caps the Markdown report's size in bytes (0 means
	// DefaultMarkdownLimit, GitHub's 65,536-character comment limit; a
	// step summary may take 1 MiB). What does not fit is left out with a
	// note and a count; values under 2,048 are raised to it.
	MarkdownLimit int
	// Template is the text/template file the template format renders
	// (docs/templates.md); New reads and parses it.
	Template string
}

// Formats lists the supported format names.
func Formats() []string {
	return []string{"table", "json", "sarif", "markdown", "junit",
		"gitlab-secrets", "gitlab-deps", "gitlab-sast", "gitlab-codequality", "azure", "osv-json", "template", "cyclonedx", "html"}
}

// ErrUnknownFormat is returned by New for a format it does not know.
var ErrUnknownFormat = errors.New("unknown report format")

// New returns the writer for format.
func New(format string, o Options) (Writer, error) {
	switch strings.ToLower(format) {
	case "table":
		return tableWriter{color: o.Color}, nil
	case "json":
		return jsonWriter{}, nil
	case "sarif":
		return sarifWriter{}, nil
	case "markdown", "md":
		return markdownWriter{limit: o.MarkdownLimit}, nil
	case "junit":
		return junitWriter{}, nil
	case "gitlab-secrets":
		return gitlabWriter{scanType: "secret_detection", scannerName: "secrets"}, nil
	case "gitlab-deps":
		return gitlabWriter{scanType: "dependency_scanning", scannerName: "deps"}, nil
	case "gitlab-sast":
		return gitlabWriter{scanType: "sast", scannerName: "iac"}, nil
	case "gitlab-codequality":
		return codeQualityWriter{}, nil
	case "azure":
		return azureWriter{}, nil
	case "osv-json":
		return osvJSONWriter{}, nil
	case "template":
		return newTemplateWriter(o.Template)
	case "cyclonedx":
		return cycloneDXWriter{}, nil
	case "html":
		return newHTMLWriter()
	}
	return nil, fmt.Errorf("%w %q (want %s)", ErrUnknownFormat, format, strings.Join(Formats(), ", "))
}

// runNames are the scanners to report on: those that ran, plus any kind a
// finding names that is not among them, so no finding is ever dropped.
func (r *Report) runNames() []string {
	names := slices.Clone(r.Scanners)
	for _, f := range r.Result.Findings {
		if !slices.Contains(names, f.Scanner) {
			names = append(names, f.Scanner)
		}
	}
	return names
}

// denied maps each fingerprint behind a deny reason to that reason's rule.
func (r *Report) denied() map[string]string {
	m := map[string]string{}
	for _, d := range r.Decision.Deny {
		for _, fp := range d.Fingerprints {
			if _, ok := m[fp]; !ok {
				m[fp] = d.Rule
			}
		}
	}
	return m
}

// byFingerprint indexes the findings by fingerprint. Pointers, not
// copies: a copy of every finding was 60 MB on a scan of 130,000.
func (r *Report) byFingerprint() map[string]*scanner.Finding {
	m := make(map[string]*scanner.Finding, len(r.Result.Findings))
	for i := range r.Result.Findings {
		m[r.Result.Findings[i].Fingerprint] = &r.Result.Findings[i]
	}
	return m
}

// bySeverity returns the findings ordered by severity (highest first), then
// in the model's order; pointers into r.Result.Findings.
func (r *Report) bySeverity() []*scanner.Finding {
	fs := make([]*scanner.Finding, len(r.Result.Findings))
	for i := range fs {
		fs[i] = &r.Result.Findings[i]
	}
	slices.SortStableFunc(fs, func(a, b *scanner.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	return fs
}

// counts returns findings per severity, highest first, skipping zeros.
func (r *Report) counts() string {
	n := map[string]int{}
	for _, f := range r.Result.Findings {
		n[f.Severity.String()]++
	}
	return countsLine(n)
}

func location(l scanner.Location) string {
	if l.StartLine > 0 {
		return fmt.Sprintf("%s:%d", l.Path, l.StartLine)
	}
	return l.Path
}

// title is the finding's one-line description, with the package and fix
// for dependency findings.
func title(f scanner.Finding) string {
	t := f.Title
	if p := f.Package; p != nil {
		t = fmt.Sprintf("%s %s: %s", p.Name, p.Version, t)
		if p.Fix != "" {
			t += " (fix: " + p.Fix + ")"
		}
	}
	return t
}

func suppressedNote(f scanner.Finding) string {
	if !f.Suppressed() {
		return ""
	}
	e := f.Gate.Exception
	s := "excepted: " + e.Reason
	if e.Owner != "" {
		s += ", owner " + e.Owner
	}
	if e.Expires != nil {
		s += ", until " + e.Expires.Format("2006-01-02")
	}
	return s
}
