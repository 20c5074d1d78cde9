# METADATA
# title: Public Cloud DNS zone does not use DNSSEC
# description: >-
#   Without DNSSEC resolvers cannot verify the zone's answers, so DNS
#   spoofing and cache poisoning can redirect users.
# scope: package
# custom:
#   id: TG-GCP-0033
#   peer_ids:
#     trivy: [AVD-GCP-0013]
#     checkov: [CKV_GCP_16]
#     kics: [5ef61c88-bbb4-4725-b1df-55d23c9676bb]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Add dnssec_config { state = "on" } to the public google_dns_managed_zone.'
#   references: [https://cloud.google.com/dns/docs/dnssec-config]
#   cwe: [CWE-345]
package tollgate.iac.gcp.dns_dnssec_disabled

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_dns_managed_zone")
	vis := cloud.get(r.values, "visibility")
	_public(vis)
	not cloud.path_unknown(r.values, ["dnssec_config", "state"])
	state := cloud.dig(r.values, ["dnssec_config", "state"])
	not state in {"on", "transfer"}
	res := cloud.res_path(sprintf("DNS zone %s does not enable DNSSEC", [r.address]), r, ["dnssec_config", "state"])
}

_public(v) if v == null

_public(v) if v == "public"
