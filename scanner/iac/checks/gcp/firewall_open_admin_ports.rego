# METADATA
# title: Firewall allows SSH, RDP or other remote administration from the internet
# description: >-
#   An ingress rule lets 0.0.0.0/0 (or ::/0) reach a remote
#   administration port — SSH 22, RDP 3389, WinRM 5985/5986 or Telnet 23
#   — (directly, through a port range or by allowing all ports),
#   exposing remote administration to brute force and exploits.
# scope: package
# custom:
#   id: TG-GCP-0019
#   peer_ids:
#     trivy: [AVD-GCP-0070, AVD-GCP-0071]
#     checkov: [CKV_GCP_2, CKV_GCP_3]
#     kics: [c4dcdcdf-10dd-4bf4-b4a0-8f6239e6aaa0, 678fd659-96f2-454a-a2a0-c2571f83a4a3]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Restrict source_ranges to trusted ranges (e.g. 35.235.240.0/20 for IAP TCP forwarding) or use IAP / OS Login instead of open SSH/RDP.'
#   references: [https://cloud.google.com/firewall/docs/firewalls, https://cloud.google.com/iap/docs/using-tcp-forwarding]
#   cwe: [CWE-284]
package tollgate.iac.gcp.firewall_open_admin_ports

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_compute_firewall")
	_ingress(r)
	src := _open_source(r)
	some a in cloud.blocks(r.values, "allow")
	_tcp(cloud.get(a, "protocol"))
	some p in cloud.admin_ports
	_covers(a, p)
	res := cloud.res(sprintf("Firewall %s allows port %d from %s", [r.address, p, src]), r, a, "ports")
}

_tcp(p) if lower(p) in {"tcp", "all", "6"}

_tcp(p) if p == 6

_covers(a, _) if {
	ports := cloud.get(a, "ports")
	not cloud.unknown(ports)
	count(cloud.as_list(ports)) == 0
}

_covers(a, p) if {
	some spec in cloud.as_list(cloud.get(a, "ports"))
	cloud.port_spec_covers(spec, p)
}

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
