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
