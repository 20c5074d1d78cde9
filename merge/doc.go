// Package merge turns many tollgate JSON reports into one gate decision.
//
// An organisation scans each repository (or each folder of a monorepo,
// with --path-prefix) in its own job, keeps the JSON reports, and merges
// them in a final step: [Read] parses each report (bounded by a size cap,
// every problem named with the file), [Merge] labels each with its
// source, checks that all were written by the same tollgate major version
// with the same policy digest and input schema as the merging gate (or
// records the differences when mixing is allowed), builds the union of
// their findings and re-runs the gate over it with the merging tollgate's
// policy, threshold, exceptions and baseline. The [Outcome] holds the
// union as a [scanner.Result], the decision, and one [report.Source]
// summary per report: its verdict under the same gate, its counts by
// severity and what is new since the baseline.
//
// # Paths and fingerprints
//
// Findings keep their fingerprints, so baselines and exceptions written
// against the single scans keep matching. A report scanned with a path
// prefix already has repository-relative paths (the subfolders of one
// monorepo), which are kept as they are; a report without one (a whole
// repository) gets its label put in front of every path, so that
// main.tf of two repositories stays two paths. Identical findings in two
// repositories share a fingerprint (it hashes rule, path and evidence):
// an exception by fingerprint covers both, and one with a path glob on
// the label-prefixed path covers one.
//
// Merge imports no scanner: it reads reports, the policy and the model.
package merge
