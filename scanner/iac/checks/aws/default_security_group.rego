# METADATA
# title: Default security group has rules
# description: >-
#   Resources launched without an explicit security group land in the VPC's
#   default security group; it should allow no traffic at all so that such
#   mistakes fail closed.
# scope: package
# custom:
#   id: TG-AWS-0015
#   peer_ids:
#     trivy: [AVD-AWS-0173]
#     checkov: [CKV2_AWS_12]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: Declare aws_default_security_group without ingress or egress blocks to strip its rules, and use dedicated security groups.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.default_security_group

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_default_security_group"]
	some k in ["ingress", "egress"]
	some b in aws.blocks(r.values, k)
	res := aws.res_at(sprintf("Default security group %s has an %s rule", [r.address, k]), r, b)
}
