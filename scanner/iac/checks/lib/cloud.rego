# METADATA
# title: tollgate GCP / Azure terraform helpers
# description: |
#   Helpers for the GCP and Azure checks: reading nested blocks of terraform
#   resources, locating results on the deepest existing attribute, port and
#   source-range tests. Unknown values never satisfy a "bad value" test.
# scope: package
package lib.cloud

import data.lib.iac

# tf returns the managed terraform resources of a type.
tf(type) := iac.resources(type)

# get returns obj[k] or null (absent, null, or obj not an object).
get(obj, k) := object.get(obj, k, null) if is_object(obj)

else := null

unknown(x) if iac.is_unknown(x)

# unset is true for an absent or null value (never for unknown).
unset(x) if x == null

on(x) if iac.is_true(x)

off(x) if iac.is_false(x)

# blocks returns the nested blocks obj[k] as a list (terraform gives lists;
# a single object is accepted too). Unknown gives [].
blocks(obj, k) := x if {
	x := get(obj, k)
	is_array(x)
} else := [x] if {
	x := get(obj, k)
	is_object(x)
	not unknown(x)
} else := []

# first returns the first nested block obj[k], or {} when there is none.
first(obj, k) := blocks(obj, k)[0] if count(blocks(obj, k)) > 0

else := {}

# no_block is true when obj has no k block at all (and it is not unknown).
no_block(obj, k) if {
	not unknown(get(obj, k))
	count(blocks(obj, k)) == 0
}

# dig follows a path of keys through first nested blocks: dig(r.values,
# ["settings", "ip_configuration", "ipv4_enabled"]).
dig(obj, path) := get(obj, path[0]) if count(path) == 1

dig(obj, path) := get(first(obj, path[0]), path[1]) if count(path) == 2

dig(obj, path) := get(first(first(obj, path[0]), path[1]), path[2]) if count(path) == 3

# path_unknown is true when any step of path is unknown (so absence proves
# nothing).
path_unknown(obj, path) if unknown(get(obj, path[0]))

path_unknown(obj, path) if {
	count(path) > 1
	unknown(get(first(obj, path[0]), path[1]))
}

path_unknown(obj, path) if {
	count(path) > 2
	unknown(get(first(first(obj, path[0]), path[1]), path[2]))
}

# result located on obj.__keys[key] (or obj itself), resource r.
res(msg, r, obj, key) := iac.result_key(msg, obj, key, r.address)

# res_path locates a result on the deepest existing element of path inside
# r.values: the attribute when present, else the innermost enclosing block.
res_path(msg, r, path) := iac.result_key(msg, r.values, path[0], r.address) if count(path) == 1

res_path(msg, r, path) := iac.result_key(msg, b, path[1], r.address) if {
	count(path) == 2
	b := first(r.values, path[0])
	b != {}
} else := iac.result_key(msg, r.values, path[0], r.address) if count(path) == 2

res_path(msg, r, path) := iac.result_key(msg, b2, path[2], r.address) if {
	count(path) == 3
	b2 := first(first(r.values, path[0]), path[1])
	b2 != {}
} else := iac.result_key(msg, b1, path[1], r.address) if {
	count(path) == 3
	b1 := first(r.values, path[0])
	b1 != {}
} else := iac.result_key(msg, r.values, path[0], r.address) if count(path) == 3

# as_list: list passes through, null/unknown -> [], scalar -> [scalar].
as_list(x) := iac.as_list(x)

# public_source is true for a source range or tag meaning "anyone".
public_source(s) if iac.open_cidr(s)

# ------------------------------------------------------------------ ports

# num converts a number or numeric string.
num(x) := x if is_number(x)

else := to_number(x) if {
	is_string(x)
	regex.match(`^\s*[0-9]+\s*$`, x)
}

# port_spec_covers: spec is "*", "22", "20-25" (string or number); true when
# the spec includes port p.
port_spec_covers(spec, _) if spec == "*"

port_spec_covers(spec, p) if num(spec) == p

port_spec_covers(spec, p) if {
	is_string(spec)
	parts := split(trim_space(spec), "-")
	count(parts) == 2
	num(parts[0]) <= p
	p <= num(parts[1])
}

