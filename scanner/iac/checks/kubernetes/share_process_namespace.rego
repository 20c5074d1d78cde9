# METADATA
# title: Pod shares one process namespace between containers
# description: >-
#   With shareProcessNamespace every container can see and signal the others' processes and
#   read their filesystems through /proc.
# scope: package
# custom:
#   id: TG-K8S-0044
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove shareProcessNamespace unless a sidecar really needs it.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
#   cwe: [CWE-653]
package tollgate.iac.kubernetes.share_process_namespace

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	iac.is_true(k8s.pod_spec.shareProcessNamespace)
	res := k8s.spec_result("pod sets shareProcessNamespace: true", "shareProcessNamespace")
}
