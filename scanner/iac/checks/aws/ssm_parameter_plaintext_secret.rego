# METADATA
# title: SSM parameter holding a secret is not a SecureString
# description: >-
#   A parameter whose name suggests a password, token or key is stored as a
#   plain String, unencrypted and visible to anyone with ssm:GetParameter or
#   read access to the console.
# scope: package
# custom:
#   id: TG-AWS-0115
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Use type SecureString (with a KMS key) or Secrets Manager for secrets. CloudFormation cannot create SecureString parameters: create them outside the template or use AWS::SecretsManager::Secret.'
#   references: [https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html]
#   cwe: [CWE-312]
package tollgate.iac.aws.ssm_parameter_plaintext_secret

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ssm_parameter"]
	aws.get(r.values, "type") in {"String", "StringList"}
	name := aws.get(r.values, "name")
	aws.secret_name(name)
	res := aws.res_key(sprintf("SSM parameter %s (%s) looks like a secret but is stored as %s", [r.address, name, r.values.type]), r, "type")
}

deny contains res if {
	some r in aws.cfn_index["AWS::SSM::Parameter"]
	aws.get(r.Properties, "Type") in {"String", "StringList"}
	name := object.get(r.Properties, "Name", r.logical_id)
	aws.secret_name(name)
	res := aws.res_key(sprintf("SSM parameter %s looks like a secret but is stored as %s", [r.logical_id, r.Properties.Type]), r, "Type")
}
