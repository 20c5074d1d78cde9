# METADATA
# title: Pod sets an unsafe sysctl
# description: >-
#   Sysctls outside the namespaced safe set change kernel behaviour for the whole node.
# scope: package
# custom:
#   id: TG-K8S-0038
#   peer_ids:
#     trivy: [AVD-KSV-0026]
#     kics: [9127f0d9-2310-42e7-866f-5fd9d20dcbad]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Only use the safe sysctls listed by the Pod Security Standards.
#   references:
#     - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-668]
package tollgate.iac.kubernetes.unsafe_sysctls

import data.lib.iac
import data.lib.k8s
import rego.v1

safe := {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

deny contains res if {
	some s in k8s.pod_sc.sysctls
	is_string(s.name)
	not s.name in safe
	res := iac.result_key(sprintf("pod sets unsafe sysctl %s", [s.name]), s, "name", k8s.id)
}
