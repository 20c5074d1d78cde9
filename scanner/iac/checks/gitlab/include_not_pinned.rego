# METADATA
# title: Remote CI include not pinned
# description: >-
#   A remote URL include, or a project/component include without a fixed ref, pulls pipeline
#   code that can change under you and runs with your CI variables.
# scope: package
# custom:
#   id: TG-GITLAB-0006
#   severity: MEDIUM
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Include project files with ref: set to a commit SHA (or a protected tag), and components
#     at a fixed version; avoid include: remote.
#   references:
#     - https://docs.gitlab.com/ci/yaml/#include
#   cwe: [CWE-829]
package tollgate.iac.gitlab.include_not_pinned

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some inc in includes
	is_object(inc)
	url := inc.remote
	is_string(url)
	not regex.match(`[0-9a-f]{40}`, url)
	res := iac.result_key(sprintf("remote include %s is not pinned", [url]), inc, "remote", "include")
}

deny contains res if {
	some inc in includes
	is_string(inc)
	regex.match(`^https?://`, inc)
	not regex.match(`[0-9a-f]{40}`, inc)
	res := iac.result_key(sprintf("remote include %s is not pinned", [inc]), input, "include", "include")
}

deny contains res if {
	some inc in includes
	is_object(inc)
	is_string(inc.project)
	not pinned_ref(object.get(inc, "ref", ""))
	res := iac.result_key(sprintf("project include %s has no pinned ref", [inc.project]), inc, "project", "include")
}

deny contains res if {
	some inc in includes
	is_object(inc)
	c := inc.component
	is_string(c)
	version := split(c, "@")[1]
	version in {"~latest", "main", "master", "HEAD"}
	res := iac.result_key(sprintf("component %s is not pinned", [c]), inc, "component", "include")
}

deny contains res if {
	some inc in includes
	is_object(inc)
	c := inc.component
	is_string(c)
	not contains(c, "@")
	res := iac.result_key(sprintf("component %s is not pinned", [c]), inc, "component", "include")
}

includes := iac.as_list(object.get(input, "include", null))

# a commit SHA or a version-looking tag; branches are not pinned
pinned_ref(r) if regex.match(`^[0-9a-f]{40}$|^v?\d+(\.\d+)+`, r)
