# METADATA
# title: EKS cluster API endpoint is open to the internet
# description: >-
#   The Kubernetes API server endpoint is public (the default) and reachable
#   from 0.0.0.0/0, exposing it to credential attacks and API vulnerabilities
#   from anywhere.
# scope: package
# custom:
#   id: TG-AWS-0108
#   peer_ids:
#     trivy: [AVD-AWS-0040, AVD-AWS-0041]
#     checkov: [CKV_AWS_38, CKV_AWS_39]
#     kics: [42f4b905-3736-4213-bfe9-c0660518cda8, 61cf9883-1752-4768-b18c-0d57f2737709]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set endpoint_public_access = false (EndpointPublicAccess: false) with private access on, or restrict public_access_cidrs (PublicAccessCidrs) to known networks.'
#   references: [https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.eks_public_endpoint

import data.lib.aws

open_cidrs(cidrs) if aws.unset(cidrs)

open_cidrs(cidrs) if {
	some c in aws.as_list(cidrs)
	aws.open_cidr(c)
}

deny contains res if {
	some r in aws.tf_index["aws_eks_cluster"]
	some vc in aws.blocks(r.values, "vpc_config")
	pub := aws.get(vc, "endpoint_public_access")
	not aws.is_false(pub)
	not aws.unknown(pub)
	cidrs := aws.get(vc, "public_access_cidrs")
	not aws.unknown(cidrs)
	open_cidrs(cidrs)
	res := aws.res_at_key(sprintf("EKS cluster %s has a public API endpoint open to 0.0.0.0/0", [r.address]), r, vc, "public_access_cidrs")
}

deny contains res if {
	some r in aws.cfn_index["AWS::EKS::Cluster"]
	vc := aws.get(r.Properties, "ResourcesVpcConfig")
	is_object(vc)
	not aws.unknown(vc)
	pub := aws.get(vc, "EndpointPublicAccess")
	not aws.is_false(pub)
	not aws.unknown(pub)
	cidrs := aws.get(vc, "PublicAccessCidrs")
	not aws.unknown(cidrs)
	open_cidrs(cidrs)
	res := aws.res_at_key(sprintf("EKS cluster %s has a public API endpoint open to 0.0.0.0/0", [r.logical_id]), r, vc, "PublicAccessCidrs")
}
