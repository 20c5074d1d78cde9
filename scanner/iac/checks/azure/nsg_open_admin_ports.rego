# METADATA
# title: Network security group allows SSH, RDP or other remote administration from the internet
# description: >-
#   An inbound Allow rule with source *, 0.0.0.0/0, Internet or Any
#   reaches a remote administration port — SSH 22, RDP 3389, WinRM
#   5985/5986 or Telnet 23 — (directly, through a range or with *),
#   exposing remote administration to brute force.
# scope: package
# custom:
#   id: TG-AZURE-0006
#   peer_ids:
#     trivy: [AVD-AZU-0048, AVD-AZU-0050]
#     checkov: [CKV_AZURE_9, CKV_AZURE_10]
#     kics: [efbf6449-5ec5-4cfe-8f15-acc51e0d787c, 3e3c175e-aadf-4e2b-a464-3fdac5748d24]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Restrict source_address_prefix to trusted ranges, or use Azure Bastion / just-in-time VM access.'
#   references: [https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview, https://learn.microsoft.com/en-us/azure/bastion/bastion-overview]
#   cwe: [CWE-284]
package tollgate.iac.azure.nsg_open_admin_ports

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some x in cloud.nsg_open_inbound
	cloud.nsg_tcp(x.proto)
	some p in cloud.admin_ports
	some spec in x.ports
	cloud.port_spec_covers(spec, p)
	res := cloud.res(sprintf("%s allows port %d from %s", [x.r.address, p, x.src]), x.r, x.obj, x.port_key)
}
