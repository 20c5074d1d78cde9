# METADATA
# title: Project is created with the default network
# description: >-
#   Unless auto_create_network is false, a new project gets the "default"
#   network with pre-populated firewall rules that allow SSH, RDP and ICMP
#   from anywhere.
# scope: package
# custom:
#   id: TG-GCP-0045
#   peer_ids:
#     trivy: [AVD-GCP-0010]
#     kics: [59571246-3f62-4965-a96f-c7d97e269351]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set auto_create_network = false on google_project and create your own network.'
#   references: [https://cloud.google.com/vpc/docs/vpc#default-network]
#   cwe: [CWE-1188]
package tollgate.iac.gcp.project_default_network

import data.lib.cloud

deny contains res if {
	some r in cloud.tf("google_project")
	v := cloud.get(r.values, "auto_create_network")
	not cloud.unknown(v)
	not cloud.off(v)
	res := cloud.res(sprintf("Project %s is created with the default network", [r.address]), r, r.values, "auto_create_network")
}
