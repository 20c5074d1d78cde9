# METADATA
# title: Network ACL allows SSH or RDP from the internet
# description: >-
#   A network ACL ingress entry allows traffic from 0.0.0.0/0 or ::/0 to port
#   22 or 3389 (or to all ports), removing a layer of defence in front of the
#   subnet's instances.
# scope: package
# custom:
#   id: TG-AWS-0016
#   peer_ids:
#     trivy: [AVD-AWS-0105]
#     kics: [3af7f2fd-06e6-4dab-b996-2912bea19ba4, a20be318-cac7-457b-911d-04cc6e812c25]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Restrict the entry to trusted CIDR ranges, or deny the administration ports from the internet.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.nacl_open_admin_ports

import data.lib.aws

admin_ports := {22, 3389}

entries contains {"r": r, "obj": b, "action": aws.get(b, "action"), "cidr": c, "proto": aws.get(b, "protocol"), "from": aws.get(b, "from_port"), "to": aws.get(b, "to_port")} if {
	some r in aws.tf_index["aws_network_acl"]
	some b in aws.blocks(r.values, "ingress")
	some c in [aws.get(b, "cidr_block"), aws.get(b, "ipv6_cidr_block")]
	aws.open_cidr(c)
}

entries contains {"r": r, "obj": r.values, "action": aws.get(r.values, "rule_action"), "cidr": c, "proto": aws.get(r.values, "protocol"), "from": aws.get(r.values, "from_port"), "to": aws.get(r.values, "to_port")} if {
	some r in aws.tf_index["aws_network_acl_rule"]
	not aws.is_true(aws.get(r.values, "egress"))
	some c in [aws.get(r.values, "cidr_block"), aws.get(r.values, "ipv6_cidr_block")]
	aws.open_cidr(c)
}

entries contains {"r": r, "obj": r.Properties, "action": aws.get(r.Properties, "RuleAction"), "cidr": c, "proto": aws.get(r.Properties, "Protocol"), "from": aws.path(r.Properties, ["PortRange", "From"]), "to": aws.path(r.Properties, ["PortRange", "To"])} if {
	some r in aws.cfn_index["AWS::EC2::NetworkAclEntry"]
	not aws.is_true(aws.get(r.Properties, "Egress"))
	some c in [aws.get(r.Properties, "CidrBlock"), aws.get(r.Properties, "Ipv6CidrBlock")]
	aws.open_cidr(c)
}

allows_port(e, _) if aws.proto(e.proto) in {"-1", "all"}

allows_port(e, port) if {
	aws.proto(e.proto) in {"tcp", "6"}
	aws.num(e.from) <= port
	port <= aws.num(e.to)
}

deny contains res if {
	some e in entries
	lower(e.action) == "allow"
	some port in admin_ports
	allows_port(e, port)
	res := aws.res_at(sprintf("Network ACL %s allows port %d from %s", [aws.rid(e.r), port, e.cidr]), e.r, e.obj)
}
