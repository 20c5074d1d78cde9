# METADATA
# title: ECR repository does not scan images on push
# description: >-
#   Images pushed to the repository are not scanned for known vulnerabilities.
# scope: package
# custom:
#   id: TG-AWS-0081
#   peer_ids:
#     trivy: [AVD-AWS-0030]
#     checkov: [CKV_AWS_163]
#     kics: [9025b2b3-e554-4842-ba87-db7aeec36d35, 9630336b-3fed-4096-8173-b9afdfe346a7]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add image_scanning_configuration { scan_on_push = true } (ImageScanningConfiguration: ScanOnPush: true), or configure registry-level enhanced scanning.'
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html]
#   cwe: [CWE-1104]
package tollgate.iac.aws.ecr_scan_on_push

import data.lib.aws

registry_scanning if count(aws.tf_index["aws_ecr_registry_scanning_configuration"]) > 0

deny contains res if {
	some r in aws.tf_index["aws_ecr_repository"]
	v := aws.dig(aws.props(r), ["image_scanning_configuration", "scan_on_push"])
	not aws.unknown(v)
	aws.off(v)
	not registry_scanning
	res := aws.res_path(sprintf("ECR repository %s does not scan images on push", [aws.rid(r)]), r, ["image_scanning_configuration", "scan_on_push"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ECR::Repository"]
	v := aws.dig(aws.props(r), ["ImageScanningConfiguration", "ScanOnPush"])
	not aws.unknown(v)
	aws.off(v)
	count(aws.cfn("AWS::ECR::RegistryScanningConfiguration")) == 0
	res := aws.res_path(sprintf("ECR repository %s does not scan images on push", [aws.rid(r)]), r, ["ImageScanningConfiguration", "ScanOnPush"])
}
