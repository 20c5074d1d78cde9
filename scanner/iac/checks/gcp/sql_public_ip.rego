# METADATA
# title: Cloud SQL instance has a public IP address
# description: >-
#   The instance gets a public IPv4 address (ipv4_enabled defaults to
#   true), so it is reachable from the internet whenever an authorized
#   network or the Cloud SQL proxy allows it.
# scope: package
# custom:
#   id: TG-GCP-0003
#   peer_ids:
#     checkov: [CKV_GCP_60]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set settings.ip_configuration.ipv4_enabled = false and connect through a private_network (private IP) or the Cloud SQL Auth Proxy.'
#   references: [https://cloud.google.com/sql/docs/mysql/configure-private-ip]
#   cwe: [CWE-668]
package tollgate.iac.gcp.sql_public_ip

import data.lib.cloud
import data.lib.iac

path := ["settings", "ip_configuration", "ipv4_enabled"]

deny contains res if {
	some r in cloud.tf("google_sql_database_instance")
	cloud.first(r.values, "settings") != {}
	not cloud.path_unknown(r.values, path)
	_public(cloud.dig(r.values, path))
	res := cloud.res_path(sprintf("Cloud SQL instance %s has a public IP address", [r.address]), r, path)
}

_public(v) if cloud.on(v)

_public(v) if cloud.unset(v)
