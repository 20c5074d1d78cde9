# METADATA
# title: Container disables AppArmor
# description: >-
#   An Unconfined AppArmor profile removes the mandatory access control the runtime would
#   otherwise apply.
# scope: package
# custom:
#   id: TG-K8S-0025
#   peer_ids:
#     trivy: [AVD-KSV-0002]
#     kics: [8b36775e-183d-4d46-b0f7-96a6f34a723f]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Use the RuntimeDefault or a Localhost AppArmor profile.
#   references:
#     - https://kubernetes.io/docs/tutorials/security/apparmor/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-693]
package tollgate.iac.kubernetes.apparmor_unconfined

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	k8s.effective(c, "appArmorProfile").type == "Unconfined"
	res := k8s.sc_result(sprintf("container %q runs with AppArmor Unconfined", [c.name]), c, "appArmorProfile")
}

deny contains res if {
	some c in k8s.containers
	k8s.pod_meta.annotations[sprintf("container.apparmor.security.beta.kubernetes.io/%s", [c.name])] == "unconfined"
	res := iac.result_key(sprintf("container %q runs with AppArmor unconfined", [c.name]), k8s.pod_meta, "annotations", k8s.container_id(c))
}
