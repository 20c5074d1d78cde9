# METADATA
# title: Pod mounts the container runtime socket
# description: >-
#   Access to the Docker, containerd or CRI-O socket is root on the node: it can start
#   privileged containers.
# scope: package
# custom:
#   id: TG-K8S-0039
#   peer_ids:
#     trivy: [AVD-KSV-0006]
#     checkov: [CKV_K8S_27]
#     kics: [a6f34658-fdfb-4154-9536-56d516f65828]
#   severity: CRITICAL
#   frameworks: [kubernetes]
#   remediation: >-
#     Do not mount runtime sockets; use a dedicated, audited agent if the node's containers must
#     be inspected.
#   references:
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.container_runtime_socket

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some v in k8s.volumes
	p := v.hostPath.path
	is_string(p)
	regex.match(`(^|/)(docker|containerd|crio|cri-dockerd|podman)\.sock$|^/var/run/docker/?$|^/run/containerd/?$`, p)
	res := iac.result_key(sprintf("volume %q mounts the container runtime socket %s", [v.name, p]), v, "hostPath", k8s.id)
}
