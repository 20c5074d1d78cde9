# METADATA
# title: VPC has no flow logs
# description: >-
#   Without VPC flow logs, network traffic to and from the VPC's interfaces
#   is not recorded, which blinds incident response.
# scope: package
# custom:
#   id: TG-AWS-0110
#   peer_ids:
#     trivy: [AVD-AWS-0178]
#     checkov: [CKV2_AWS_11]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add an aws_flow_log (AWS::EC2::FlowLog) for the VPC sending to CloudWatch Logs or S3.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.vpc_flow_logs

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_vpc"]
	count(aws.linked("aws_flow_log", "vpc_id", r)) == 0
	res := aws.res(sprintf("VPC %s has no flow log", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::VPC"]
	count(aws.cfn_linked("AWS::EC2::FlowLog", ["ResourceId"], r.logical_id)) == 0
	not some_flow_log_ids(r.logical_id)
	res := aws.res(sprintf("VPC %s has no flow log", [r.logical_id]), r)
}

# FlowLog ResourceIds (plural, older form) referencing the VPC
some_flow_log_ids(id) if {
	some f in aws.cfn_index["AWS::EC2::FlowLog"]
	some v in aws.as_list(aws.get(f.Properties, "ResourceIds"))
	aws.cfn_maybe_refs(v, id)
}
