# METADATA
# title: Container uses an unmasked /proc
# description: >-
#   procMount: Unmasked exposes kernel interfaces under /proc that the runtime normally hides.
# scope: package
# custom:
#   id: TG-K8S-0037
#   peer_ids:
#     trivy: [AVD-KSV-0027]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove procMount or set it to Default.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-668]
package tollgate.iac.kubernetes.proc_mount_unmasked

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	k8s.sc(c).procMount == "Unmasked"
	res := iac.result_key(sprintf("container %q uses procMount Unmasked", [c.name]), k8s.sc(c), "procMount", k8s.container_id(c))
}
