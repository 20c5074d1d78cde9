package tollgate.iac.aws.iam_password_policy_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_password_policy as c

strong := {"minimum_password_length": 16, "require_lowercase_characters": true, "require_uppercase_characters": true, "require_numbers": true, "require_symbols": true, "password_reuse_prevention": 24, "max_password_age": 90}

test_tf if {
	count(c.deny) == 0 with input as t.tf("aws_iam_account_password_policy", strong)
	count(c.deny) == 1 with input as t.tf("aws_iam_account_password_policy", object.union(strong, {"minimum_password_length": 8}))
	count(c.deny) == 7 with input as t.tf("aws_iam_account_password_policy", {})
	count(c.deny) == 0 with input as t.tf("aws_iam_account_password_policy", object.union(strong, {"minimum_password_length": t.unknown}))
}
