# METADATA
# title: DNSSEC uses the weak RSASHA1 algorithm
# description: >-
#   RSASHA1 signatures rely on SHA-1, which is no longer collision
#   resistant.
# scope: package
# custom:
#   id: TG-GCP-0034
#   peer_ids:
#     trivy: [AVD-GCP-0012]
#     checkov: [CKV_GCP_17]
#     kics: [ccc3100c-0fdd-4a5e-9908-c10107291860]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Use rsasha256, rsasha512, ecdsap256sha256 or ecdsap384sha384 in dnssec_config.default_key_specs.'
#   references: [https://cloud.google.com/dns/docs/dnssec-advanced]
#   cwe: [CWE-327]
package tollgate.iac.gcp.dns_dnssec_rsasha1

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_dns_managed_zone")
	some ks in cloud.blocks(cloud.first(r.values, "dnssec_config"), "default_key_specs")
	lower(cloud.get(ks, "algorithm")) == "rsasha1"
	res := cloud.res(sprintf("DNS zone %s signs with RSASHA1", [r.address]), r, ks, "algorithm")
}
