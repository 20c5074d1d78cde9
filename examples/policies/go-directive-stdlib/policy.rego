package tollgate.gate

# Go standard library findings matched against go.mod's `go` directive
# (stdlib_version_source "go-directive") only warn by default: the
# directive is the minimum language version, not the toolchain that
# builds the code. A team that does build with exactly that release (or
# wants to force a toolchain line or --go-version) can gate on them:
# this policy denies those at or above the fail-on threshold, one reason
# per go.mod.
deny contains {"msg": msg, "rule": "stdlib-go-directive", "fingerprints": fps} if {
	some p in {f.location.path | some f in go_directive_gated}
	group := [f | some f in go_directive_gated; f.location.path == p]
	fps := [f.fingerprint | some f in group]
	msg := sprintf("%s: %d Go standard library advisories at or above %s for go %s (from the go directive; add a toolchain line or pass --go-version to check the real release)", [p, count(group), upper(input.config.fail_on), group[0].package.version])
}

go_directive_gated := [f |
	some f in input.findings
	f.properties.stdlib_version_source == "go-directive"
	f.severity_rank >= threshold
	f.new == true
	f.suppressed == false
]
