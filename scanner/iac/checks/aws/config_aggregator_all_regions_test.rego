package tollgate.iac.aws.config_aggregator_all_regions_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.config_aggregator_all_regions as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_config_configuration_aggregator", {"account_aggregation_source": [{"account_ids": ["1"], "regions": ["us-east-1"]}]})
	count(c.deny) == 0 with input as t.tf("aws_config_configuration_aggregator", {"account_aggregation_source": [{"account_ids": ["1"], "all_regions": true}]})
	count(c.deny) == 0 with input as t.tf("aws_config_configuration_aggregator", {"organization_aggregation_source": [{"role_arn": "r", "all_regions": t.unknown}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Config::ConfigurationAggregator", {"OrganizationAggregationSource": {"RoleArn": "r", "AwsRegions": ["eu-west-1"]}})
	count(c.deny) == 0 with input as t.cfn("AWS::Config::ConfigurationAggregator", {"AccountAggregationSources": [{"AccountIds": ["1"], "AllAwsRegions": true}]})
}
