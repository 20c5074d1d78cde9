package tollgate.iac.aws.cloudfront_origin_https_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudfront_origin_https as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_cloudfront_distribution", {"origin": [{"origin_id": "app", "custom_origin_config": [{"origin_protocol_policy": "http-only", "origin_ssl_protocols": ["TLSv1.2"]}]}]})
	count(c.deny) == 0 with input as t.tf("aws_cloudfront_distribution", {"origin": [{"origin_id": "app", "custom_origin_config": [{"origin_protocol_policy": "https-only", "origin_ssl_protocols": ["TLSv1.2"]}]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"Origins": [{"Id": "app", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["SSLv3", "TLSv1.2"]}}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"Origins": [{"Id": "app", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1.2"]}}]}})
}
