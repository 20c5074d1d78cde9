# METADATA
# title: Cloud SQL instance sets an insecure database flag
# description: >-
#   A database flag turns on a risky engine feature: MySQL local_infile
#   (clients can read server files), or SQL Server cross db ownership
#   chaining, contained database authentication or external scripts.
# scope: package
# custom:
#   id: TG-GCP-0007
#   peer_ids:
#     trivy: [AVD-GCP-0019, AVD-GCP-0023, AVD-GCP-0026]
#     kics: [c3655703-569b-42ec-8027-ef8835d989c0, 5a8c5d26-c592-4c98-afac-9762c54cc868, 51a2c34d-dfd0-436f-aa34-e8f796e052fd, 1c329b9b-8221-4b55-8d5f-f0959faf9cee, d4436ca8-1caf-427c-8911-8b4d31ff6b40]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the flag or set it to off.'
#   references: [https://cloud.google.com/sql/docs/mysql/flags, https://cloud.google.com/sql/docs/sqlserver/flags]
#   cwe: [CWE-16]
package tollgate.iac.gcp.sql_insecure_database_flags

import data.lib.cloud
import data.lib.iac

# risky maps each flag to the engine it belongs to, as the prefix of
# database_version (MYSQL_8_0, POSTGRES_15, SQLSERVER_2019_STANDARD): Cloud
# SQL only accepts a flag on its own engine, so the same name elsewhere is
# not this risk.
risky := {
	"local_infile": "MYSQL_",
	"cross db ownership chaining": "SQLSERVER_",
	"contained database authentication": "SQLSERVER_",
	"external scripts enabled": "SQLSERVER_",
}

deny contains res if {
	some r in cloud.tf("google_sql_database_instance")
	some f in cloud.blocks(cloud.first(r.values, "settings"), "database_flags")
	name := cloud.get(f, "name")
	_engine_may_be(r.values, risky[name])
	v := cloud.get(f, "value")
	is_string(v)
	lower(v) == "on"
	res := cloud.res(sprintf("Cloud SQL instance %s turns on the %s flag", [r.address, name]), r, f, "value")
}

# _engine_may_be: database_version names the engine, or is not a known
# string (a variable), so the flag may apply.
_engine_may_be(values, prefix) if startswith(upper(cloud.get(values, "database_version")), prefix)

_engine_may_be(values, _) if not is_string(cloud.get(values, "database_version"))
