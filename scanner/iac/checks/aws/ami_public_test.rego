package tollgate.iac.aws.ami_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ami_public as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_ami_launch_permission", {"image_id": "ami-1", "group": "all"})
	count(c.deny) == 0 with input as t.tf("aws_ami_launch_permission", {"image_id": "ami-1", "account_id": "111122223333"})
}
