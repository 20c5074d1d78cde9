package tollgate.iac.aws.ec2_imdsv2_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ec2_imdsv2 as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_instance", {"ami": "ami-1"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_instance", {"metadata_options": [{"http_tokens": "optional"}]})
}

test_tf_bad_3 if {
	count(c.deny) > 0 with input as t.tf("aws_launch_template", {"metadata_options": [{"http_tokens": "optional"}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_instance", {"metadata_options": [{"http_tokens": "required"}]})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_instance", {"metadata_options": [{"http_endpoint": "disabled"}]})
}

test_tf_good_3 if {
	count(c.deny) == 0 with input as t.tf("aws_instance", {"launch_template": [{"id": "lt-1"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {"ImageId": "ami-1"}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required"}}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_instance", {"ami": "ami-1", "metadata_options": {"http_tokens": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {"ImageId": "ami-1", "MetadataOptions": {"HttpTokens": {"Ref": "SomeParameter"}}}})
}
