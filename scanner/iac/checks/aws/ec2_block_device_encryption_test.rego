package tollgate.iac.aws.ec2_block_device_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ec2_block_device_encryption as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_instance", {"root_block_device": [{"volume_size": 20}]})
	count(c.deny) == 1 with input as t.tf("aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": "false"}]}]})
	count(c.deny) == 0 with input as t.tf("aws_instance", {"root_block_device": [{"volume_size": 20, "encrypted": true}]})
	count(c.deny) == 0 with input as t.tf("aws_instance", {"ami": "ami-1"})
	count(c.deny) == 0 with input as t.tfdoc([t.tfr("aws_instance", {"root_block_device": [{"volume_size": 20}]}), t.tfrn("aws_ebs_encryption_by_default", "d", {"enabled": true})])
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::Instance", {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20}}]})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Instance", {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20, "Encrypted": true}}]})
}
