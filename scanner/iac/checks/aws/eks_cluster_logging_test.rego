package tollgate.iac.aws.eks_cluster_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.eks_cluster_logging as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_eks_cluster", {"name": "c"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_eks_cluster", {"enabled_cluster_log_types": ["api"]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_eks_cluster", {"enabled_cluster_log_types": ["api", "audit", "authenticator"]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::EKS::Cluster", {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "api"}]}}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::EKS::Cluster", {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "api"}, {"Type": "audit"}]}}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_eks_cluster", {"name": "c", "enabled_cluster_log_types": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::EKS::Cluster", {"Logging": {"ClusterLogging": {"EnabledTypes": {"Ref": "SomeParameter"}}}})
}
