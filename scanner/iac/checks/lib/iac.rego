# METADATA
# title: tollgate IaC check library
# description: |
#   Helpers shared by every IaC check: building results with exact source
#   locations, reading terraform and CloudFormation resources, and
#   unknown-aware value tests. Keys starting with "__" are annotations added
#   by the parsers (__loc, __keys, __unknown, __ref) and never data.
# scope: package
package lib.iac

import rego.v1

# ---------------------------------------------------------------- results

# result builds a deny result located at obj's own range, with the resource
# address taken from obj.address (terraform) or obj.logical_id
# (CloudFormation).
result(msg, obj) := _build(msg, _address(obj), _loc(obj), _loc(obj))

# result_res is result with an explicit resource address.
result_res(msg, obj, resource) := _build(msg, resource, _loc(obj), _loc(obj))

# result_key locates the result at obj.__keys[key] (the key and its value),
# falling back to obj's own range when the key is absent.
result_key(msg, obj, key, resource) := _build(msg, resource, _key_loc(obj, key), _loc(obj))

_build(msg, resource, loc, parent) := object.union(
	{
		"msg": msg,
		"resource": resource,
		"start_line": object.get(loc, "start_line", 0),
		"end_line": object.get(loc, "end_line", object.get(loc, "start_line", 0)),
		# the enclosing block's first line, for inline suppression comments
		"block_start": object.get(parent, "start_line", 0),
	},
	_path(loc, parent),
)

_path(loc, parent) := {"path": loc.path} if is_string(loc.path)

else := {"path": parent.path} if is_string(parent.path)

else := {}

_loc(obj) := obj.__loc if is_object(obj.__loc)

else := {}

_key_loc(obj, key) := obj.__keys[key] if is_object(obj.__keys[key])

else := _loc(obj)

_address(obj) := obj.address if is_string(obj.address)

else := obj.logical_id if is_string(obj.logical_id)

else := ""

# ------------------------------------------------------------ value tests

# is_unknown is true for a value the parser could not resolve.
is_unknown(x) if x.__unknown == true

# known is true for a value that is present and resolved (null counts as
# not known: it means "not set").
known(x) if {
	x != null
	not is_unknown(x)
}

# has_key is true when obj has the (non-annotation) key k, whatever its value.
has_key(obj, k) if {
	is_object(obj)
	_ = obj[k]
}

# get returns obj[k], or def when obj has no such key or it is null.
get(obj, k, def) := v if {
	v := object.get(obj, k, null)
	v != null
} else := def

# is_true is true for true and its string spellings (never for unknown).
is_true(x) if x in _truthy

_truthy := {true, "true", "True", "TRUE"}

# is_false is true for false and its string spellings (never for null or
# unknown: use "not is_true" only when absence must count as false).
is_false(x) if x in _falsy

_falsy := {false, "false", "False", "FALSE"}

# open_cidr is true for a source or destination that means "anyone".
open_cidr(c) if {
	is_string(c)
	lower(trim_space(c)) in {"0.0.0.0/0", "::/0", "*", "internet", "any", "0.0.0.0", "/0"}
}

# as_list turns a single value into a one-element list; lists pass through;
# null and unknown become empty.
as_list(x) := x if is_array(x)

else := [] if x == null

else := [] if is_unknown(x)

else := [x]

# ------------------------------------------------------------- terraform

# resources returns the managed terraform resources of a type (terraform and
# terraform-plan documents).
# (Indexed once per document: checks call it hundreds of times.)
resources(type) := object.get(_managed, type, [])

# data_sources returns the terraform data sources of a type.
data_sources(type) := object.get(_data, type, [])

_types := {x.type | some x in object.get(input, "resources", [])}

_managed := {t: [r |
	some r in input.resources
	r.type == t
	object.get(r, "mode", "managed") == "managed"
] | some t in _types}

_data := {t: [r |
	some r in input.resources
	r.type == t
	r.mode == "data"
] | some t in _types}

# base_address is a resource address without its trailing [index].
base_address(addr) := regex.replace(addr, `\[[^\]]*\]$`, "")

# references is true when value points at resource: a terraform reference
# to its address (with or without index), a CloudFormation Ref/GetAtt to its
# logical id, or a literal equal to its bucket/name/id.
references(value, resource) if value.__ref == resource.address

references(value, resource) if {
	is_string(value.__ref)
	is_string(resource.address)
	base_address(value.__ref) == base_address(resource.address)
}

references(value, resource) if value.Ref == resource.logical_id

references(value, resource) if value["Fn::GetAtt"][0] == resource.logical_id

references(value, resource) if {
	is_string(value)
	value != ""
	some k in ["bucket", "name", "id", "arn"]
	value == object.get(object.get(resource, "values", {}), k, null)
}

# ---------------------------------------------------------- CloudFormation

# cfn_resources returns the CloudFormation resources of a Type as objects
# {"logical_id", "address", "Type", "Properties", "__loc", ...}. Properties
# always exists (an empty object located at the resource when absent).
cfn_resources(type) := object.get(_cfn, type, [])

_cfn_types := {x.Type |
	some id, x in object.get(input, "Resources", {})
	not startswith(id, "__")
	is_string(x.Type)
}

_cfn := {t: [object.union(res, {
	"logical_id": id,
	"address": id,
	"Properties": _cfn_props(res),
}) |
	some id, res in object.get(input, "Resources", {})
	not startswith(id, "__")
	is_object(res)
	res.Type == t
] | some t in _cfn_types}

_cfn_props(res) := res.Properties if is_object(res.Properties)

else := {"__loc": object.get(res, "__loc", {})}
