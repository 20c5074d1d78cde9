# METADATA
# title: Load balancer SSL policy allows TLS older than 1.2
# description: >-
#   min_tls_version defaults to TLS_1_0; TLS 1.0 and 1.1 have known
#   weaknesses and are deprecated.
# scope: package
# custom:
#   id: TG-GCP-0036
#   peer_ids:
#     trivy: [AVD-GCP-0039]
#     checkov: [CKV_GCP_4]
#     kics: [14a457f0-473d-4d1d-9e37-6d99b355b336]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set min_tls_version = "TLS_1_2" on google_compute_ssl_policy (with the MODERN or RESTRICTED profile).'
#   references: [https://cloud.google.com/load-balancing/docs/ssl-policies-concepts]
#   cwe: [CWE-326]
package tollgate.iac.gcp.ssl_policy_weak_tls

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_compute_ssl_policy")
	v := cloud.get(r.values, "min_tls_version")
	_weak(v)
	res := cloud.res(sprintf("SSL policy %s allows TLS versions older than 1.2", [r.address]), r, r.values, "min_tls_version")
}

_weak(v) if v == null

_weak(v) if v in {"TLS_1_0", "TLS_1_1"}
