package tollgate.iac.aws.config_recorder_all_resources_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.config_recorder_all_resources as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_config_configuration_recorder", {"recording_group": [{"all_supported": false}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_config_configuration_recorder", {"recording_group": [{"all_supported": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Config::ConfigurationRecorder", {"RecordingGroup": {"AllSupported": false}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Config::ConfigurationRecorder", {"RecordingGroup": {"AllSupported": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_config_configuration_recorder", {"recording_group": [{"all_supported": {"__unknown": true}}]})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Config::ConfigurationRecorder", {"RecordingGroup": {"AllSupported": {"Ref": "SomeParameter"}}})
}
