// Package report writes a scan [Report] in the formats CI systems and
// people read: SARIF 2.1.0 (GitHub code scanning, GitLab, Azure DevOps),
// JSON (versioned, documented in docs/json-report.md), a table for
// terminals, Markdown for pull-request comments and step summaries, and
// JUnit XML for CI test tabs, a CycloneDX 1.6 SBOM with vulnerabilities,
// a self-contained HTML page (package [github.com/tollgate-dev/tollgate/report/html]),
// and any shape a user's text/template gives ([TemplateData],
// docs/templates.md).
//
// A report merged from many scans (package
// [github.com/tollgate-dev/tollgate/merge]) carries one [Source] per scan;
// the JSON, table, Markdown and HTML writers add a per-source summary.
//
// Every writer takes the same [Report], never closes the io.Writer it is
// given, and renders only redacted data: findings reach this package
// already redacted by their scanners. [New] rejects unknown formats rather
// than falling back to one.
package report
