# METADATA
# title: VM uses the default Compute Engine service account
# description: >-
#   The default compute service account is shared by every VM in the
#   project and usually holds Editor; a compromised VM gets its
#   permissions.
# scope: package
# custom:
#   id: TG-GCP-0022
#   peer_ids:
#     trivy: [AVD-GCP-0044]
#     checkov: [CKV_GCP_30]
#     kics: [3cb4af0b-056d-4fb1-8b95-fdc4593625ff]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Attach a dedicated service account with only the roles the workload needs.'
#   references: [https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances]
#   cwe: [CWE-250]
package tollgate.iac.gcp.instance_default_service_account

import data.lib.cloud
import data.lib.iac

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

deny contains res if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in cloud.tf(type)
	some sa in cloud.blocks(r.values, "service_account")
	email := cloud.get(sa, "email")
	_default(email)
	not _full(sa)
	res := cloud.res(sprintf("%s uses the default compute service account", [r.address]), r, sa, "email")
}

_default(email) if cloud.unset(email)

_default(email) if cloud.default_compute_sa(email)

# full-scope use is reported by TG-GCP-0021
_full(sa) if {
	some s in cloud.as_list(cloud.get(sa, "scopes"))
	s in full_scopes
}
