# METADATA
# title: Subnet assigns public IP addresses on launch
# description: >-
#   Instances launched in the subnet automatically get a public IP address,
#   exposing them to the internet whether or not they need it.
# scope: package
# custom:
#   id: TG-AWS-0078
#   peer_ids:
#     trivy: [AVD-AWS-0164]
#     checkov: [CKV_AWS_130]
#     kics: [52f04a44-6bfa-4c41-b1d3-4ae99a2de05c]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set map_public_ip_on_launch = false (MapPublicIpOnLaunch: false) and assign public addresses explicitly where needed.'
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.subnet_public_ip

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_subnet"]
	v := aws.dig(aws.props(r), ["map_public_ip_on_launch"])
	aws.is_true(v)
	res := aws.res_path(sprintf("Subnet %s assigns public IPs on launch", [aws.rid(r)]), r, ["map_public_ip_on_launch"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::Subnet"]
	v := aws.dig(aws.props(r), ["MapPublicIpOnLaunch"])
	aws.is_true(v)
	res := aws.res_path(sprintf("Subnet %s assigns public IPs on launch", [aws.rid(r)]), r, ["MapPublicIpOnLaunch"])
}
