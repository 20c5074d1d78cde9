# METADATA
# title: KMS key policy allows access to anyone
# description: >-
#   The key policy allows Principal "*" (or AWS "*") without any condition,
#   so any AWS account can use (or manage) the key and decrypt the data it
#   protects.
# scope: package
# custom:
#   id: TG-AWS-0031
#   peer_ids:
#     checkov: [CKV_AWS_33]
#     kics: [da905474-7454-43c0-b8d2-5756ab951aba, 7ebc9038-0bde-479a-acc4-6ed7b6758899]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Grant key usage to specific principals (the account root with IAM policies, named roles) or restrict with kms:CallerAccount / kms:ViaService conditions.
#   references: [https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.kms_policy_public

import data.lib.aws

deny contains res if {
	some t in ["aws_kms_key", "aws_kms_key_policy"]
	some r in aws.tf(t)
	some st in aws.statements(aws.get(r.values, "policy"))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("KMS key policy %s allows %v to anyone without a condition", [r.address, st.actions]), r, "policy", st)
}

deny contains res if {
	some r in aws.cfn_index["AWS::KMS::Key"]
	some st in aws.statements(aws.get(r.Properties, "KeyPolicy"))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("KMS key policy %s allows %v to anyone without a condition", [r.logical_id, st.actions]), r, "KeyPolicy", st)
}
