package tollgate.iac.aws.provider_hardcoded_credentials_test

import data.tollgate.iac.aws.provider_hardcoded_credentials as c

test_tf if {
	doc := {"resources": [], "providers": [{"name": "aws", "values": {"region": "us-east-1", "access_key": "AKIAZ7FAKEFAKEFAKE23", "secret_key": "fakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKE", "__keys": {"access_key": {"start_line": 3, "end_line": 3}}, "__loc": {"path": "providers.tf", "start_line": 1, "end_line": 5}}, "__loc": {"path": "providers.tf", "start_line": 1, "end_line": 5}}]}
	count(c.deny) == 2 with input as doc
	some r in c.deny with input as doc
	r.path == "providers.tf"
}

test_tf_negative if {
	doc := {"resources": [], "providers": [{"name": "aws", "values": {"region": "us-east-1", "access_key": {"__unknown": true}, "profile": "ci"}, "__loc": {"path": "providers.tf", "start_line": 1, "end_line": 5}}]}
	count(c.deny) == 0 with input as doc
}