# port_spec_all is true when a spec opens every port.
port_spec_all(spec) if spec == "*"

port_spec_all(spec) if spec == "0-65535"

port_spec_all(spec) if spec == "1-65535"

# port_spec_only_web is true when a spec opens nothing but 80 and/or 443.
port_spec_only_web(spec) if num(spec) in {80, 443}

port_spec_only_web(spec) if spec in {"80-80", "443-443"}

# admin_ports are remote administration ports: SSH, RDP, WinRM, Telnet.
admin_ports := {22, 3389, 5985, 5986, 23}

database_ports := {1433, 1434, 1521, 3306, 5432, 5984, 6379, 7000, 7001, 9042, 9200, 9300, 11211, 27017, 27018, 50000}

# default_compute_sa is true for the project's default compute service
# account email, literal or read from the data source.
default_compute_sa(email) if {
	is_string(email)
	endswith(email, "-compute@developer.gserviceaccount.com")
}

# a reference to the google_compute_default_service_account data source
default_compute_sa(email) if {
	is_string(email.__ref)
	contains(email.__ref, "data.google_compute_default_service_account.")
}

# public_member is true for IAM members that mean "anyone".
public_member(m) if m in {"allUsers", "allAuthenticatedUsers"}

# tls_below_12 is true for TLS version spellings older than 1.2.
tls_below_12(v) if {
	is_string(v)
	lower(v) in {"tls1_0", "tls1_1", "tls_1_0", "tls_1_1", "1.0", "1.1", "tls1.0", "tls1.1", "tlsenforcementdisabled", "tls10", "tls11"}
}

# ------------------------------------------------------------ Azure NSG

# nsg_rules yields {"r": resource, "obj": rule object} for standalone
# azurerm_network_security_rule resources and inline security_rule blocks.
nsg_rules contains {"r": r, "obj": r.values} if some r in tf("azurerm_network_security_rule")

nsg_rules contains {"r": r, "obj": b} if {
	some r in tf("azurerm_network_security_group")
	some b in blocks(r.values, "security_rule")
}

# nsg_open_inbound yields allowed inbound rules whose source is anyone:
# {"r", "obj", "src", "proto" (lower case), "ports": [port specs], "port_key"}.
nsg_open_inbound contains x if {
	some n in nsg_rules
	_ci_eq(get(n.obj, "direction"), "inbound")
	_ci_eq(get(n.obj, "access"), "allow")
	some key in ["source_address_prefix", "source_address_prefixes"]
	some s in as_list(get(n.obj, key))
	public_source(s)
	ports := array.concat(as_list(get(n.obj, "destination_port_range")), as_list(get(n.obj, "destination_port_ranges")))
	x := {
		"r": n.r, "obj": n.obj, "src": s, "proto": _proto(get(n.obj, "protocol")), "ports": ports,
		"port_key": _port_key(n.obj),
	}
}

_ci_eq(v, want) if {
	is_string(v)
	lower(v) == want
}

_proto(p) := lower(p) if is_string(p)

else := "?"

_port_key(obj) := "destination_port_ranges" if count(as_list(get(obj, "destination_port_ranges"))) > 0

else := "destination_port_range"

# nsg_tcp is true for protocols that carry TCP.
nsg_tcp(p) if p in {"tcp", "*", "asterisk"}

# nsg_carries_ports is true for protocols with ports (not ICMP).
nsg_carries_ports(p) if p in {"tcp", "udp", "*", "asterisk"}

# ------------------------------------------------------------ GCP IAM policies

# iam_policy_public yields [resource, binding, member] for google_*_iam_policy
# resources whose policy_data comes from a google_iam_policy data source
# granting a role to allUsers / allAuthenticatedUsers.
iam_policy_public contains [r, b, m] if {
	some r in input.resources
	object.get(r, "mode", "managed") == "managed"
	startswith(r.type, "google_")
	endswith(r.type, "_iam_policy")
	pd := get(r.values, "policy_data")
	some d in input.resources
	d.mode == "data"
	d.type == "google_iam_policy"
	iac.references(pd, d)
	some b in blocks(d.values, "binding")
	some m in as_list(get(b, "members"))
	public_member(m)
}
