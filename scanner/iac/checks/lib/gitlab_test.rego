package lib.gitlab_test

import data.lib.gitlab
import rego.v1

doc := {
	"image": "alpine:3.20",
	"variables": {"A": "1", "B": {"value": "2", "description": "d"}},
	"stages": ["build"],
	"build": {"image": {"name": "golang:1.22"}, "services": ["docker:27-dind", {"name": "redis:7"}], "script": ["make", ["nested"]], "variables": {"C": 3}},
	".tmpl": {"script": "echo hi"},
}

test_jobs if {
	ids := {j.id | some j in gitlab.jobs} with input as doc
	ids == {"build", ".tmpl"}
}

test_images if {
	imgs := {i.image | some i in gitlab.images} with input as doc
	imgs == {"alpine:3.20", "golang:1.22", "docker:27-dind", "redis:7"}
}

test_scripts if {
	lines := {s.line | some s in gitlab.scripts} with input as doc
	lines == {"make", "nested", "echo hi"}
}

test_variables if {
	vs := {[v.name, v.value] | some v in gitlab.variables} with input as doc
	vs == {["A", "1"], ["B", "2"], ["C", "3"]}
}
