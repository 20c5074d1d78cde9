# METADATA
# title: GKE cluster has legacy ABAC enabled
# description: >-
#   Legacy attribute-based access control grants broad, static
#   permissions that bypass Kubernetes RBAC.
# scope: package
# custom:
#   id: TG-GCP-0008
#   peer_ids:
#     trivy: [AVD-GCP-0062]
#     checkov: [CKV_GCP_7]
#     kics: [5baa92d2-d8ee-4c75-88a4-52d9d8bb8067]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set enable_legacy_abac = false (the default) and use RBAC.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110]
#   cwe: [CWE-284]
package tollgate.iac.gcp.gke_legacy_abac

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	cloud.on(cloud.get(r.values, "enable_legacy_abac"))
	res := cloud.res(sprintf("GKE cluster %s has legacy ABAC enabled", [r.address]), r, r.values, "enable_legacy_abac")
}
