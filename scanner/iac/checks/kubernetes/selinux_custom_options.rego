# METADATA
# title: Container sets custom SELinux user, role or type
# description: >-
#   Custom SELinux user or role, or a type other than the container types, can lift the
#   confinement SELinux gives containers (e.g. spc_t is unconfined).
# scope: package
# custom:
#   id: TG-K8S-0041
#   peer_ids:
#     trivy: [AVD-KSV-0025]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Only set seLinuxOptions.level, or use type container_t / container_init_t /
#     container_kvm_t.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-693]
package tollgate.iac.kubernetes.selinux_custom_options

import data.lib.iac
import data.lib.k8s
import rego.v1

allowed_types := {"container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

deny contains res if {
	some c in k8s.containers
	o := k8s.effective(c, "seLinuxOptions")
	bad(o)
	res := k8s.sc_result(sprintf("container %q sets custom SELinux options", [c.name]), c, "seLinuxOptions")
}

bad(o) if {
	is_string(o.type)
	o.type != ""
	not o.type in allowed_types
}

bad(o) if {
	some k in ["user", "role"]
	is_string(o[k])
	o[k] != ""
}
