# METADATA
# title: Security group allows ingress from the internet
# description: >-
#   An ingress rule accepts traffic from 0.0.0.0/0 or ::/0. Any port opened to
#   the whole internet is attack surface; only public load balancers and
#   CDN-facing endpoints should be reachable from everywhere.
# scope: package
# custom:
#   id: TG-AWS-0013
#   peer_ids:
#     trivy: [AVD-AWS-0107]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Restrict the source CIDR to the networks that need access (or to a load balancer's security group).
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.sg_open_any_port

import data.lib.aws

deny contains res if {
	some x in aws.open_ingress
	not aws.icmp(x)
	res := aws.rule_res(sprintf("%s allows ingress on %s from %s", [aws.rid(x.r), aws.ports_text(x), x.cidr]), x)
}
