# METADATA
# title: CloudFront distribution allows plain HTTP
# description: >-
#   A cache behavior with viewer_protocol_policy allow-all serves content to
#   viewers over unencrypted HTTP.
# scope: package
# custom:
#   id: TG-AWS-0100
#   peer_ids:
#     trivy: [AVD-AWS-0012]
#     checkov: [CKV_AWS_34]
#     kics: [31733ee2-fef0-4e87-9778-65da22a8ecf1, 55af1353-2f62-4fa0-a8e1-a210ca2708f5, a5366a50-932f-4085-896b-41402714a388]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set viewer_protocol_policy (ViewerProtocolPolicy) to redirect-to-https or https-only on every cache behavior.
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.cloudfront_https

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudfront_distribution"]
	some k in ["default_cache_behavior", "ordered_cache_behavior"]
	some b in aws.blocks(r.values, k)
	aws.get(b, "viewer_protocol_policy") == "allow-all"
	res := aws.res_at_key(sprintf("CloudFront distribution %s allows HTTP in %s", [r.address, k]), r, b, "viewer_protocol_policy")
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudFront::Distribution"]
	cfg := aws.get(r.Properties, "DistributionConfig")
	some b in array.concat([aws.get(cfg, "DefaultCacheBehavior")], aws.as_list(aws.get(cfg, "CacheBehaviors")))
	aws.get(b, "ViewerProtocolPolicy") == "allow-all"
	res := aws.res_at_key(sprintf("CloudFront distribution %s allows HTTP (ViewerProtocolPolicy allow-all)", [r.logical_id]), r, b, "ViewerProtocolPolicy")
}
