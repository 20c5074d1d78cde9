# METADATA
# title: Job container or service image uses latest or no tag
# description: >-
#   A job container or service image without a pinned tag changes under the workflow without
#   review.
# scope: package
# custom:
#   id: TG-GHA-0017
#   severity: LOW
#   frameworks: [github-actions]
#   remediation: >-
#     Pin container and service images to a version tag or digest.
#   references:
#     - https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idcontainer
#   cwe: [CWE-829]
package tollgate.iac.github.container_image_not_pinned

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some j in gha.jobs
	some c in containers(j.job)
	is_string(c.image)
	not contains(c.image, "${{")
	unpinned(c.image)
	res := iac.result_key(sprintf("job %s uses image %s", [j.id, c.image]), c.obj, "image", j.id)
}

containers(job) := array.concat(
	[{"image": job.container, "obj": job} | is_string(job.container)],
	array.concat(
		[{"image": job.container.image, "obj": job.container} | is_object(job.container)],
		[{"image": s.image, "obj": s} | some name, s in object.get(job, "services", {}); not startswith(name, "__"); is_object(s)],
	),
)

unpinned(img) if {
	not contains(img, "@sha256:")
	parts := split(img, "/")
	not contains(parts[count(parts) - 1], ":")
}

unpinned(img) if endswith(img, ":latest")
