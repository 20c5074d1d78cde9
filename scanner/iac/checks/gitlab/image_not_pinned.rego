# METADATA
# title: CI image uses latest or no tag
# description: >-
#   An image or service without a pinned tag runs whatever was pushed last, so pipeline
#   behaviour (and its access to CI variables) changes without review.
# scope: package
# custom:
#   id: TG-GITLAB-0001
#   severity: MEDIUM
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Pin images and services to a version tag, ideally with a digest.
#   references:
#     - https://docs.gitlab.com/ci/yaml/#image
#   cwe: [CWE-829]
package tollgate.iac.gitlab.image_not_pinned

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some i in gitlab.images
	not contains(i.image, "$")
	unpinned(i.image)
	res := iac.result_key(sprintf("%s uses image %s", [i.id, i.image]), i.obj, i.key, i.id)
}

unpinned(img) if gitlab.image_tag(img) == "latest"

unpinned(img) if {
	gitlab.image_tag(img) == ""
	not contains(img, "@sha256:")
}
