package scanner

import "time"

// Scanner kinds used in [Finding.Scanner].
const (
	KindDeps    = "deps"
	KindSecrets = "secrets"
	KindIaC     = "iac"
)

// Finding is one problem a scanner found. Every field that leaves a scanner
// is safe to print: secrets scanners put only a redacted snippet and a keyed
// hash here, never the secret itself.
//
// The findings Run returns share what repeats between them (strings,
// lists, packages, property maps; see compactFindings): treat Package,
// the lists and Properties as read-only, and replace them instead of
// changing them in place.
type Finding struct {
	// Scanner is the kind of scanner that produced it: deps, secrets, iac.
	Scanner string `json:"scanner"`
	// RuleID identifies the rule, check or advisory (for deps, the
	// advisory's primary id, e.g. GHSA-… or GO-…).
	RuleID      string   `json:"rule_id"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Severity    Severity `json:"severity"`
	// Score is a numeric score where one is known, e.g. a CVSS base score.
	Score float64 `json:"score,omitempty"`
	// Location is where the finding is, relative to the scan root.
	Location Location `json:"location"`
	// Snippet is a short, redacted excerpt of the offending source.
	Snippet string `json:"snippet,omitempty"`
	// Package is set for dependency findings.
	Package     *Package `json:"package,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`
	References  []string `json:"references,omitempty"`
	Remediation string   `json:"remediation,omitempty"`
	CWEs        []string `json:"cwes,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	// Evidence is the normalized evidence the fingerprint is made from:
	// "name@version" for deps, a keyed hash of the secret for secrets, the
	// resource address for IaC. It must never hold a secret.
	Evidence string `json:"evidence,omitempty"`
	// Fingerprint is stable across line moves, machines and checkout
	// paths; Run fills it from RuleID, Location.Path and Evidence.
	Fingerprint string `json:"fingerprint"`
	// Properties carries scanner-specific extras (commit, author, resource
	// address, called, …). Values must be JSON-encodable.
	Properties map[string]any `json:"properties,omitempty"`
	// Gate holds what the policy gate learned about this finding
	// (baseline, exception). Scanners leave it nil.
	Gate *GateStatus `json:"gate,omitempty"`
}

// Location is a region of a file. Path is relative to the scan root and
// uses "/" separators. Lines and columns are 1-based; zero means unknown.
type Location struct {
	Path        string `json:"path"`
	StartLine   int    `json:"start_line,omitempty"`
	StartColumn int    `json:"start_column,omitempty"`
	EndLine     int    `json:"end_line,omitempty"`
	EndColumn   int    `json:"end_column,omitempty"`
}

// Package identifies a dependency.
type Package struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	PURL      string `json:"purl,omitempty"`
	// FixedVersions lists every version that fixes the advisory; Fix is the
	// smallest one above Version, empty when there is none.
	FixedVersions []string `json:"fixed_versions,omitempty"`
	Fix           string   `json:"fix,omitempty"`
	// Dev is true when only development dependencies pull the package in.
	Dev bool `json:"dev,omitempty"`
	// Direct is nil when the extractor cannot tell.
	Direct *bool `json:"direct,omitempty"`
	// UpgradeTo is the smallest version that fixes every advisory known
	// for this package version at once (not only this finding's), empty
	// when no single known version does; UpgradeMajor is true when it
	// changes the major version. See Remediations.
	UpgradeTo    string `json:"upgrade_to,omitempty"`
	UpgradeMajor bool   `json:"upgrade_major,omitempty"`
}

// GateStatus is the gate's view of a finding.
type GateStatus struct {
	// New is false when the finding's fingerprint is in the baseline.
	New bool `json:"new"`
	// Exception is the exception that matched the finding, if any.
	Exception *Exception `json:"exception,omitempty"`
}

// Exception is an accepted risk from the exceptions file.
type Exception struct {
	ID      string     `json:"id"`
	Reason  string     `json:"reason"`
	Owner   string     `json:"owner,omitempty"`
	Ticket  string     `json:"ticket,omitempty"`
	Expires *time.Time `json:"expires,omitempty"`
	// Expired is true when Expires is before the scan's time; an expired
	// exception no longer suppresses.
	Expired bool `json:"expired"`
	// Source is "file:line" of the entry.
	Source string `json:"source,omitempty"`
}

// Suppressed reports whether a live (unexpired) exception covers f.
func (f *Finding) Suppressed() bool {
	return f.Gate != nil && f.Gate.Exception != nil && !f.Gate.Exception.Expired
}
