# METADATA
# title: MSK cluster brokers are publicly accessible
# description: >-
#   Public access (SERVICE_PROVIDED_EIPS) gives the Kafka brokers public IP
#   addresses reachable from the internet.
# scope: package
# custom:
#   id: TG-AWS-0117
#   peer_ids:
#     kics: [0ce1ba20-8ba8-4364-836f-40c24b8cb0ab, 54378d69-dd7c-4b08-a43e-80d563396857]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Keep public_access type DISABLED and connect through the VPC, PrivateLink or a VPN.
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.msk_public_access

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_msk_cluster"]
	v := aws.dig(r.values, ["broker_node_group_info", "connectivity_info", "public_access", "type"])
	v == "SERVICE_PROVIDED_EIPS"
	res := aws.res_path(sprintf("MSK cluster %s brokers are publicly accessible", [r.address]), r, ["broker_node_group_info", "connectivity_info", "public_access", "type"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::MSK::Cluster"]
	v := aws.path(r.Properties, ["BrokerNodeGroupInfo", "ConnectivityInfo", "PublicAccess", "Type"])
	v == "SERVICE_PROVIDED_EIPS"
	res := aws.res_key(sprintf("MSK cluster %s brokers are publicly accessible", [r.logical_id]), r, "BrokerNodeGroupInfo")
}
