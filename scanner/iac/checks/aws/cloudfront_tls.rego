# METADATA
# title: CloudFront distribution allows TLS versions below 1.2
# description: >-
#   With a custom certificate, the minimum protocol version (TLSv1 when
#   unset) lets viewers negotiate deprecated SSLv3, TLS 1.0 or TLS 1.1.
# scope: package
# custom:
#   id: TG-AWS-0101
#   peer_ids:
#     trivy: [AVD-AWS-0013]
#     checkov: [CKV_AWS_174]
#     kics: [dc17ee4b-ddf2-4e23-96e8-7a36abad1303, 00e5e55e-c2ff-46b3-a757-a7a1cd802456]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set viewer_certificate.minimum_protocol_version (MinimumProtocolVersion) to TLSv1.2_2021 or later.
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html]
#   cwe: [CWE-326]
package tollgate.iac.aws.cloudfront_tls

import data.lib.aws

weak := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"}

deny contains res if {
	some r in aws.tf_index["aws_cloudfront_distribution"]
	some vc in aws.blocks(r.values, "viewer_certificate")
	not aws.is_true(aws.get(vc, "cloudfront_default_certificate"))
	not aws.unknown(aws.get(vc, "cloudfront_default_certificate"))
	v := aws.get(vc, "minimum_protocol_version")
	weak_or_unset(v)
	res := aws.res_at_key(sprintf("CloudFront distribution %s allows TLS below 1.2 (minimum_protocol_version %v)", [r.address, v]), r, vc, "minimum_protocol_version")
}

weak_or_unset(v) if aws.unset(v)

weak_or_unset(v) if v in weak

deny contains res if {
	some r in aws.cfn_index["AWS::CloudFront::Distribution"]
	vc := aws.path(r.Properties, ["DistributionConfig", "ViewerCertificate"])
	is_object(vc)
	not aws.is_true(aws.get(vc, "CloudFrontDefaultCertificate"))
	not aws.unknown(aws.get(vc, "CloudFrontDefaultCertificate"))
	v := aws.get(vc, "MinimumProtocolVersion")
	weak_or_unset(v)
	res := aws.res_at_key(sprintf("CloudFront distribution %s allows TLS below 1.2 (MinimumProtocolVersion %v)", [r.logical_id, v]), r, vc, "MinimumProtocolVersion")
}
