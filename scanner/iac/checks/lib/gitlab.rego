# METADATA
# title: tollgate GitLab CI check library
# description: Job, image, variable and script helpers for gitlab-ci documents.
# scope: package
package lib.gitlab

import data.lib.iac
import rego.v1

keywords := {"default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "types", "spec"}

# jobs yields {"id", "job"} for every job, hidden (".name") templates included.
jobs := [{"id": id, "job": job} |
	some id, job in input
	not startswith(id, "__")
	not id in keywords
	is_object(job)
]

# images yields {"image": "name:tag", "obj": object holding the key, "key", "id"}
# for the global/default image, job images and services.
images contains {"image": img, "obj": holder, "key": "image", "id": id} if {
	some x in _image_holders
	holder := x.obj
	img := holder.image
	is_string(img)
	id := x.id
}

images contains {"image": img, "obj": holder.image, "key": "name", "id": id} if {
	some x in _image_holders
	holder := x.obj
	img := holder.image.name
	is_string(img)
	id := x.id
}

images contains {"image": s, "obj": x.obj, "key": "services", "id": x.id} if {
	some x in _image_holders
	some s in object.get(x.obj, "services", [])
	is_string(s)
}

images contains {"image": s.name, "obj": s, "key": "name", "id": x.id} if {
	some x in _image_holders
	some s in object.get(x.obj, "services", [])
	is_string(s.name)
}

_image_holders := array.concat(
	[{"obj": input, "id": "global"}, {"obj": object.get(input, "default", {}), "id": "default"}],
	[{"obj": j.job, "id": j.id} | some j in jobs],
)

# scripts yields {"line", "key", "obj", "id"} for every script line of every
# job (and of default / global before_script and after_script).
scripts contains {"line": line, "key": key, "obj": x.obj, "id": x.id} if {
	some x in _image_holders
	some key in ["before_script", "script", "after_script"]
	some item in iac.as_list(object.get(x.obj, key, null))
	some line in iac.as_list(item)
	is_string(line)
}

# variables yields {"name", "value", "obj", "id"} for global and job variables.
variables contains {"name": k, "value": val, "obj": vars, "id": x.id} if {
	some x in _image_holders
	vars := x.obj.variables
	is_object(vars)
	some k, v in vars
	not startswith(k, "__")
	val := _var_value(v)
}

_var_value(v) := v if is_string(v)

else := v.value if is_string(v.value)

else := sprintf("%v", [v]) if is_number(v)

else := sprintf("%v", [v]) if is_boolean(v)

image_tag(img) := tag if {
	not contains(img, "@")
	parts := split(img, "/")
	seg := parts[count(parts) - 1]
	contains(seg, ":")
	ps := split(seg, ":")
	tag := ps[count(ps) - 1]
} else := ""

secret_name := `(?i)(passw(or)?d|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|client[_-]?secret)`

not_secret_suffix := `(?i)(_file|_path|_dir|_name|_id|_url|_uri|_endpoint|_header|_ttl|_expiry|_length|_timeout|_enabled|_type|_mode|_len|_size|_ref|_version)$`
