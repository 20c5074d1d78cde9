package tollgate.iac.aws.wafv2_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.wafv2_logging as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_wafv2_web_acl", {"name": "acl"})
	acl := t.tfrn("aws_wafv2_web_acl", "acl", {"name": "acl"})
	log := t.tfrn("aws_wafv2_web_acl_logging_configuration", "l", {"resource_arn": t.ref("aws_wafv2_web_acl.acl"), "log_destination_configs": ["arn"]})
	count(c.deny) == 0 with input as t.tfdoc([acl, log])
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::WAFv2::WebACL", {"Scope": "REGIONAL"})
	doc := t.cfndoc({"Acl": t.cfnr("AWS::WAFv2::WebACL", {}), "Log": t.cfnr("AWS::WAFv2::LoggingConfiguration", {"ResourceArn": {"Fn::GetAtt": ["Acl", "Arn"]}})})
	count(c.deny) == 0 with input as doc
}
