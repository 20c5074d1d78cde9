package tollgate.gate

# An offline scan is only as good as its advisory database: fail when any
# ecosystem's database is older than 24 hours (tollgate db update refreshes
# it). input.scan.db is present when the dependency scanner ran offline.
max_db_age_seconds := 24 * 60 * 60

deny contains {"msg": msg, "rule": "stale-osv-db"} if {
	some eco, e in input.scan.db.ecosystems
	e.age_seconds > max_db_age_seconds
	msg := sprintf("OSV database for %s is %d hours old (fetched %s); run tollgate db update", [eco, e.age_seconds / 3600, e.fetched_at])
}
