# METADATA
# title: EC2 instance has a public IP address
# description: >-
#   The instance (or launch template) associates a public IP address, making
#   it directly reachable from the internet.
# scope: package
# custom:
#   id: TG-AWS-0079
#   peer_ids:
#     trivy: [AVD-AWS-0009]
#     checkov: [CKV_AWS_88]
#     kics: [5a2486aa-facf-477d-a5c1-b010789459ce]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set associate_public_ip_address = false and reach the instance through a load balancer, NAT or SSM.
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses]
#   cwe: [CWE-284]
package tollgate.iac.aws.ec2_public_ip

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_instance"]
	v := aws.dig(aws.props(r), ["associate_public_ip_address"])
	aws.is_true(v)
	res := aws.res_path(sprintf("EC2 %s associates a public IP address", [aws.rid(r)]), r, ["associate_public_ip_address"])
}

deny contains res if {
	some r in aws.tf_index["aws_launch_template"]
	v := aws.dig(aws.props(r), ["network_interfaces", "associate_public_ip_address"])
	aws.is_true(v)
	res := aws.res_path(sprintf("EC2 %s associates a public IP address", [aws.rid(r)]), r, ["network_interfaces", "associate_public_ip_address"])
}

deny contains res if {
	some r in aws.tf_index["aws_launch_configuration"]
	v := aws.dig(aws.props(r), ["associate_public_ip_address"])
	aws.is_true(v)
	res := aws.res_path(sprintf("EC2 %s associates a public IP address", [aws.rid(r)]), r, ["associate_public_ip_address"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::Instance"]
	v := aws.dig(aws.props(r), ["NetworkInterfaces", "AssociatePublicIpAddress"])
	aws.is_true(v)
	res := aws.res_path(sprintf("EC2 %s associates a public IP address", [aws.rid(r)]), r, ["NetworkInterfaces", "AssociatePublicIpAddress"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::LaunchTemplate"]
	v := aws.dig(aws.props(r), ["LaunchTemplateData", "NetworkInterfaces", "AssociatePublicIpAddress"])
	aws.is_true(v)
	res := aws.res_path(sprintf("EC2 %s associates a public IP address", [aws.rid(r)]), r, ["LaunchTemplateData", "NetworkInterfaces", "AssociatePublicIpAddress"])
}
