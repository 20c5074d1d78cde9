# METADATA
# title: AWS helper library
# description: >-
#   Shared helpers for the AWS checks (Terraform, Terraform plan and
#   CloudFormation inputs): unknown-value handling that also covers
#   CloudFormation intrinsics, uniform results for both frameworks, IAM
#   policy normalisation, security group rule normalisation and
#   cross-resource links.
# scope: package
package lib.aws

import data.lib.iac

# ---------------------------------------------------------------------------
# Values

# unknown is true for a Terraform unknown ({"__unknown": true}) and for a
# CloudFormation intrinsic the parser could not resolve (Ref to a parameter
# without default or to a pseudo parameter, Fn::If, Fn::GetAtt, ...): a check
# must never fire on such a value.
unknown(x) if {
	is_object(x)
	x.__unknown == true
}

# An intrinsic is a one-key object (plus the parser's __loc and __keys):
# the size test first keeps this from walking every key of every resource,
# which was most of the Terraform evaluation time.
unknown(x) if {
	is_object(x)
	count(x) <= 3
	some k, _ in x
	is_intrinsic_key(k)
}

is_intrinsic_key(k) if k == "Ref"

is_intrinsic_key(k) if startswith(k, "Fn::")

known(x) if not unknown(x)

is_true(x) if x == true

is_true(x) if {
	is_string(x)
	lower(x) == "true"
}

is_false(x) if x == false

is_false(x) if {
	is_string(x)
	lower(x) == "false"
}

# get returns obj[key], or null when the key is missing.
get(obj, key) := object.get(obj, key, null) if is_object(obj) else := null

# absent: obj is a known object without a (non-null) value for key.
absent(obj, key) if {
	is_object(obj)
	not unknown(obj)
	get(obj, key) == null
}

# not_true: key missing, null or a concrete false (never an unknown value).
not_true(obj, key) if absent(obj, key)

not_true(obj, key) if is_false(get(obj, key))

# empty: key missing, null, "" or [] (never unknown).
empty(obj, key) if absent(obj, key)

empty(obj, key) if get(obj, key) == ""

empty(obj, key) if get(obj, key) == []

# as_list turns a scalar or a list into a list.
as_list(x) := x if is_array(x) else := [] if x == null else := [x]

# num converts a number or a numeric string; undefined otherwise.
num(x) := x if is_number(x)

num(x) := to_number(x) if {
	is_string(x)
	regex.match(`^-?[0-9]+$`, x)
}

# blocks returns a Terraform nested block list (or a CloudFormation object
# wrapped in a list); [] when missing.
blocks(obj, key) := v if {
	v := get(obj, key)
	is_array(v)
} else := [v] if {
	v := get(obj, key)
	is_object(v)
} else := []

# first_block returns the first nested block, null when there is none.
first_block(obj, key) := b if {
	bs := blocks(obj, key)
	count(bs) > 0
	b := bs[0]
} else := null

# no_block: the block is missing entirely (and obj is known).
no_block(obj, key) if {
	is_object(obj)
	not unknown(obj)
	count(blocks(obj, key)) == 0
}

# path returns a nested CloudFormation property (through objects) or null.
path(obj, p) := object.get(obj, p, null) if is_object(obj) else := null

# ---------------------------------------------------------------------------
# Resources and results (r is a Terraform resource or a CloudFormation
# resource from iac.cfn_resources)

# tf returns the managed Terraform resources of a type. The resources are
# indexed by type once per evaluation (a rule is cached, a function is not),
# which keeps large modules fast.
tf(t) := object.get(tf_index, t, [])

tf_types := {r.type | some r in object.get(input, "resources", []); is_string(r.type)}

tf_index := {t: iac.resources(t) | some t in tf_types}

# cfn returns the CloudFormation resources of a Type (see iac.cfn_resources).
cfn(t) := object.get(cfn_index, t, [])

cfn_types := {r.Type |
	some id, r in object.get(input, "Resources", {})
	not startswith(id, "__")
	is_string(r.Type)
}

cfn_index := {t: iac.cfn_resources(t) | some t in cfn_types}

is_tf(r) if {
	r.address
	not r.logical_id
}

props(r) := object.get(r, "values", {}) if is_tf(r) else := object.get(r, "Properties", {})

rid(r) := r.address if is_tf(r) else := r.logical_id

with_path(res, r) := object.union(res, {"path": r.__loc.path}) if {
	not res.path
	r.__loc.path
} else := res

# res: a finding located at the whole resource.
res(msg, r) := with_path(iac.result_res(msg, r, rid(r)), r)

# res_key: located at an attribute of the resource, or at the resource when
# the attribute is missing.
res_key(msg, r, key) := with_path(iac.result_key(msg, props(r), key, rid(r)), r) if {
	props(r).__keys[key]
} else := res(msg, r)

# res_at: located at a nested object (a block, a statement, a rule).
res_at(msg, r, obj) := with_path(iac.result_res(msg, obj, rid(r)), r) if {
	is_object(obj)
	obj.__loc.start_line
} else := res(msg, r)

