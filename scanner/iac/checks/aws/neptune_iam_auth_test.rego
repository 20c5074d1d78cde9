package tollgate.iac.aws.neptune_iam_auth_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.neptune_iam_auth as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_neptune_cluster", {"cluster_identifier": "n"})
	count(c.deny) == 1 with input as t.tf("aws_neptune_cluster", {"iam_database_authentication_enabled": false})
	count(c.deny) == 0 with input as t.tf("aws_neptune_cluster", {"iam_database_authentication_enabled": true})
	count(c.deny) == 0 with input as t.tf("aws_neptune_cluster", {"iam_database_authentication_enabled": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Neptune::DBCluster", {})
	count(c.deny) == 0 with input as t.cfn("AWS::Neptune::DBCluster", {"IamAuthEnabled": true})
}
