# METADATA
# title: CodeBuild project has a secret in a plaintext environment variable
# description: >-
#   A PLAINTEXT environment variable named like a password, token or key
#   holds a literal value, visible to anyone who can read the project and
#   stored in state and templates.
# scope: package
# custom:
#   id: TG-AWS-0116
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Use environment variables of type SECRETS_MANAGER or PARAMETER_STORE that reference the secret.
#   references: [https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env]
#   cwe: [CWE-798]
package tollgate.iac.aws.codebuild_env_secrets

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_codebuild_project"]
	some env in aws.blocks(r.values, "environment")
	some ev in aws.blocks(env, "environment_variable")
	aws.get(ev, "type") in {null, "PLAINTEXT"}
	aws.secret_name(aws.get(ev, "name"))
	aws.literal_secret(aws.get(ev, "value"))
	res := aws.res_at(sprintf("CodeBuild project %s sets the secret-looking variable %s in plain text", [r.address, ev.name]), r, ev)
}

deny contains res if {
	some r in aws.cfn_index["AWS::CodeBuild::Project"]
	some ev in aws.as_list(aws.path(r.Properties, ["Environment", "EnvironmentVariables"]))
	aws.get(ev, "Type") in {null, "PLAINTEXT"}
	aws.secret_name(aws.get(ev, "Name"))
	aws.literal_secret(aws.get(ev, "Value"))
	res := aws.res_at(sprintf("CodeBuild project %s sets the secret-looking variable %s in plain text", [r.logical_id, ev.Name]), r, ev)
}
