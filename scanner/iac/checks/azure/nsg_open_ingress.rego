# METADATA
# title: Network security group allows inbound traffic from the internet on non-web ports
# description: >-
#   An inbound Allow rule from anyone reaches every port (*) or ports
#   other than HTTP/HTTPS and the admin/database ports reported by TG-
#   AZURE-0006/0007.
# scope: package
# custom:
#   id: TG-AZURE-0008
#   peer_ids:
#     trivy: [AVD-AZU-0047]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Restrict the source to trusted ranges or limit the rule to the ports the service must expose publicly.'
#   references: [https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview]
#   cwe: [CWE-284]
package tollgate.iac.azure.nsg_open_ingress

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some x in cloud.nsg_open_inbound
	cloud.nsg_carries_ports(x.proto)
	some spec in x.ports
	_reportable(spec)
	res := cloud.res(sprintf("%s allows port(s) %v from %s", [x.r.address, spec, x.src]), x.r, x.obj, x.port_key)
}

_reportable(spec) if cloud.port_spec_all(spec)

_reportable(spec) if {
	not cloud.port_spec_all(spec)
	not _named(spec)
	not cloud.port_spec_only_web(spec)
	not cloud.unknown(spec)
}

_named(spec) if cloud.num(spec) in cloud.admin_ports

_named(spec) if cloud.num(spec) in cloud.database_ports
