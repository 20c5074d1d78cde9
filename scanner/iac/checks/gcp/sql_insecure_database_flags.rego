# METADATA
# title: Cloud SQL instance sets an insecure database flag
# description: >-
#   A database flag turns on a risky engine feature: MySQL local_infile
#   (clients can read server files), or SQL Server cross db ownership
#   chaining, contained database authentication or external scripts.
# scope: package
# custom:
#   id: TG-GCP-0007
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the flag or set it to off.'
#   references: [https://cloud.google.com/sql/docs/mysql/flags, https://cloud.google.com/sql/docs/sqlserver/flags]
#   cwe: [CWE-16]
package tollgate.iac.gcp.sql_insecure_database_flags

import data.lib.cloud
import data.lib.iac

risky := {"local_infile", "cross db ownership chaining", "contained database authentication", "external scripts enabled"}

deny contains res if {
	some r in cloud.tf("google_sql_database_instance")
	some f in cloud.blocks(cloud.first(r.values, "settings"), "database_flags")
	name := cloud.get(f, "name")
	name in risky
	v := cloud.get(f, "value")
	is_string(v)
	lower(v) == "on"
	res := cloud.res(sprintf("Cloud SQL instance %s turns on the %s flag", [r.address, name]), r, f, "value")
}
