package lib.cloud_test

import data.lib.cloud

loc := {"path": "main.tf", "start_line": 1, "end_line": 20}

# res builds a terraform resource in the parser's shape.
res(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"mode": "managed",
	"type": type,
	"name": name,
	"module": "",
	"index": null,
	"values": object.union({"__loc": loc, "__keys": {}}, values),
	"__loc": loc,
}

# tf is a document holding one resource <type>.this.
tf(type, values) := {"resources": [res(type, "this", values)]}

# doc is a document holding the given resources.
doc(rs) := {"resources": rs}

ref(addr) := {"__ref": addr, "__unknown": true}

unknown := {"__unknown": true}

test_blocks if {
	cloud.blocks({"a": [{"x": 1}]}, "a") == [{"x": 1}]
	cloud.blocks({"a": {"x": 1}}, "a") == [{"x": 1}]
	cloud.blocks({"a": unknown}, "a") == []
	cloud.blocks({}, "a") == []
}

test_no_block if {
	cloud.no_block({}, "a")
	cloud.no_block({"a": []}, "a")
	not cloud.no_block({"a": unknown}, "a")
	not cloud.no_block({"a": [{}]}, "a")
}

test_dig if {
	cloud.dig({"s": [{"ip": [{"v4": true}]}]}, ["s", "ip", "v4"]) == true
	cloud.dig({"s": [{}]}, ["s", "ip", "v4"]) == null
	cloud.path_unknown({"s": [{"ip": unknown}]}, ["s", "ip", "v4"])
	not cloud.path_unknown({"s": [{"ip": [{}]}]}, ["s", "ip", "v4"])
}

test_ports if {
	cloud.port_spec_covers("*", 22)
	cloud.port_spec_covers("22", 22)
	cloud.port_spec_covers(22, 22)
	cloud.port_spec_covers("20-30", 22)
	not cloud.port_spec_covers("23-30", 22)
	not cloud.port_spec_covers(unknown, 22)
	cloud.port_spec_only_web("443")
	not cloud.port_spec_only_web("8080")
}

test_res_path_locates_deepest if {
	r := res("x", "y", {"settings": [{"__loc": {"path": "m.tf", "start_line": 5, "end_line": 9}, "__keys": {"tier": {"path": "m.tf", "start_line": 6, "end_line": 6}}, "tier": "a"}]})
	out := cloud.res_path("m", r, ["settings", "ip_configuration", "ipv4_enabled"])
	out.start_line == 5
	out.resource == "x.y"
	out2 := cloud.res_path("m", r, ["settings", "tier"])
	out2.start_line == 6
	out3 := cloud.res_path("m", r, ["other", "tier"])
	out3.start_line == 1
}

test_tls if {
	cloud.tls_below_12("TLS1_0")
	cloud.tls_below_12("1.1")
	not cloud.tls_below_12("TLS1_2")
	not cloud.tls_below_12(unknown)
}

test_nsg_open_inbound if {
	d := doc([
		res("azurerm_network_security_rule", "ssh", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"}),
		res("azurerm_network_security_group", "g", {"security_rule": [
			{"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefixes": ["10.0.0.0/8", "Internet"], "destination_port_ranges": ["80", "3389"]},
			{"direction": "Inbound", "access": "Deny", "protocol": "*", "source_address_prefix": "*", "destination_port_range": "*"},
			{"direction": "Outbound", "access": "Allow", "protocol": "*", "source_address_prefix": "*", "destination_port_range": "*"},
		]}),
	])
	rules := cloud.nsg_open_inbound with input as d
	count(rules) == 2
	some x in rules
	x.port_key == "destination_port_ranges"
	x.ports == ["80", "3389"]
}

test_default_compute_sa if {
	cloud.default_compute_sa("123-compute@developer.gserviceaccount.com")
	cloud.default_compute_sa(ref("data.google_compute_default_service_account.default"))
	not cloud.default_compute_sa(ref("google_service_account.app"))
	not cloud.default_compute_sa(unknown)
	not cloud.default_compute_sa("app@p.iam.gserviceaccount.com")
}

test_iam_policy_public if {
	d := doc([
		object.union(res("google_iam_policy", "p", {"binding": [{"role": "roles/viewer", "members": ["allUsers"]}]}), {"mode": "data", "address": "data.google_iam_policy.p"}),
		res("google_storage_bucket_iam_policy", "b", {"bucket": "b", "policy_data": ref("data.google_iam_policy.p")}),
	])
	found := cloud.iam_policy_public with input as d
	count(found) == 1
	some [r, _, m] in found
	r.address == "google_storage_bucket_iam_policy.b"
	m == "allUsers"
}
