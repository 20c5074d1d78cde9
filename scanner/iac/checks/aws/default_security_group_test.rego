package tollgate.iac.aws.default_security_group_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.default_security_group as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_default_security_group", {"vpc_id": t.unknown, "ingress": [{"protocol": -1, "self": true, "from_port": 0, "to_port": 0}]})
	count(c.deny) == 0 with input as t.tf("aws_default_security_group", {"vpc_id": t.unknown})
	count(c.deny) == 0 with input as t.tf("aws_default_security_group", {"vpc_id": t.unknown, "ingress": []})
}
