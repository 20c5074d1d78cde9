# METADATA
# title: AWS Config aggregator does not cover all regions
# description: >-
#   An aggregator limited to some regions leaves resources created elsewhere (often by an attacker, in an unused region) out of the compliance view.
# scope: package
# custom:
#   id: TG-AWS-0139
#   peer_ids:
#     checkov: [CKV_AWS_121]
#     kics: [ac5a0bc0-a54c-45aa-90c3-15f7703b9132, 9f3cf08e-72a2-4eb1-8007-e3b1b0e10d4d]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set all_regions = true (AllAwsRegions: true) in the aggregation source.'
#   references: [https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.config_aggregator_all_regions

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_config_configuration_aggregator"]
	some key in ["account_aggregation_source", "organization_aggregation_source"]
	some src in aws.blocks(aws.props(r), key)
	v := aws.get(src, "all_regions")
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_at_key(sprintf("Config aggregator %s does not cover all regions", [aws.rid(r)]), r, src, "all_regions")
}

deny contains res if {
	some r in aws.cfn_index["AWS::Config::ConfigurationAggregator"]
	some src in _cfn_sources(aws.props(r))
	v := aws.get(src, "AllAwsRegions")
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_at_key(sprintf("Config aggregator %s does not cover all regions", [aws.rid(r)]), r, src, "AllAwsRegions")
}

_cfn_sources(p) := array.concat(aws.as_list(aws.get(p, "AccountAggregationSources")), aws.as_list(aws.get(p, "OrganizationAggregationSource")))
