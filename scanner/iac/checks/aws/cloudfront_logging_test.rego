package tollgate.iac.aws.cloudfront_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudfront_logging as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_cloudfront_distribution", {"enabled": true})
	count(c.deny) == 0 with input as t.tf("aws_cloudfront_distribution", {"logging_config": [{"bucket": "logs.s3.amazonaws.com"}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"Enabled": true}})
	count(c.deny) == 0 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"Logging": {"Bucket": "logs.s3.amazonaws.com"}}})
}
