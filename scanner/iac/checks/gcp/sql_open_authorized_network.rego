# METADATA
# title: Cloud SQL instance accepts connections from any IP address
# description: >-
#   An authorized network of 0.0.0.0/0 lets every host on the internet
#   connect to the database's public IP and try credentials.
# scope: package
# custom:
#   id: TG-GCP-0004
#   peer_ids:
#     trivy: [AVD-GCP-0017]
#     checkov: [CKV_GCP_11]
#     kics: [b187edca-b81e-4fdc-aff4-aab57db45edb]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the 0.0.0.0/0 authorized network; list only the client ranges that need access, or use private IP.'
#   references: [https://cloud.google.com/sql/docs/mysql/authorize-networks]
#   cwe: [CWE-284]
package tollgate.iac.gcp.sql_open_authorized_network

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_sql_database_instance")
	ipc := cloud.first(cloud.first(r.values, "settings"), "ip_configuration")
	some n in cloud.blocks(ipc, "authorized_networks")
	cloud.public_source(cloud.get(n, "value"))
	res := cloud.res(sprintf("Cloud SQL instance %s authorizes %s", [r.address, n.value]), r, n, "value")
}
