# METADATA
# title: Network security group exposes a database port to the internet
# description: >-
#   An inbound Allow rule from anyone reaches a database or cache port
#   (SQL Server, MySQL, PostgreSQL, Oracle, MongoDB, Redis,
#   Elasticsearch, Cassandra, Memcached, CouchDB).
# scope: package
# custom:
#   id: TG-AZURE-0007
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Allow database ports only from application subnets or private endpoints.'
#   references: [https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview]
#   cwe: [CWE-284]
package tollgate.iac.azure.nsg_open_database_ports

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some x in cloud.nsg_open_inbound
	cloud.nsg_carries_ports(x.proto)
	some spec in x.ports
	not cloud.port_spec_all(spec)
	some p in cloud.database_ports
	cloud.port_spec_covers(spec, p)
	res := cloud.res(sprintf("%s allows database port %d from %s", [x.r.address, p, x.src]), x.r, x.obj, x.port_key)
}
