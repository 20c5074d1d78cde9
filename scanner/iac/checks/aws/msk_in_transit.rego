# METADATA
# title: MSK cluster allows plaintext traffic
# description: >-
#   The Kafka cluster accepts plaintext client connections (PLAINTEXT or
#   TLS_PLAINTEXT) or does not encrypt traffic between brokers.
# scope: package
# custom:
#   id: TG-AWS-0065
#   peer_ids:
#     trivy: [AVD-AWS-0073]
#     checkov: [CKV_AWS_81]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set encryption_in_transit client_broker = "TLS" and in_cluster = true (EncryptionInTransit ClientBroker TLS, InCluster true).'
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.msk_in_transit

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_msk_cluster"]
	v := aws.dig(aws.props(r), ["encryption_info", "encryption_in_transit", "client_broker"])
	v in {"PLAINTEXT", "TLS_PLAINTEXT"}
	res := aws.res_path(sprintf("MSK cluster %s allows unencrypted traffic", [aws.rid(r)]), r, ["encryption_info", "encryption_in_transit", "client_broker"])
}

deny contains res if {
	some r in aws.tf_index["aws_msk_cluster"]
	v := aws.dig(aws.props(r), ["encryption_info", "encryption_in_transit", "in_cluster"])
	v == false
	res := aws.res_path(sprintf("MSK cluster %s allows unencrypted traffic", [aws.rid(r)]), r, ["encryption_info", "encryption_in_transit", "in_cluster"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::MSK::Cluster"]
	v := aws.dig(aws.props(r), ["EncryptionInfo", "EncryptionInTransit", "ClientBroker"])
	v in {"PLAINTEXT", "TLS_PLAINTEXT"}
	res := aws.res_path(sprintf("MSK cluster %s allows unencrypted traffic", [aws.rid(r)]), r, ["EncryptionInfo", "EncryptionInTransit", "ClientBroker"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::MSK::Cluster"]
	v := aws.dig(aws.props(r), ["EncryptionInfo", "EncryptionInTransit", "InCluster"])
	v in {false, "false"}
	res := aws.res_path(sprintf("MSK cluster %s allows unencrypted traffic", [aws.rid(r)]), r, ["EncryptionInfo", "EncryptionInTransit", "InCluster"])
}
