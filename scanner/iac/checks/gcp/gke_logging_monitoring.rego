# METADATA
# title: GKE cluster has logging or monitoring turned off
# description: >-
#   logging_service or monitoring_service = "none" removes the audit
#   trail and metrics needed to detect and investigate attacks.
# scope: package
# custom:
#   id: TG-GCP-0018
#   peer_ids:
#     trivy: [AVD-GCP-0052, AVD-GCP-0060]
#     checkov: [CKV_GCP_1, CKV_GCP_8]
#     kics: [4c7ebcb2-eae2-461e-bc83-456ee2d4f694, 30e8dfd2-3591-4d19-8d11-79e93106c93d]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Use logging.googleapis.com/kubernetes and monitoring.googleapis.com/kubernetes (the defaults).'
#   references: [https://cloud.google.com/kubernetes-engine/docs/concepts/observability]
#   cwe: [CWE-778]
package tollgate.iac.gcp.gke_logging_monitoring

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	some key in ["logging_service", "monitoring_service"]
	cloud.get(r.values, key) == "none"
	res := cloud.res(sprintf("GKE cluster %s sets %s = none", [r.address, key]), r, r.values, key)
}
