package tollgate.iac.aws.emr_security_configuration_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.emr_security_configuration as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_emr_cluster", {"name": "e"})
	count(c.deny) == 0 with input as t.tf("aws_emr_cluster", {"name": "e", "security_configuration": "sec"})
	count(c.deny) == 0 with input as t.tf("aws_emr_cluster", {"name": "e", "security_configuration": t.ref("aws_emr_security_configuration.s.name")})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EMR::Cluster", {"Name": "e"})
	count(c.deny) == 0 with input as t.cfn("AWS::EMR::Cluster", {"SecurityConfiguration": {"Ref": "Sec"}})
}
