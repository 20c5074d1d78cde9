# lib.aws: AWS network helpers
# Normalises security group rules from aws_security_group blocks,
# aws_security_group_rule, aws_vpc_security_group_ingress_rule /
# egress_rule and the CloudFormation security group resources.
package lib.aws

# A normalised rule: {"r": resource, "obj": located object, "key": key of the
# CIDR attribute, "cidr": the open CIDR, "all": all ports, "from": n, "to": n,
# "proto": protocol (lower case string)}.

all_protocols := {"-1", "all"}

proto(p) := lower(p) if is_string(p) else := format_int(p, 10) if is_number(p) else := "?"

# rule: builds a normalised rule when ports are known.
rule(r, obj, key, cidr, p, from, to) := {"r": r, "obj": obj, "key": key, "cidr": cidr, "all": true, "from": 0, "to": 65535, "proto": proto(p)} if {
	proto(p) in all_protocols
} else := {"r": r, "obj": obj, "key": key, "cidr": cidr, "all": false, "from": num(from), "to": num(to), "proto": proto(p)} if {
	not unknown(p)
	num(from)
	num(to)
}

# ingress rules open to the world -----------------------------------------

open_ingress contains x if {
	some r in tf("aws_security_group")
	some b in blocks(r.values, "ingress")
	some key in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in as_list(get(b, key))
	open_cidr(c)
	x := rule(r, b, key, c, get(b, "protocol"), get(b, "from_port"), get(b, "to_port"))
}

open_ingress contains x if {
	some r in tf("aws_security_group_rule")
	r.values.type == "ingress"
	some key in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in as_list(get(r.values, key))
	open_cidr(c)
	x := rule(r, r.values, key, c, get(r.values, "protocol"), get(r.values, "from_port"), get(r.values, "to_port"))
}

open_ingress contains x if {
	some r in tf("aws_vpc_security_group_ingress_rule")
	some key in ["cidr_ipv4", "cidr_ipv6"]
	c := get(r.values, key)
	open_cidr(c)
	x := rule(r, r.values, key, c, get(r.values, "ip_protocol"), get(r.values, "from_port"), get(r.values, "to_port"))
}

open_ingress contains x if {
	some r in cfn("AWS::EC2::SecurityGroup")
	some b in as_list(get(r.Properties, "SecurityGroupIngress"))
	some key in ["CidrIp", "CidrIpv6"]
	c := get(b, key)
	open_cidr(c)
	x := rule(r, b, key, c, get(b, "IpProtocol"), get(b, "FromPort"), get(b, "ToPort"))
}

open_ingress contains x if {
	some r in cfn("AWS::EC2::SecurityGroupIngress")
	some key in ["CidrIp", "CidrIpv6"]
	c := get(r.Properties, key)
	open_cidr(c)
	x := rule(r, r.Properties, key, c, get(r.Properties, "IpProtocol"), get(r.Properties, "FromPort"), get(r.Properties, "ToPort"))
}

# egress rules open to the world ------------------------------------------

open_egress contains x if {
	some r in tf("aws_security_group")
	some b in blocks(r.values, "egress")
	some key in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in as_list(get(b, key))
	open_cidr(c)
	x := rule(r, b, key, c, get(b, "protocol"), get(b, "from_port"), get(b, "to_port"))
}

open_egress contains x if {
	some r in tf("aws_security_group_rule")
	r.values.type == "egress"
	some key in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in as_list(get(r.values, key))
	open_cidr(c)
	x := rule(r, r.values, key, c, get(r.values, "protocol"), get(r.values, "from_port"), get(r.values, "to_port"))
}

open_egress contains x if {
	some r in tf("aws_vpc_security_group_egress_rule")
	some key in ["cidr_ipv4", "cidr_ipv6"]
	c := get(r.values, key)
	open_cidr(c)
	x := rule(r, r.values, key, c, get(r.values, "ip_protocol"), get(r.values, "from_port"), get(r.values, "to_port"))
}

open_egress contains x if {
	some r in cfn("AWS::EC2::SecurityGroup")
	some b in as_list(get(r.Properties, "SecurityGroupEgress"))
	some key in ["CidrIp", "CidrIpv6"]
	c := get(b, key)
	open_cidr(c)
	x := rule(r, b, key, c, get(b, "IpProtocol"), get(b, "FromPort"), get(b, "ToPort"))
}

open_egress contains x if {
	some r in cfn("AWS::EC2::SecurityGroupEgress")
	some key in ["CidrIp", "CidrIpv6"]
	c := get(r.Properties, key)
	open_cidr(c)
	x := rule(r, r.Properties, key, c, get(r.Properties, "IpProtocol"), get(r.Properties, "FromPort"), get(r.Properties, "ToPort"))
}

# covers: the rule allows TCP/UDP traffic to port.
covers(x, _) if x.all

covers(x, port) if {
	not x.all
	x.proto in {"tcp", "udp", "6", "17"}
	x.from <= port
	port <= x.to
}

icmp(x) if x.proto in {"icmp", "icmpv6", "1", "58"}

ports_text(x) := "all ports" if x.all else := sprintf("port %d", [x.from]) if x.from == x.to else := sprintf("ports %d-%d", [x.from, x.to])

rule_res(msg, x) := res_at_key(msg, x.r, x.obj, x.key)
