# METADATA
# title: ElastiCache replication group does not encrypt in transit
# description: >-
#   Clients talk to the cache (and nodes replicate) in plain text, exposing
#   cached data and AUTH tokens on the network.
# scope: package
# custom:
#   id: TG-AWS-0056
#   peer_ids:
#     trivy: [AVD-AWS-0051]
#     checkov: [CKV_AWS_30]
#     kics: [1afbb3fa-cf6c-4a3d-b730-95e9f4df343e, 3b02569b-fc6f-4153-b3a3-ba91022fed68]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set transit_encryption_enabled = true (TransitEncryptionEnabled: true).'
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.elasticache_in_transit

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_elasticache_replication_group"]
	v := aws.dig(aws.props(r), ["transit_encryption_enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("ElastiCache replication group %s does not encrypt traffic in transit", [aws.rid(r)]), r, ["transit_encryption_enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElastiCache::ReplicationGroup"]
	v := aws.dig(aws.props(r), ["TransitEncryptionEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("ElastiCache replication group %s does not encrypt traffic in transit", [aws.rid(r)]), r, ["TransitEncryptionEnabled"])
}
