# METADATA
# title: Lambda function has a secret in its environment variables
# description: >-
#   An environment variable named like a password, token or key holds a
#   literal value: it is stored in the template, the state file and the
#   function configuration, readable by anyone with
#   lambda:GetFunctionConfiguration.
# scope: package
# custom:
#   id: TG-AWS-0105
#   peer_ids:
#     checkov: [CKV_AWS_45]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Store the secret in Secrets Manager or SSM Parameter Store (SecureString) and read it at runtime; pass only its name or ARN in the environment.
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption]
#   cwe: [CWE-798]
package tollgate.iac.aws.lambda_env_secrets

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_lambda_function"]
	some e in aws.blocks(r.values, "environment")
	vars := aws.get(e, "variables")
	is_object(vars)
	some k, v in vars
	aws.secret_name(k)
	aws.literal_secret(v)
	res := aws.res_at_key(sprintf("Lambda function %s sets the secret-looking variable %s to a literal value", [r.address, k]), r, vars, k)
}

deny contains res if {
	some t in ["AWS::Lambda::Function", "AWS::Serverless::Function"]
	some r in aws.cfn(t)
	vars := aws.path(r.Properties, ["Environment", "Variables"])
	is_object(vars)
	some k, v in vars
	aws.secret_name(k)
	aws.literal_secret(v)
	res := aws.res_at_key(sprintf("Lambda function %s sets the secret-looking variable %s to a literal value", [r.logical_id, k]), r, vars, k)
}
