# METADATA
# title: Container adds a dangerous capability
# description: >-
#   The capability lets the container load kernel modules, trace other processes, change the
#   network stack or bypass file permissions; each has known escape paths.
# scope: package
# custom:
#   id: TG-K8S-0009
#   peer_ids:
#     trivy: [AVD-KSV-0022]
#     checkov: [CKV_K8S_25]
#     kics: [19ebaa28-fc86-4a58-bcfa-015c9e22fe40]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove the capability from securityContext.capabilities.add; grant the narrowest
#     capability the process really needs.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://man7.org/linux/man-pages/man7/capabilities.7.html
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.capability_dangerous

import data.lib.iac
import data.lib.k8s
import rego.v1

caps := {"ALL", "BPF", "DAC_OVERRIDE", "DAC_READ_SEARCH", "MAC_ADMIN", "MAC_OVERRIDE", "NET_ADMIN", "PERFMON", "SETFCAP", "SYSLOG", "SYS_BOOT", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_TIME"}

deny contains res if {
	some c in k8s.containers
	some a in k8s.sc(c).capabilities.add
	is_string(a)
	upper(trim_prefix(upper(a), "CAP_")) in caps
	res := iac.result_key(sprintf("container %q adds capability %s", [c.name, a]), k8s.sc(c).capabilities, "add", k8s.container_id(c))
}
