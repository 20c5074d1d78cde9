package tollgate.iac.aws.opensearch_audit_logs_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.opensearch_audit_logs as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"log_publishing_options": [{"log_type": "INDEX_SLOW_LOGS"}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::OpenSearchService::Domain", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"LogPublishingOptions": {"AUDIT_LOGS": {"Enabled": true, "CloudWatchLogsLogGroupArn": "arn"}}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d", "log_publishing_options": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"LogPublishingOptions": {"Ref": "SomeParameter"}})
}