# res_at_key: located at obj.__keys[key], else at obj, else at the resource.
res_at_key(msg, r, obj, key) := with_path(iac.result_key(msg, obj, key, rid(r)), r) if {
	is_object(obj)
	obj.__keys[key]
} else := res_at(msg, r, obj)

# ---------------------------------------------------------------------------
# Cross-resource links

strip_index(a) := regex.replace(a, `\[[^\]]*\]$`, "")

# tf_refs: v (an attribute of another resource) designates resource r.
tf_refs(v, r) if iac.references(v, r)

tf_refs(v, r) if {
	is_object(v)
	is_string(v.__ref)
	v.__ref == strip_index(r.address)
}

tf_refs(v, r) if {
	is_object(v)
	is_string(v.__ref)
	v.__ref == r.address
}

tf_refs(v, r) if {
	is_string(v)
	v != ""
	v in {get(r.values, "bucket"), get(r.values, "id"), get(r.values, "name"), get(r.values, "arn")}
}

# tf_maybe_refs: v designates r, or v is an unresolvable value (not a
# reference to some other resource) that might designate it. Used where a
# link SUPPRESSES a finding, so the doubt goes to "no finding".
tf_maybe_refs(v, r) if tf_refs(v, r)

tf_maybe_refs(v, _) if {
	unknown(v)
	not is_string(v.__ref)
}

tf_maybe_refs(v, r) if {
	unknown(v)
	is_string(v.__ref)
	startswith(v.__ref, "var.")
}

# linked: resources of type t whose attribute attr (maybe) designates r.
# The common (type, attribute) pairs go through an index built once per
# evaluation; others fall back to comparing every pair.
linked(t, attr, r) := array.concat(linked_exact(t, attr, r), link_unknown[[t, attr]]) if {
	[t, attr] in link_pairs
} else := [x |
	some x in tf(t)
	tf_maybe_refs(get(x.values, attr), r)
]

# linked_exact: resources of type t whose attribute attr designates r.
linked_exact(t, attr, r) := [x |
	idx := link_index[[t, attr]]
	some k in target_keys(r)
	some x in object.get(idx, k, [])
] if {
	[t, attr] in link_pairs
} else := [x |
	some x in tf(t)
	tf_refs(get(x.values, attr), r)
]

link_pairs := {
	["aws_s3_bucket_public_access_block", "bucket"],
	["aws_s3_bucket_server_side_encryption_configuration", "bucket"],
	["aws_s3_bucket_versioning", "bucket"],
	["aws_s3_bucket_logging", "bucket"],
	["aws_s3_bucket_logging", "target_bucket"],
	["aws_s3_bucket_policy", "bucket"],
	["aws_s3_bucket_acl", "bucket"],
	["aws_flow_log", "vpc_id"],
	["aws_redshift_logging", "cluster_identifier"],
	["aws_secretsmanager_secret_rotation", "secret_id"],
}

# value_keys: the index keys a referencing value can match.
value_keys(v) := {strip_index(v.__ref)} if {
	is_object(v)
	is_string(v.__ref)
} else := {concat("", ["lit:", v])} if {
	is_string(v)
	v != ""
} else := set()

# target_keys: the index keys under which r can be designated.
target_keys(r) := {r.address, strip_index(r.address)} | {concat("", ["lit:", x]) |
	some k in ["bucket", "id", "name", "arn"]
	x := get(r.values, k)
	is_string(x)
	x != ""
}

link_index[[t, attr]] := {k: [e.x | some e in entries; k in e.keys] | some e0 in entries; some k in e0.keys} if {
	some pair in link_pairs
	[t, attr] := pair
	entries := [{"x": x, "keys": value_keys(get(x.values, attr))} | some x in tf(t)]
}

# link_unknown: resources of type t whose attribute attr cannot be resolved
# (it might designate any resource).
link_unknown[[t, attr]] := [x |
	some x in tf(t)
	v := get(x.values, attr)
	unknown_link(v)
] if {
	some pair in link_pairs
	[t, attr] := pair
}

unknown_link(v) if {
	unknown(v)
	not is_string(v.__ref)
}

unknown_link(v) if {
	unknown(v)
	is_string(v.__ref)
	startswith(v.__ref, "var.")
}

# cfn_refs: a CloudFormation value designates the resource with logical id.
cfn_refs(v, id) if v.Ref == id

cfn_refs(v, id) if v["Fn::GetAtt"][0] == id

cfn_refs(v, id) if {
	is_string(v["Fn::GetAtt"])
	startswith(v["Fn::GetAtt"], concat("", [id, "."]))
}

cfn_refs(v, id) if {
	s := cfn_sub_string(v)
	contains(s, concat("", ["${", id, "}"]))
}

cfn_refs(v, id) if {
	s := cfn_sub_string(v)
	contains(s, concat("", ["${", id, "."]))
}

cfn_refs(v, id) if {
	is_string(v)
	v != ""
	r := input.Resources[id]
	some _, name in object.get(r, "Properties", {})
	v == name
}

cfn_sub_string(v) := v["Fn::Sub"] if is_string(v["Fn::Sub"])

