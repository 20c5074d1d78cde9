# METADATA
# title: VM accepts project-wide SSH keys
# description: >-
#   Without block-project-ssh-keys, any SSH key added to project
#   metadata grants access to this VM, so one leaked key opens every
#   instance in the project.
# scope: package
# custom:
#   id: TG-GCP-0039
#   peer_ids:
#     trivy: [AVD-GCP-0030]
#     checkov: [CKV_GCP_32]
#     kics: [3e4d5ce6-3280-4027-8010-c26eeea1ec01]
#   severity: LOW
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set metadata block-project-ssh-keys = "true" on the instance (or template), or enable OS Login.'
#   references: [https://cloud.google.com/compute/docs/connect/restrict-ssh-keys]
#   cwe: [CWE-269]
package tollgate.iac.gcp.instance_project_ssh_keys

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in cloud.tf(type)
	md := cloud.get(r.values, "metadata")
	not cloud.unknown(md)
	not _oslogin(md)
	v := cloud.get(md, "block-project-ssh-keys")
	not cloud.unknown(v)
	not cloud.on(v)
	res := cloud.res(sprintf("%s accepts project-wide SSH keys", [r.address]), r, _obj(r, md), "block-project-ssh-keys")
}

_oslogin(md) if cloud.on(cloud.get(md, "enable-oslogin"))

_obj(r, md) := md if is_object(md)

else := r.values
