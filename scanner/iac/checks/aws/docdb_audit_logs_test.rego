package tollgate.iac.aws.docdb_audit_logs_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.docdb_audit_logs as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_docdb_cluster", {"cluster_identifier": "d"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_docdb_cluster", {"enabled_cloudwatch_logs_exports": ["audit", "profiler"]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::DocDB::DBCluster", {"EnableCloudwatchLogsExports": ["profiler"]})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::DocDB::DBCluster", {"EnableCloudwatchLogsExports": ["audit"]})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_docdb_cluster", {"cluster_identifier": "d", "enabled_cloudwatch_logs_exports": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::DocDB::DBCluster", {"EnableCloudwatchLogsExports": {"Ref": "SomeParameter"}})
}
