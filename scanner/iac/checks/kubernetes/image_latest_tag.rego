# METADATA
# title: Container image uses the latest tag
# description: >-
#   The latest tag moves: deployments are not reproducible and a compromised or broken image
#   is pulled silently.
# scope: package
# custom:
#   id: TG-K8S-0021
#   peer_ids:
#     trivy: [AVD-KSV-0013]
#     checkov: [CKV_K8S_14]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Pin the image to a version tag, ideally with its digest (image:1.2.3@sha256:...).
#   references:
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   cwe: [CWE-829]
package tollgate.iac.kubernetes.image_latest_tag

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	is_string(c.image)
	k8s.image_tag(c.image) == "latest"
	res := iac.result_key(sprintf("container %q uses image %s", [c.name, c.image]), c, "image", k8s.container_id(c))
}
