package tollgate.iac.aws.ssm_parameter_plaintext_secret_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ssm_parameter_plaintext_secret as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_ssm_parameter", {"name": "/app/db_password", "type": "String", "value": t.unknown})
	count(c.deny) == 0 with input as t.tf("aws_ssm_parameter", {"name": "/app/db_password", "type": "SecureString"})
	count(c.deny) == 0 with input as t.tf("aws_ssm_parameter", {"name": "/app/log_level", "type": "String"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::SSM::Parameter", {"Name": "/app/api-token", "Type": "String", "Value": "x"})
	count(c.deny) == 0 with input as t.cfn("AWS::SSM::Parameter", {"Name": "/app/endpoint", "Type": "String", "Value": "x"})
}
