# METADATA
# title: MSK cluster allows unauthenticated clients
# description: >-
#   With unauthenticated access enabled, any client that can reach the
#   brokers can produce and consume on every topic.
# scope: package
# custom:
#   id: TG-AWS-0118
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Disable unauthenticated access and use IAM, SASL/SCRAM or mutual TLS client authentication.
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html]
#   cwe: [CWE-306]
package tollgate.iac.aws.msk_unauthenticated

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_msk_cluster"]
	aws.is_true(aws.dig(r.values, ["client_authentication", "unauthenticated"]))
	res := aws.res_path(sprintf("MSK cluster %s allows unauthenticated clients", [r.address]), r, ["client_authentication", "unauthenticated"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::MSK::Cluster"]
	aws.is_true(aws.path(r.Properties, ["ClientAuthentication", "Unauthenticated", "Enabled"]))
	res := aws.res_key(sprintf("MSK cluster %s allows unauthenticated clients", [r.logical_id]), r, "ClientAuthentication")
}
