# METADATA
# title: GKE cluster allows basic auth or client certificates
# description: >-
#   Static passwords (master_auth.username) and issued client
#   certificates are long-lived credentials that cannot be revoked
#   individually.
# scope: package
# custom:
#   id: TG-GCP-0017
#   peer_ids:
#     trivy: [AVD-GCP-0064]
#     checkov: [CKV_GCP_19]
#     kics: [73fb21a1-b19a-45b1-b648-b47b1678681e]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove master_auth.username/password and set client_certificate_config.issue_client_certificate = false; use Google identities.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication]
#   cwe: [CWE-287]
package tollgate.iac.gcp.gke_client_authentication

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	ma := cloud.first(r.values, "master_auth")
	cc := cloud.first(ma, "client_certificate_config")
	cloud.on(cloud.get(cc, "issue_client_certificate"))
	res := cloud.res(sprintf("GKE cluster %s issues client certificates", [r.address]), r, cc, "issue_client_certificate")
}

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	ma := cloud.first(r.values, "master_auth")
	u := cloud.get(ma, "username")
	is_string(u)
	u != ""
	res := cloud.res(sprintf("GKE cluster %s enables basic authentication", [r.address]), r, ma, "username")
}
