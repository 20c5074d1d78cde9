// Package html renders a scan as one self-contained HTML page: the verdict
// and the deny reasons behind it, charts drawn as inline SVG, and a findings
// table that filters, sorts and pages with JavaScript and stays a plain,
// complete table without it. docs/html-report.md describes the page.
//
// The page is laid out as osv-scanner lays out its own HTML output: one
// .gohtml template per section, a CSS file and a script file, all embedded
// with embed.FS and parsed once by [New]. Sections render in the order of
// a data-driven list; each has a predicate saying whether the report model
// holds anything for it (the per-source table of a merged report, for
// instance, renders only when [Input.Sources] is set).
//
// Everything a finding carries comes from files an attacker can write, so
// the page is built only through html/template contexts: no markup is made
// by string concatenation, data for the script is escaped JSON, links are
// emitted only for http and https URLs, and bidirectional control
// characters (U+202E and kin) are shown as visible markers. A
// Content-Security-Policy meta tag forbids loading anything and allows
// only the embedded style sheet and script, by their sha256 hashes.
package html
