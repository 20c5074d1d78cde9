# METADATA
# title: EC2 instance metadata service does not require IMDSv2 tokens
# description: >-
#   With http_tokens "optional", the instance metadata service answers IMDSv1
#   requests, which server-side request forgery can exploit to steal the
#   instance role credentials.
# scope: package
# custom:
#   id: TG-AWS-0080
#   peer_ids:
#     trivy: [AVD-AWS-0028, AVD-AWS-0130]
#     checkov: [CKV_AWS_79]
#     kics: [a4f5f706-80fd-4c96-9a24-6ab317d33d24, c306ac53-ee5b-41d3-86a9-0fd2722b4e67]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add metadata_options { http_tokens = "required" } (MetadataOptions: HttpTokens: required).'
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html]
#   cwe: [CWE-918]
package tollgate.iac.aws.ec2_imdsv2

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_instance"]
	v := aws.dig(aws.props(r), ["metadata_options", "http_tokens"])
	aws.unset_or_not_in(v, {"required"})
	not aws.get(aws.first_block(r.values, "metadata_options"), "http_endpoint") == "disabled"
	aws.unset(aws.get(r.values, "launch_template"))
	res := aws.res_path(sprintf("EC2 %s does not require IMDSv2 (http_tokens is not \"required\")", [aws.rid(r)]), r, ["metadata_options", "http_tokens"])
}

deny contains res if {
	some r in aws.tf_index["aws_launch_template"]
	v := aws.dig(aws.props(r), ["metadata_options", "http_tokens"])
	aws.unset_or_not_in(v, {"required"})
	not aws.get(aws.first_block(r.values, "metadata_options"), "http_endpoint") == "disabled"
	res := aws.res_path(sprintf("EC2 %s does not require IMDSv2 (http_tokens is not \"required\")", [aws.rid(r)]), r, ["metadata_options", "http_tokens"])
}

deny contains res if {
	some r in aws.tf_index["aws_launch_configuration"]
	v := aws.dig(aws.props(r), ["metadata_options", "http_tokens"])
	aws.unset_or_not_in(v, {"required"})
	not aws.get(aws.first_block(r.values, "metadata_options"), "http_endpoint") == "disabled"
	res := aws.res_path(sprintf("EC2 %s does not require IMDSv2 (http_tokens is not \"required\")", [aws.rid(r)]), r, ["metadata_options", "http_tokens"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::LaunchTemplate"]
	v := aws.dig(aws.props(r), ["LaunchTemplateData", "MetadataOptions", "HttpTokens"])
	aws.unset_or_not_in(v, {"required"})
	not aws.path(r.Properties, ["LaunchTemplateData", "MetadataOptions", "HttpEndpoint"]) == "disabled"
	res := aws.res_path(sprintf("EC2 %s does not require IMDSv2 (http_tokens is not \"required\")", [aws.rid(r)]), r, ["LaunchTemplateData", "MetadataOptions", "HttpTokens"])
}
