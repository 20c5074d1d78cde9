# METADATA
# title: CloudFront distribution has no WAF web ACL
# description: >-
#   The distribution is not protected by AWS WAF, so common web exploits and
#   abusive traffic reach the origin unfiltered.
# scope: package
# custom:
#   id: TG-AWS-0103
#   peer_ids:
#     trivy: [AVD-AWS-0011]
#     checkov: [CKV_AWS_68]
#     kics: [0f139403-303f-467c-96bd-e717e6cfd62d, 1419b4c6-6d5c-4534-9cf6-6a5266085333]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Associate a WAFv2 web ACL with web_acl_id (WebACLId).
#   references: [https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html]
#   cwe: [CWE-693]
package tollgate.iac.aws.cloudfront_waf

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudfront_distribution"]
	aws.absent(r.values, "web_acl_id")
	res := aws.res(sprintf("CloudFront distribution %s has no WAF web ACL", [r.address]), r)
}

deny contains res if {
	some r in aws.tf_index["aws_cloudfront_distribution"]
	aws.get(r.values, "web_acl_id") == ""
	res := aws.res_key(sprintf("CloudFront distribution %s has no WAF web ACL", [r.address]), r, "web_acl_id")
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudFront::Distribution"]
	cfg := aws.get(r.Properties, "DistributionConfig")
	aws.absent(cfg, "WebACLId")
	res := aws.res(sprintf("CloudFront distribution %s has no WAF web ACL", [r.logical_id]), r)
}
