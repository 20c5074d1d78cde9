# METADATA
# title: Cloud SQL instance accepts unencrypted connections
# description: >-
#   Neither require_ssl nor an encrypted-only ssl_mode is set, so
#   clients may connect without TLS and send credentials and data in
#   clear text.
# scope: package
# custom:
#   id: TG-GCP-0005
#   peer_ids:
#     trivy: [AVD-GCP-0015]
#     checkov: [CKV_GCP_6]
#     kics: [02474449-71aa-40a1-87ae-e14497747b00]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set settings.ip_configuration.ssl_mode = "ENCRYPTED_ONLY" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED); on older providers require_ssl = true.'
#   references: [https://cloud.google.com/sql/docs/mysql/configure-ssl-instance]
#   cwe: [CWE-319]
package tollgate.iac.gcp.sql_require_ssl

import data.lib.cloud
import data.lib.iac

secure_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

deny contains res if {
	some r in cloud.tf("google_sql_database_instance")
	settings := cloud.first(r.values, "settings")
	settings != {}
	not cloud.unknown(cloud.get(settings, "ip_configuration"))
	ipc := cloud.first(settings, "ip_configuration")
	rs := cloud.get(ipc, "require_ssl")
	not cloud.unknown(rs)
	not cloud.on(rs)
	mode := cloud.get(ipc, "ssl_mode")
	not cloud.unknown(mode)
	not mode in secure_modes
	res := cloud.res_path(sprintf("Cloud SQL instance %s does not require SSL/TLS connections", [r.address]), r, ["settings", "ip_configuration", _key(ipc)])
}

_key(ipc) := "ssl_mode" if cloud.get(ipc, "ssl_mode") != null

else := "require_ssl"
