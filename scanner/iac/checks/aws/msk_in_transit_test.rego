package tollgate.iac.aws.msk_in_transit_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.msk_in_transit as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_msk_cluster", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS_PLAINTEXT"}]}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_msk_cluster", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS", "in_cluster": true}]}]})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_msk_cluster", {})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::MSK::Cluster", {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "PLAINTEXT"}}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::MSK::Cluster", {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "TLS"}}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_msk_cluster", {"encryption_info": [{"encryption_in_transit": [{"client_broker": {"__unknown": true}}]}]})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::MSK::Cluster", {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": {"Ref": "SomeParameter"}}}})
}