cfn_sub_string(v) := v["Fn::Sub"][0] if is_array(v["Fn::Sub"])

# cfn_maybe_refs: designates id, or an intrinsic that does not clearly
# designate another resource of the template.
cfn_maybe_refs(v, id) if cfn_refs(v, id)

cfn_maybe_refs(v, id) if {
	unknown(v)
	not cfn_refs_other(v, id)
}

cfn_refs_other(v, id) if {
	is_string(v.Ref)
	v.Ref != id
	input.Resources[v.Ref]
}

cfn_refs_other(v, id) if {
	other := v["Fn::GetAtt"][0]
	other != id
	input.Resources[other]
}

# cfn_linked: CloudFormation resources of type t whose property p (a path
# array) maybe designates the resource id.
cfn_linked(t, p, id) := [x |
	some x in cfn(t)
	cfn_maybe_refs(path(x.Properties, p), id)
]

# ---------------------------------------------------------------------------
# Open networks

open_cidrs := {"0.0.0.0/0", "::/0", "0::/0", "::0/0", "0000:0000:0000:0000:0000:0000:0000:0000/0"}

open_cidr(c) if {
	is_string(c)
	c in open_cidrs
}

# ---------------------------------------------------------------------------
# Paths through nested blocks (Terraform lists of blocks use their first
# block) and objects (CloudFormation). Unknown values propagate.

step(x, k) := x if unknown(x) else := null if x == null else := v if {
	is_object(x)
	v := object.get(x, k, null)
} else := x[0] if {
	is_array(x)
	count(x) > 0
	unknown(x[0])
} else := v if {
	is_array(x)
	count(x) > 0
	is_object(x[0])
	v := object.get(x[0], k, null)
} else := null


dig(obj, p) := obj if count(p) == 0

dig(obj, p) := step(obj, p[0]) if count(p) == 1

dig(obj, p) := step(step(obj, p[0]), p[1]) if count(p) == 2

dig(obj, p) := step(step(step(obj, p[0]), p[1]), p[2]) if count(p) == 3

dig(obj, p) := step(step(step(step(obj, p[0]), p[1]), p[2]), p[3]) if count(p) == 4

# unset: a path that is missing, null, false-y empty ("" or []).
unset(v) if v == null

unset(v) if v == ""

unset(v) if v == []

# off: unset or a concrete false.
off(v) if unset(v)

off(v) if is_false(v)

# res_path: located at the deepest existing attribute of a property path.
res_path(msg, r, p) := res_key(msg, r, p[0]) if count(p) == 1 else := res_at_key(msg, r, dig(props(r), array.slice(p, 0, count(p) - 1)), p[count(p) - 1]) if {
	parent := dig(props(r), array.slice(p, 0, count(p) - 1))
	is_object(parent)
	parent.__keys[p[count(p) - 1]]
} else := res_at(msg, r, dig(props(r), array.slice(p, 0, count(p) - 1))) if {
	parent := dig(props(r), array.slice(p, 0, count(p) - 1))
	is_object(parent)
	parent.__loc.start_line
} else := res_key(msg, r, p[0])

# unset_or_not_in: unset, or a concrete value outside the allowed set s.
unset_or_not_in(v, _) if unset(v)

unset_or_not_in(v, s) if {
	not unset(v)
	not unknown(v)
	not v in s
}

# set_not_in: a concrete (set) value outside the allowed set s.
set_not_in(v, s) if {
	not unset(v)
	not unknown(v)
	not v in s
}

# num_or: num(x), or d when x is not a number.
num_or(x, d) := n if {
	n := num(x)
} else := d

# ---------------------------------------------------------------------------
# Secrets in configuration

secret_name_re := `(?i)(passw(or)?d|passwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|auth[_-]?key|client[_-]?secret)`

# names that describe where a secret is, not the secret itself
secret_pointer_re := `(?i)(_arn|_name|_names|_id|_ids|_path|_param|_parameter|_url|_uri|_endpoint|_file|_ttl|_length|_size|_count|_enabled|_version|_region|_key_id|_policy|_type|_header|_location|_ref|_source|_expiry|_expiration|_timeout|_table|_bucket|_queue|_topic|_stream|_prefix|_field|_mode|_format|_host|_port|_user|_username|_audience|_issuer)$`

secret_name(k) if {
	is_string(k)
	regex.match(secret_name_re, k)
	not regex.match(secret_pointer_re, k)
}

# literal_secret: a concrete value that looks like a secret, not a reference
# to one or a placeholder.
literal_secret(v) if {
	is_string(v)
	count(v) >= 4
	not startswith(v, "arn:")
	not contains(v, "{{resolve:")
	not contains(v, "${")
	not startswith(v, "/")
	not lower(v) in {"true", "false", "null", "none", "enabled", "disabled"}
}

# container_definitions: ECS container definitions from a JSON string or a
# decoded list.
container_definitions(v) := d if {
	is_string(v)
	json.is_valid(v)
	d := json.unmarshal(v)
	is_array(d)
} else := v if {
	is_array(v)
} else := []
