# METADATA
# title: EC2 block device is not encrypted
# description: >-
#   A root or EBS block device declared on the instance, launch template or
#   launch configuration is not encrypted.
# scope: package
# custom:
#   id: TG-AWS-0044
#   peer_ids:
#     trivy: [AVD-AWS-0131, AVD-AWS-0008]
#     checkov: [CKV_AWS_8]
#     kics: [40078463-6806-4bc0-b86e-7f121df601c1, 1f624961-9a18-4387-91c8-3856e1974b6f]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set encrypted = true on every root_block_device / ebs_block_device / block_device_mappings ebs block (Ebs: Encrypted: true), or enable aws_ebs_encryption_by_default.'
#   references: [https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.ec2_block_device_encryption

import data.lib.aws

default_encryption if {
	some d in aws.tf_index["aws_ebs_encryption_by_default"]
	not aws.is_false(aws.get(d.values, "enabled"))
}

unencrypted(dev) if {
	v := aws.get(dev, "encrypted")
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(dev, "snapshot_id"))
}

deny contains res if {
	not default_encryption
	some t in ["aws_instance", "aws_launch_configuration"]
	some r in aws.tf(t)
	some k in ["root_block_device", "ebs_block_device"]
	some dev in aws.blocks(r.values, k)
	unencrypted(dev)
	res := aws.res_at(sprintf("%s has an unencrypted %s", [r.address, k]), r, dev)
}

deny contains res if {
	not default_encryption
	some r in aws.tf_index["aws_launch_template"]
	some m in aws.blocks(r.values, "block_device_mappings")
	some dev in aws.blocks(m, "ebs")
	unencrypted(dev)
	res := aws.res_at(sprintf("Launch template %s has an unencrypted EBS block device", [r.address]), r, dev)
}

cfn_unencrypted(ebs) if {
	is_object(ebs)
	v := aws.get(ebs, "Encrypted")
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(ebs, "SnapshotId"))
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::Instance"]
	some m in aws.as_list(aws.get(r.Properties, "BlockDeviceMappings"))
	cfn_unencrypted(aws.get(m, "Ebs"))
	res := aws.res_at(sprintf("EC2 instance %s has an unencrypted EBS block device", [r.logical_id]), r, m)
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::LaunchTemplate"]
	some m in aws.as_list(aws.path(r.Properties, ["LaunchTemplateData", "BlockDeviceMappings"]))
	cfn_unencrypted(aws.get(m, "Ebs"))
	res := aws.res_at(sprintf("Launch template %s has an unencrypted EBS block device", [r.logical_id]), r, m)
}
