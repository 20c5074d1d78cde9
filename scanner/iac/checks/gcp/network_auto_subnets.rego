# METADATA
# title: VPC network is in auto mode
# description: >-
#   An auto-mode network (auto_create_subnetworks defaults to true)
#   creates a subnet in every region with predictable ranges, like the
#   default network, which widens the attack surface.
# scope: package
# custom:
#   id: TG-GCP-0037
#   severity: LOW
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set auto_create_subnetworks = false and create only the subnetworks you need.'
#   references: [https://cloud.google.com/vpc/docs/vpc#auto-mode-considerations]
#   cwe: [CWE-1188]
package tollgate.iac.gcp.network_auto_subnets

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_compute_network")
	v := cloud.get(r.values, "auto_create_subnetworks")
	not cloud.unknown(v)
	not cloud.off(v)
	res := cloud.res(sprintf("VPC network %s creates subnetworks automatically", [r.address]), r, r.values, "auto_create_subnetworks")
}
