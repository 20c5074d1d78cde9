# METADATA
# title: Workload is deployed to the default namespace
# description: >-
#   Workloads in the default namespace share it with everything else deployed without thought;
#   policies, quotas and RBAC cannot separate them.
# scope: package
# custom:
#   id: TG-K8S-0028
#   peer_ids:
#     trivy: [AVD-KSV-0110]
#     checkov: [CKV_K8S_21]
#     kics: [611ab018-c4aa-4ba2-b0f6-a448337509a6]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set metadata.namespace to a dedicated namespace.
#   references:
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
#   cwe: [CWE-653]
package tollgate.iac.kubernetes.default_namespace

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	k8s.is_workload
	k8s.namespace == "default"
	res := iac.result_key("workload is in the default namespace", k8s.metadata, "namespace", k8s.id)
}
