# METADATA
# title: DynamoDB point-in-time recovery is disabled
# description: >-
#   Without point-in-time recovery, items deleted or overwritten by mistake or
#   by an attacker cannot be restored.
# scope: package
# custom:
#   id: TG-AWS-0046
#   peer_ids:
#     trivy: [AVD-AWS-0024]
#     checkov: [CKV_AWS_28]
#     kics: [0f04217d-488f-4e7a-bec8-f16159686cd6, 741f1291-47ac-4a85-a07b-3d32a9d6bd3e]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add point_in_time_recovery { enabled = true } (PointInTimeRecoverySpecification: PointInTimeRecoveryEnabled: true).'
#   references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html]
#   cwe: [CWE-693]
package tollgate.iac.aws.dynamodb_pitr

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_dynamodb_table"]
	v := aws.dig(aws.props(r), ["point_in_time_recovery", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DynamoDB table %s does not enable point-in-time recovery", [aws.rid(r)]), r, ["point_in_time_recovery", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::DynamoDB::Table"]
	v := aws.dig(aws.props(r), ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DynamoDB table %s does not enable point-in-time recovery", [aws.rid(r)]), r, ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"])
}
