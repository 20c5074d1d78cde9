package tollgate.iac.aws.cloudfront_waf_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudfront_waf as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_cloudfront_distribution", {"enabled": true})
	count(c.deny) == 0 with input as t.tf("aws_cloudfront_distribution", {"web_acl_id": t.ref("aws_wafv2_web_acl.w")})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"Enabled": true}})
	count(c.deny) == 0 with input as t.cfn("AWS::CloudFront::Distribution", {"DistributionConfig": {"WebACLId": {"Fn::GetAtt": ["W", "Arn"]}}})
}
