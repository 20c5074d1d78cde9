package tollgate.iac.aws.ec2_user_data_secrets_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ec2_user_data_secrets as c

script := "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAZ7FAKEFAKEFAKE23\n"

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_instance", {"user_data": script})
	count(c.deny) == 1 with input as t.tf("aws_launch_template", {"user_data": base64.encode("DB_PASSWORD=correct-horse-battery")})
	count(c.deny) == 0 with input as t.tf("aws_instance", {"user_data": "#!/bin/bash\nyum -y update\nPASSWORD=$(aws ssm get-parameter --name db)\n"})
	count(c.deny) == 0 with input as t.tf("aws_instance", {"user_data": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::Instance", {"UserData": {"Fn::Base64": {"Fn::Sub": "#!/bin/bash\necho password=Plaintext123 > /etc/app.conf\n"}}})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Instance", {"UserData": {"Fn::Base64": {"Fn::Sub": "#!/bin/bash\n/opt/aws/bin/cfn-init -s ${AWS::StackName}\n"}}})
}
