package tollgate.iac.aws.cloudfront_tls_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudfront_tls as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_cloudfront_distribution", {"viewer_certificate": [{"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1"}]})
	count(c.deny) == 1 with input as t.tf("aws_cloudfront_distribution", {"viewer_certificate": [{"acm_certificate_arn": "arn"}]})
	count(c.deny) == 0 with input as t.tf("aws_cloudfront_distribution", {"viewer_certificate": [{"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2021"}]})
	count(c.deny) == 0 with input as t.tf("aws_cloudfront_distribution", {"viewer_certificate": [{"cloudfront_default_certificate": true}]})
	count(c.deny) == 0 with input as t.tf("aws_cloudfront_distribution", {"viewer_certificate": [{"acm_certificate_arn": "arn", "minimum_protocol_version": t.unknown}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"ViewerCertificate": {"AcmCertificateArn": "arn", "MinimumProtocolVersion": "TLSv1.1_2016"}}})
	count(c.deny) == 0 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"ViewerCertificate": {"AcmCertificateArn": "arn", "MinimumProtocolVersion": "TLSv1.2_2021"}}})
}
