# METADATA
# title: Service account token is mounted automatically
# description: >-
#   Every container gets an API token of the pod's service account; a compromised container
#   can then talk to the API server.
# scope: package
# custom:
#   id: TG-K8S-0026
#   peer_ids:
#     trivy: [AVD-KSV-0036]
#     checkov: [CKV_K8S_38]
#     kics: [48471392-d4d0-47c0-b135-cdec95eb3eef]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set automountServiceAccountToken: false in the pod spec (or the ServiceAccount) unless the
#     pod calls the Kubernetes API.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/
#   cwe: [CWE-522]
package tollgate.iac.kubernetes.automount_service_account_token

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	k8s.is_workload
	not iac.is_false(object.get(k8s.pod_spec, "automountServiceAccountToken", null))
	not iac.is_unknown(object.get(k8s.pod_spec, "automountServiceAccountToken", null))
	res := k8s.spec_result("pod does not set automountServiceAccountToken: false", "automountServiceAccountToken")
}
