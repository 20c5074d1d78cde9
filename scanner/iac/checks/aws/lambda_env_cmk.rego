# METADATA
# title: Lambda environment variables are not encrypted with a customer managed key
# description: >-
#   Without kms_key_arn the function environment is encrypted with the AWS managed key, which any principal allowed to read the function configuration can use to see the values.
# scope: package
# custom:
#   id: TG-AWS-0140
#   peer_ids:
#     checkov: [CKV_AWS_173]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set kms_key_arn (KmsKeyArn) to a customer managed KMS key.'
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption]
#   cwe: [CWE-311]
package tollgate.iac.aws.lambda_env_cmk

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_lambda_function"]
	some env in aws.blocks(aws.props(r), "environment")
	_has_vars(aws.get(env, "variables"))
	aws.unset(aws.dig(aws.props(r), ["kms_key_arn"]))
	res := aws.res(sprintf("Lambda function %s encrypts its environment with the AWS managed key", [aws.rid(r)]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::Lambda::Function"]
	_has_vars(aws.dig(aws.props(r), ["Environment", "Variables"]))
	aws.unset(aws.dig(aws.props(r), ["KmsKeyArn"]))
	res := aws.res(sprintf("Lambda function %s encrypts its environment with the AWS managed key", [aws.rid(r)]), r)
}

_has_vars(v) if {
	is_object(v)
	some k, _ in v
	not startswith(k, "__")
}
