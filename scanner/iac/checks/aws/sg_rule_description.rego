# METADATA
# title: Security group rule has no description
# description: >-
#   Rules without a description cannot be reviewed: nobody knows why a port
#   is open or whether it is still needed.
# scope: package
# custom:
#   id: TG-AWS-0120
#   peer_ids:
#     trivy: [AVD-AWS-0124]
#     checkov: [CKV_AWS_23]
#     kics: [68eb4bf3-f9bf-463d-b5cf-e029bb446d2e, 5e6c9c68-8a82-408e-8749-ddad78cbb9c5]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add a description to every ingress and egress rule (Description in CloudFormation).
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html]
#   cwe: [CWE-710]
package tollgate.iac.aws.sg_rule_description

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_security_group"]
	some k in ["ingress", "egress"]
	some b in aws.blocks(r.values, k)
	v := aws.get(b, "description")
	not aws.unknown(v)
	aws.unset(v)
	res := aws.res_at(sprintf("Security group %s has an %s rule without a description", [r.address, k]), r, b)
}

deny contains res if {
	some t in ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]
	some r in aws.tf(t)
	v := aws.get(r.values, "description")
	not aws.unknown(v)
	aws.unset(v)
	res := aws.res(sprintf("Security group rule %s has no description", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::SecurityGroup"]
	some k in ["SecurityGroupIngress", "SecurityGroupEgress"]
	some b in aws.as_list(aws.get(r.Properties, k))
	is_object(b)
	not aws.unknown(b)
	aws.unset(aws.get(b, "Description"))
	res := aws.res_at(sprintf("Security group %s has a rule without a Description", [r.logical_id]), r, b)
}

deny contains res if {
	some t in ["AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"]
	some r in aws.cfn(t)
	aws.unset(aws.get(r.Properties, "Description"))
	res := aws.res(sprintf("Security group rule %s has no Description", [r.logical_id]), r)
}
