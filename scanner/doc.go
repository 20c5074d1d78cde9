// Package scanner is tollgate's model and scan runner.
//
// It owns the types every other package speaks — [Finding], [Severity],
// [Location], [Package], the stable fingerprint, the gate's [Decision] — the
// [Scanner] plugin interface, a [Registry] of named constructors, the single
// shared walk of a source tree and [Run], which drives enabled scanners
// concurrently over that walk.
//
// # Arrows
//
// Concrete scanners (scanner/deps, scanner/secrets, scanner/iac) import this
// package; this package imports none of them. The policy gate and the report
// writers import this package and no concrete scanner. The default set of
// scanners is assembled by the caller (cmd/tollgate) as plain data.
//
// # Walk
//
// Run walks the tree once. Every scanner is asked, for each regular file, a
// cheap [Scanner.Match] (no I/O); files no scanner wants are never opened.
// The walk skips .git, applies the default excludes (see [DefaultExcludes])
// and the user's doublestar globs, never follows a symbolic link (links to
// files are reported as skipped; a link that points outside the root is
// counted separately), skips files larger than the size cap, sniffs the first
// bytes of every wanted file to skip binaries, and counts every skipped file
// by reason in [WalkStats].
//
// A file that looks binary but that a [Structured] scanner claims by name
// (a lockfile, an IaC or pipeline file) still goes to that scanner, so a
// NUL byte cannot hide it.
//
// # Parse findings and budgets
//
// A file a scanner cannot parse, or that exceeds one of its per-file
// budgets, is not a scanner failure: the scanner returns a [ParseError]
// (with a [BudgetError] inside for a budget), and Run turns it into a
// finding of its own, rule TG-PARSE-<KIND>, severity MEDIUM, that the
// policy decides on like any other. Run also bounds the findings of one
// scanner in one file ([WithMaxFindingsPerFile]).
//
// # Memory
//
// Run runs at most the number of CPUs of scanners at once, and the
// memory-heavy ones ([DefaultHeavy]: iac, then deps; see [WithHeavy]) one
// after the other, each parallel inside; a light one runs beside them. As
// each scanner finishes, its findings are compacted: values that repeat
// between them (strings, lists, packages, property maps) are shared, so
// treat a finding's Package, lists and Properties as read-only.
//
// # Fail closed
//
// A scanner that returns any other error is recorded in [Result.Errors];
// callers must treat a non-empty list as a failed scan unless the user
// opted out.
package scanner
