# METADATA
# title: Pod mounts a sensitive host directory
# description: >-
#   Mounting /, /etc, /proc, /sys, /root, /boot, /dev or the kubelet and runtime state
#   directories exposes node credentials and allows tampering with the node.
# scope: package
# custom:
#   id: TG-K8S-0040
#   peer_ids:
#     kics: [5308a7a8-06f8-45ac-bf10-791fe21de46e]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Do not mount host system directories into pods.
#   references:
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   cwe: [CWE-668]
package tollgate.iac.kubernetes.sensitive_host_path

import data.lib.iac
import data.lib.k8s
import rego.v1

sensitive := {"/", "/etc", "/proc", "/sys", "/root", "/boot", "/dev", "/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd", "/etc/kubernetes", "/home"}

deny contains res if {
	some v in k8s.volumes
	p := v.hostPath.path
	is_string(p)
	trim_suffix(p, "/") in sensitive
	res := iac.result_key(sprintf("volume %q mounts sensitive host path %s", [v.name, p]), v, "hostPath", k8s.id)
}

deny contains res if {
	some v in k8s.volumes
	v.hostPath.path == "/"
	res := iac.result_key(sprintf("volume %q mounts the host root filesystem", [v.name]), v, "hostPath", k8s.id)
}
