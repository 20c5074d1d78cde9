# METADATA
# title: AMI is shared publicly
# description: >-
#   A launch permission for the group "all" makes the AMI, and any data or
#   credentials baked into it, available to every AWS account.
# scope: package
# custom:
#   id: TG-AWS-0119
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: Share the AMI with specific account IDs or organizations only.
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.ami_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ami_launch_permission"]
	aws.get(r.values, "group") == "all"
	res := aws.res_key(sprintf("AMI launch permission %s shares the image with everyone", [r.address]), r, "group")
}
