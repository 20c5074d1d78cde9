# METADATA
# title: Container image has no tag or digest
# description: >-
#   An image without tag or digest resolves to latest at pull time.
# scope: package
# custom:
#   id: TG-K8S-0022
#   peer_ids:
#     checkov: [CKV_K8S_14]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Pin the image to a version tag, ideally with its digest.
#   references:
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   cwe: [CWE-829]
package tollgate.iac.kubernetes.image_untagged

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	is_string(c.image)
	not contains(c.image, "$")
	not contains(c.image, "{{")
	k8s.image_tag(c.image) == ""
	not k8s.image_has_digest(c.image)
	res := iac.result_key(sprintf("container %q uses untagged image %s", [c.name, c.image]), c, "image", k8s.container_id(c))
}
