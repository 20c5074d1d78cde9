# METADATA
# title: Security group allows unrestricted egress
# description: >-
#   An egress rule allows all traffic to 0.0.0.0/0 or ::/0, so a compromised
#   workload can reach any host on the internet (exfiltration, command and
#   control).
# scope: package
# custom:
#   id: TG-AWS-0014
#   peer_ids:
#     trivy: [AVD-AWS-0104]
#     kics: [1cc2fbd7-816c-4fbf-ad6d-38a4afa4312a]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Limit egress to the ports and destinations the workload needs (for example 443 to VPC endpoints or a proxy).
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.sg_open_egress

import data.lib.aws

deny contains res if {
	some x in aws.open_egress
	x.all
	res := aws.rule_res(sprintf("%s allows egress on all ports to %s", [aws.rid(x.r), x.cidr]), x)
}
