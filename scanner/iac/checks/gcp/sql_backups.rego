# METADATA
# title: Cloud SQL instance has automated backups disabled
# description: >-
#   Without automated backups (backup_configuration.enabled defaults to
#   false) data lost to deletion, corruption or ransomware cannot be
#   restored to a point in time.
# scope: package
# custom:
#   id: TG-GCP-0006
#   peer_ids:
#     trivy: [AVD-GCP-0024]
#     checkov: [CKV_GCP_14]
#     kics: [cf3c7631-cd1e-42f3-8801-a561214a6e79]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Add settings.backup_configuration { enabled = true } (and binary_log_enabled / point_in_time_recovery_enabled as the engine needs).'
#   references: [https://cloud.google.com/sql/docs/mysql/backup-recovery/backups]
#   cwe: [CWE-693]
package tollgate.iac.gcp.sql_backups

import data.lib.cloud
import data.lib.iac

path := ["settings", "backup_configuration", "enabled"]

deny contains res if {
	some r in cloud.tf("google_sql_database_instance")
	cloud.unset(cloud.get(r.values, "master_instance_name"))
	cloud.first(r.values, "settings") != {}
	not cloud.path_unknown(r.values, path)
	v := cloud.dig(r.values, path)
	not cloud.on(v)
	res := cloud.res_path(sprintf("Cloud SQL instance %s has automated backups disabled", [r.address]), r, path)
}
