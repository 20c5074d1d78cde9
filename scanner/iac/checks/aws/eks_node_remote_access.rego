# METADATA
# title: EKS node group allows SSH from anywhere
# description: >-
#   A node group with remote access (an SSH key) but no source security
#   groups opens port 22 on every node to 0.0.0.0/0.
# scope: package
# custom:
#   id: TG-AWS-0109
#   peer_ids:
#     checkov: [CKV_AWS_100]
#     kics: [ba40ace1-a047-483c-8a8d-bc2d3a67a82d, 73d59e76-a12c-4b74-a3d8-d3e1e19c25b3]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Remove remote_access, or set source_security_group_ids (SourceSecurityGroups) to a bastion's security group; prefer SSM Session Manager.
#   references: [https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.eks_node_remote_access

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_eks_node_group"]
	some ra in aws.blocks(r.values, "remote_access")
	not aws.unset(aws.get(ra, "ec2_ssh_key"))
	aws.absent(ra, "source_security_group_ids")
	res := aws.res_at(sprintf("EKS node group %s allows SSH from 0.0.0.0/0 (no source_security_group_ids)", [r.address]), r, ra)
}

deny contains res if {
	some r in aws.cfn_index["AWS::EKS::Nodegroup"]
	ra := aws.get(r.Properties, "RemoteAccess")
	not aws.unset(aws.get(ra, "Ec2SshKey"))
	aws.absent(ra, "SourceSecurityGroups")
	res := aws.res_at(sprintf("EKS node group %s allows SSH from 0.0.0.0/0 (no SourceSecurityGroups)", [r.logical_id]), r, ra)
}
