package tollgate.iac.aws.redshift_audit_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.redshift_audit_logging as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_redshift_cluster", {"cluster_identifier": "c"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_redshift_cluster", {"logging": [{"enable": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Redshift::Cluster", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Redshift::Cluster", {"LoggingProperties": {"BucketName": "logs"}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_redshift_cluster", {"cluster_identifier": "c", "logging": {"enable": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Redshift::Cluster", {"LoggingProperties": {"Ref": "SomeParameter"}})
}

test_tf_separate_logging if {
	doc := t.tfdoc([t.tfr("aws_redshift_cluster", {"cluster_identifier": "c"}), t.tfrn("aws_redshift_logging", "l", {"cluster_identifier": t.ref("aws_redshift_cluster.this"), "log_destination_type": "cloudwatch"})])
	count(c.deny) == 0 with input as doc
}
