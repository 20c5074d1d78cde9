# METADATA
# title: Windows container runs as a host process
# description: >-
#   A HostProcess container runs directly on the Windows node with its privileges.
# scope: package
# custom:
#   id: TG-K8S-0042
#   peer_ids:
#     trivy: [AVD-KSV-0103]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove windowsOptions.hostProcess.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.windows_host_process

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	iac.is_true(k8s.effective(c, "windowsOptions").hostProcess)
	res := k8s.sc_result(sprintf("container %q runs as a Windows host process", [c.name]), c, "windowsOptions")
}
