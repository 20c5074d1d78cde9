package tollgate.iac.aws.eks_secrets_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.eks_secrets_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_eks_cluster", {"name": "c"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_eks_cluster", {"encryption_config": [{"resources": ["secrets"]}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::EKS::Cluster", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::EKS::Cluster", {"EncryptionConfig": [{"Resources": ["secrets"]}]})
}
