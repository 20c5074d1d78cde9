# METADATA
# title: CloudFront talks to a custom origin over HTTP or SSLv3
# description: >-
#   A custom origin with origin_protocol_policy http-only (or SSLv3 allowed)
#   carries viewer traffic unencrypted, or weakly encrypted, between
#   CloudFront and the origin.
# scope: package
# custom:
#   id: TG-AWS-0104
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set origin_protocol_policy = "https-only" (OriginProtocolPolicy) and origin_ssl_protocols = ["TLSv1.2"].
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.cloudfront_origin_https

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudfront_distribution"]
	some o in aws.blocks(r.values, "origin")
	some c in aws.blocks(o, "custom_origin_config")
	aws.get(c, "origin_protocol_policy") == "http-only"
	res := aws.res_at_key(sprintf("CloudFront distribution %s reaches origin %v over plain HTTP", [r.address, aws.get(o, "origin_id")]), r, c, "origin_protocol_policy")
}

deny contains res if {
	some r in aws.tf_index["aws_cloudfront_distribution"]
	some o in aws.blocks(r.values, "origin")
	some c in aws.blocks(o, "custom_origin_config")
	not aws.get(c, "origin_protocol_policy") == "http-only"
	"SSLv3" in aws.as_list(aws.get(c, "origin_ssl_protocols"))
	res := aws.res_at_key(sprintf("CloudFront distribution %s allows SSLv3 to origin %v", [r.address, aws.get(o, "origin_id")]), r, c, "origin_ssl_protocols")
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudFront::Distribution"]
	some o in aws.as_list(aws.path(r.Properties, ["DistributionConfig", "Origins"]))
	c := aws.get(o, "CustomOriginConfig")
	aws.get(c, "OriginProtocolPolicy") == "http-only"
	res := aws.res_at_key(sprintf("CloudFront distribution %s reaches origin %v over plain HTTP", [r.logical_id, aws.get(o, "Id")]), r, c, "OriginProtocolPolicy")
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudFront::Distribution"]
	some o in aws.as_list(aws.path(r.Properties, ["DistributionConfig", "Origins"]))
	c := aws.get(o, "CustomOriginConfig")
	not aws.get(c, "OriginProtocolPolicy") == "http-only"
	"SSLv3" in aws.as_list(aws.get(c, "OriginSSLProtocols"))
	res := aws.res_at_key(sprintf("CloudFront distribution %s allows SSLv3 to origin %v", [r.logical_id, aws.get(o, "Id")]), r, c, "OriginSSLProtocols")
}
