# METADATA
# title: WAFv2 web ACL has no logging
# description: >-
#   Without a logging configuration the requests a web ACL allowed or blocked are not recorded, so attacks and false positives cannot be investigated.
# scope: package
# custom:
#   id: TG-AWS-0132
#   peer_ids:
#     checkov: [CKV2_AWS_31]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add an aws_wafv2_web_acl_logging_configuration (AWS::WAFv2::LoggingConfiguration) for the web ACL.'
#   references: [https://docs.aws.amazon.com/waf/latest/developerguide/logging.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.wafv2_logging

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_wafv2_web_acl"]
	count(aws.linked("aws_wafv2_web_acl_logging_configuration", "resource_arn", r)) == 0
	res := aws.res(sprintf("WAFv2 web ACL %s has no logging configuration", [aws.rid(r)]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::WAFv2::WebACL"]
	count(aws.cfn_linked("AWS::WAFv2::LoggingConfiguration", ["ResourceArn"], r.logical_id)) == 0
	res := aws.res(sprintf("WAFv2 web ACL %s has no logging configuration", [aws.rid(r)]), r)
}
