# METADATA
# title: CloudTrail trail is not multi-region
# description: >-
#   A single-region trail misses API activity in every other region, where an
#   attacker can create resources unnoticed.
# scope: package
# custom:
#   id: TG-AWS-0037
#   peer_ids:
#     trivy: [AVD-AWS-0014]
#     checkov: [CKV_AWS_67]
#     kics: [058ac855-989f-4378-ba4d-52d004020da7, 8173d5eb-96b5-4aa6-a71b-ecfa153c123d]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set is_multi_region_trail = true (IsMultiRegionTrail: true).'
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.cloudtrail_multi_region

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudtrail"]
	v := aws.dig(aws.props(r), ["is_multi_region_trail"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("CloudTrail %s only records one region", [aws.rid(r)]), r, ["is_multi_region_trail"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudTrail::Trail"]
	v := aws.dig(aws.props(r), ["IsMultiRegionTrail"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("CloudTrail %s only records one region", [aws.rid(r)]), r, ["IsMultiRegionTrail"])
}
