# The default tollgate gate. Users add rules to this package with
# --policy, or replace it entirely with --no-default-policy.
#
# Input: see the README ("Policy input") and policy/input.schema.json.
package tollgate.gate

severity_rank := {"UNKNOWN": 0, "INFO": 1, "LOW": 2, "MEDIUM": 3, "HIGH": 4, "CRITICAL": 5}

# threshold is the lowest rank that fails the build; undefined for "none".
threshold := severity_rank[upper(input.config.fail_on)]

# unknown_rank is the rank UNKNOWN findings are gated at:
# config.unknown_severity, HIGH by default. A vulnerability nobody rated
# is not presumed harmless.
unknown_rank := severity_rank[upper(input.config.unknown_severity)]

# ignore is a hook for your policies: add
#   ignore contains f.fingerprint if { some f in input.findings; ... }
# to take findings out of the severity threshold (for example dev-only
# dependencies). Ignored findings still appear in every report.
ignore contains fp if {
	false
	fp := ""
}

location(f) := sprintf("%s:%d", [f.location.path, f.location.start_line]) if f.location.start_line > 0

location(f) := f.location.path if not f.location.start_line

# Go standard library findings whose version is only go.mod's `go`
# directive (the minimum language version, not the toolchain that builds
# the code) are guesses: they warn, once per go.mod, instead of failing
# the gate. Pass --go-version, add a toolchain line, or gate on them with
# examples/policies/go-directive-stdlib.
go_directive_findings := [f |
	some f in input.findings
	f.properties.stdlib_version_source == "go-directive"
	f.new == true
	f.suppressed == false
]

warn contains {"msg": msg, "rule": "stdlib-go-directive", "fingerprints": fps} if {
	some p in {f.location.path | some f in go_directive_findings}
	group := [f | some f in go_directive_findings; f.location.path == p]
	fps := [f.fingerprint | some f in group]
	msg := sprintf("%s: %d Go standard library advisories match only the go directive (go %s), the minimum language version, not the toolchain: not gated; set --go-version or a toolchain line to check the real release", [p, count(group), group[0].package.version])
}

# gated_findings are the findings that count against the threshold: new
# (not in the baseline), not covered by a live exception, not put in
# `ignore` by a policy, and ranked at or above the threshold (UNKNOWN
# ranked as config.unknown_severity). The conditions are written out in
# comprehensions, not in a helper called once per finding: the gate must
# decide 100,000 findings in well under 2 s.
candidates := array.concat(
	[f |
		some f in input.findings
		f.severity_rank >= threshold
		f.severity_rank > 0
		f.new == true
		f.suppressed == false
		object.get(f, ["properties", "stdlib_version_source"], "") != "go-directive"
	],
	[f |
		unknown_rank >= threshold
		some f in input.findings
		f.severity_rank == 0
		f.new == true
		f.suppressed == false
		object.get(f, ["properties", "stdlib_version_source"], "") != "go-directive"
	],
)

gated_findings := candidates if count(ignore) == 0

gated_findings := [f | some f in candidates; not ignore[f.fingerprint]] if count(ignore) > 0

# One deny per rule (check, advisory, secret rule) with every finding
# behind it; reports list the findings under the reason. The group is a
# comprehension that OPA indexes by rule_id, so this stays linear.
deny contains {"msg": msg, "rule": "severity-threshold", "fingerprints": fps} if {
	some rule_id in {f.rule_id | some f in gated_findings}
	group := [f | some f in gated_findings; f.rule_id == rule_id]
	fps := [f.fingerprint | some f in group]
	msg := threshold_msg(group)
}

threshold_msg(group) := sprintf("%s %s at %s: %s", [f.severity, f.rule_id, location(f), f.title]) if {
	count(group) == 1
	f := group[0]
}

threshold_msg(group) := sprintf("%s %s: %s (%d findings)", [f.severity, f.rule_id, f.title, count(group)]) if {
	count(group) > 1
	f := group[0]
}

# An expired exception stops suppressing and, unless the config allows
# it, fails the gate so that somebody renews or removes it.
deny contains {"msg": msg, "rule": "expired-exception", "fingerprints": fps} if {
	not input.config.allow_expired_exceptions
	some e in input.exceptions
	e.expired
	fps := [f.fingerprint | some f in input.findings; f.exception.id == e.id]
	msg := sprintf("exception %s expired on %s (owner %s, %s)", [e.id, substring(e.expires, 0, 10), owner(e), e.source])
}

owner(e) := e.owner if e.owner != ""

owner(e) := "none" if not e.owner

# A scanner that failed leaves the scan incomplete: fail closed.
deny contains {"msg": msg, "rule": "scanner-error"} if {
	not input.config.allow_scanner_errors
	some e in input.scan.errors
	msg := sprintf("scanner %s failed: %s", [e.scanner, e.message])
}

# Exceptions that matched nothing are stale: warn so they get cleaned up
# (but not when the scanner they are scoped to did not run).
warn contains {"msg": msg, "rule": "stale-exception"} if {
	some e in input.exceptions
	not e.expired
	e.matched == 0
	scope_ran(e)
	msg := sprintf("exception %s matched no finding (stale, %s)", [e.id, e.source])
}

# An ecosystem the scan needed but the offline advisory database lacks:
# its packages were not checked. Warn once per ecosystem; deny with
# examples/policies/require-osv-ecosystems.
warn contains {"msg": msg, "rule": "osv-db-missing-ecosystem"} if {
	some m in input.scan.db.missing
	msg := sprintf("offline advisory database has no %s data: %d %s package(s) not checked (run `tollgate db update --ecosystems %s`)", [m.ecosystem, m.packages, m.ecosystem, m.ecosystem])
}

warn contains {"msg": msg, "rule": "scanner-error-allowed"} if {
	input.config.allow_scanner_errors
	some e in input.scan.errors
	msg := sprintf("scanner %s failed (allowed by config): %s", [e.scanner, e.message])
}

scope_ran(e) if not e.scanner

scope_ran(e) if e.scanner in input.scan.scanners

# decided_findings names (by fingerprint) every finding a rule above
# reads. It is for the gate itself: when this policy decides alone and a
# scan has more findings than it converts at once, the gate evaluates
# this rule chunk by chunk, then the policy once on the findings named
# here (policy/chunked.go), so that the whole scan is never in memory as
# policy input. A rule that reads input.findings must filter them one by
# one, and its filter must be covered here: the expired-exception rule's
# findings are among those with an exception. Arrays, not sets: the gate
# only looks the names up.
decided_findings := array.concat(
	array.concat(
		[f.fingerprint | some f in go_directive_findings],
		[f.fingerprint | some f in candidates],
	),
	[f.fingerprint | some f in input.findings; f.exception],
)
