package tollgate.gate

# An offline scan checks only the ecosystems its advisory database holds.
# By default a lockfile of an ecosystem the database lacks is a warning
# (rule osv-db-missing-ecosystem); this policy makes it a failure, so a
# database fetched for npm alone cannot pass a repository that also ships
# Python. input.scan.db.missing lists each such ecosystem once.
deny contains {"msg": msg, "rule": "osv-db-missing-ecosystem"} if {
	some m in input.scan.db.missing
	msg := sprintf("no offline advisory data for %s: %d package(s) unchecked; run tollgate db update --ecosystems %s", [m.ecosystem, m.packages, m.ecosystem])
}
