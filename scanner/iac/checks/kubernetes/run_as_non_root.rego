# METADATA
# title: Container may run as root
# description: >-
#   Neither runAsNonRoot: true nor a non-zero runAsUser is set for the container or its pod,
#   so it runs as whatever user the image declares, often root.
# scope: package
# custom:
#   id: TG-K8S-0003
#   peer_ids:
#     trivy: [AVD-KSV-0012]
#     checkov: [CKV_K8S_23]
#     kics: [cf34805e-3872-4c08-bf92-6ff7bb0cfadb]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Set securityContext.runAsNonRoot: true (pod or container) and, ideally, a non-zero
#     runAsUser.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.run_as_non_root

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	not non_root(c)
	res := k8s.sc_result(sprintf("container %q may run as root: runAsNonRoot is not true and runAsUser is not a non-zero UID", [c.name]), c, "runAsNonRoot")
}

non_root(c) if iac.is_true(k8s.effective(c, "runAsNonRoot"))

non_root(c) if {
	u := k8s.effective(c, "runAsUser")
	is_number(u)
	u > 0
}

non_root(c) if iac.is_unknown(k8s.effective(c, "runAsNonRoot"))
