# METADATA
# title: Firewall allows ingress from the internet on non-web ports
# description: >-
#   An ingress rule lets 0.0.0.0/0 (or ::/0) reach ports other than
#   HTTP/HTTPS (80, 443) — databases, admin consoles, internal services
#   or every port.
# scope: package
# custom:
#   id: TG-GCP-0020
#   peer_ids:
#     trivy: [AVD-GCP-0027]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Restrict source_ranges to the networks that need access, or put the service behind a load balancer / IAP.'
#   references: [https://cloud.google.com/firewall/docs/firewalls]
#   cwe: [CWE-284]
package tollgate.iac.gcp.firewall_open_ingress

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_compute_firewall")
	_ingress(r)
	src := _open_source(r)
	some a in cloud.blocks(r.values, "allow")
	proto := cloud.get(a, "protocol")
	is_string(proto)
	not _no_ports(proto)
	what := _open_ports(a)
	res := cloud.res(sprintf("Firewall %s allows %s from %s", [r.address, what, src]), r, a, "ports")
}

_open_ports(a) := "all ports" if {
	ports := cloud.get(a, "ports")
	not cloud.unknown(ports)
	count(cloud.as_list(ports)) == 0
}

_open_ports(a) := sprintf("ports %v", [concat(", ", specs)]) if {
	specs := [sprintf("%v", [spec]) |
		some spec in cloud.as_list(cloud.get(a, "ports"))
		not cloud.unknown(spec)
		not _admin_spec(spec)
		not cloud.port_spec_only_web(spec)
	]
	count(specs) > 0
}

_no_ports(proto) if lower(proto) in {"icmp", "ipip", "esp", "ah", "1", "58", "icmpv6"}

_admin_spec(spec) if cloud.num(spec) in cloud.admin_ports

_ingress(r) if {
	not cloud.on(cloud.get(r.values, "disabled"))
	d := cloud.get(r.values, "direction")
	_dir_in(d)
}

_dir_in(d) if d == null

_dir_in(d) if d == "INGRESS"

# One value per resource: a function must not produce several outputs, and a
# rule listing both 0.0.0.0/0 and ::/0 is one finding naming both.
_open_source(r) := concat(", ", srcs) if {
	srcs := [s | some s in cloud.as_list(cloud.get(r.values, "source_ranges")); cloud.public_source(s)]
	count(srcs) > 0
}
