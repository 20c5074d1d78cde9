# METADATA
# title: EC2 user data contains credentials
# description: >-
#   The instance user data contains an AWS access key, a private key or a
#   password assignment. User data is readable by anyone who can describe the
#   instance and from inside it through the metadata service.
# scope: package
# custom:
#   id: TG-AWS-0114
#   peer_ids:
#     trivy: [AVD-AWS-0029, AVD-AWS-0129]
#     checkov: [CKV_AWS_46]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Fetch secrets at boot from Secrets Manager or SSM Parameter Store using the instance role.
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html]
#   cwe: [CWE-798]
package tollgate.iac.aws.ec2_user_data_secrets

import data.lib.aws

patterns := [
	`(A3T[A-Z0-9]|AKIA|ASIA)[A-Z2-7]{16}`,
	`-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`,
	`(?i)aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+]{40}`,
	`(?i)(password|passwd|secret|token|api_key)\s*[=:]\s*["']?[^\s"'$]{8,}`,
]

# the literal text of user data: plain, or base64 as produced by base64encode
texts(v) := [v, decoded] if {
	is_string(v)
	regex.match(`^[A-Za-z0-9+/=\s]+$`, v)
	decoded := base64.decode(v)
} else := [v] if is_string(v) else := []

# CloudFormation UserData: Fn::Base64 of a string or of an Fn::Sub template
cfn_text(v) := v["Fn::Base64"] if is_string(v["Fn::Base64"])

cfn_text(v) := aws.cfn_sub_string(v["Fn::Base64"]) if is_object(v["Fn::Base64"])

cfn_text(v) := concat("", [p | some p in v["Fn::Base64"]["Fn::Join"][1]; is_string(p)]) if is_object(v["Fn::Base64"]["Fn::Join"])

leaks(s) if {
	some p in patterns
	regex.match(p, s)
}

deny contains res if {
	some t in ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
	some r in aws.tf(t)
	some k in ["user_data", "user_data_base64"]
	some s in texts(aws.get(r.values, k))
	leaks(s)
	res := aws.res_key(sprintf("%s user data contains a credential", [r.address]), r, k)
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::Instance"]
	leaks(cfn_text(aws.get(r.Properties, "UserData")))
	res := aws.res_key(sprintf("%s user data contains a credential", [r.logical_id]), r, "UserData")
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::LaunchTemplate"]
	ud := aws.path(r.Properties, ["LaunchTemplateData", "UserData"])
	leaks(cfn_text(ud))
	res := aws.res_key(sprintf("%s user data contains a credential", [r.logical_id]), r, "LaunchTemplateData")
}
