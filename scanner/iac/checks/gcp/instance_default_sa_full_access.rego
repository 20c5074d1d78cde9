# METADATA
# title: VM uses the default service account with full cloud-platform scope
# description: >-
#   The default compute service account usually has project Editor; with
#   the cloud-platform scope any process on the VM (or an SSRF to its
#   metadata server) can use all of it.
# scope: package
# custom:
#   id: TG-GCP-0021
#   peer_ids:
#     trivy: [AVD-GCP-0044]
#     checkov: [CKV_GCP_31]
#     kics: [bc280331-27b9-4acb-a010-018e8098aa5d]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Attach a dedicated least-privilege service account (service_account.email) and grant it only the roles it needs.'
#   references: [https://cloud.google.com/compute/docs/access/service-accounts#default_service_account]
#   cwe: [CWE-250]
package tollgate.iac.gcp.instance_default_sa_full_access

import data.lib.cloud
import data.lib.iac

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

deny contains res if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in cloud.tf(type)
	some sa in cloud.blocks(r.values, "service_account")
	email := cloud.get(sa, "email")
	_default(email)
	some s in cloud.as_list(cloud.get(sa, "scopes"))
	s in full_scopes
	res := cloud.res(sprintf("%s uses the default compute service account with the cloud-platform scope", [r.address]), r, sa, "scopes")
}

_default(email) if cloud.unset(email)

_default(email) if cloud.default_compute_sa(email)
