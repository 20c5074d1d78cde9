# METADATA
# title: ECR repository allows mutable image tags
# description: >-
#   With mutable tags, a pushed image can silently replace the one a tag
#   pointed to, so deployments by tag may run unreviewed code.
# scope: package
# custom:
#   id: TG-AWS-0082
#   peer_ids:
#     trivy: [AVD-AWS-0031]
#     checkov: [CKV_AWS_51]
#     kics: [33f41d31-86b1-46a4-81f7-9c9a671f59ac, d1846b12-20c5-4d45-8798-fc35b79268eb]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set image_tag_mutability = "IMMUTABLE" (ImageTagMutability: IMMUTABLE).'
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html]
#   cwe: [CWE-494]
package tollgate.iac.aws.ecr_immutable_tags

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ecr_repository"]
	v := aws.dig(aws.props(r), ["image_tag_mutability"])
	aws.unset_or_not_in(v, {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"})
	res := aws.res_path(sprintf("ECR repository %s allows mutable image tags", [aws.rid(r)]), r, ["image_tag_mutability"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ECR::Repository"]
	v := aws.dig(aws.props(r), ["ImageTagMutability"])
	aws.unset_or_not_in(v, {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"})
	res := aws.res_path(sprintf("ECR repository %s allows mutable image tags", [aws.rid(r)]), r, ["ImageTagMutability"])
}
