package tollgate.iac.aws.cloudfront_https_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudfront_https as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_cloudfront_distribution", {"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]})
	count(c.deny) == 1 with input as t.tf("aws_cloudfront_distribution", {"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}], "ordered_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]})
	count(c.deny) == 0 with input as t.tf("aws_cloudfront_distribution", {"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"DefaultCacheBehavior": {"ViewerProtocolPolicy": "allow-all"}}})
	count(c.deny) == 0 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"DefaultCacheBehavior": {"ViewerProtocolPolicy": "redirect-to-https"}}})
}
