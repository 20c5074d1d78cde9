package tollgate.iac.aws.kms_policy_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.kms_policy_public as c

public := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}

root := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_kms_key", {"policy": json.marshal(public)})
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {"policy": json.marshal(root)})
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::KMS::Key", {"KeyPolicy": public})
	count(c.deny) == 0 with input as t.cfn("AWS::KMS::Key", {"KeyPolicy": root})
}
