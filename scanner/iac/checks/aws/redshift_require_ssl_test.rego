package tollgate.iac.aws.redshift_require_ssl_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.redshift_require_ssl as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_redshift_parameter_group", {"family": "redshift-1.0", "parameter": [{"name": "require_ssl", "value": "false"}]})
	count(c.deny) == 1 with input as t.tf("aws_redshift_parameter_group", {"family": "redshift-1.0"})
	count(c.deny) == 0 with input as t.tf("aws_redshift_parameter_group", {"family": "redshift-1.0", "parameter": [{"name": "require_ssl", "value": "true"}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Redshift::ClusterParameterGroup", {"Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "false"}]})
	count(c.deny) == 0 with input as t.cfn("AWS::Redshift::ClusterParameterGroup", {"Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "true"}]})
}
