package tollgate.iac.aws.ecr_immutable_tags_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ecr_immutable_tags as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_ecr_repository", {"name": "r"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_ecr_repository", {"image_tag_mutability": "MUTABLE"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_ecr_repository", {"image_tag_mutability": "IMMUTABLE"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ECR::Repository", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ECR::Repository", {"ImageTagMutability": "IMMUTABLE"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_ecr_repository", {"name": "r", "image_tag_mutability": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ECR::Repository", {"ImageTagMutability": {"Ref": "SomeParameter"}})
}
