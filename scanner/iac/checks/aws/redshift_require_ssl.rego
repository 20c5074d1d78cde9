# METADATA
# title: Redshift parameter group does not require SSL
# description: >-
#   Without require_ssl = true, clients can connect to the Redshift cluster
#   without TLS and send queries, results and credentials in plain text.
# scope: package
# custom:
#   id: TG-AWS-0054
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add a parameter { name = "require_ssl", value = "true" } to the cluster parameter group.
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.redshift_require_ssl

import data.lib.aws

requires_ssl(params, n, v) if {
	some p in params
	aws.get(p, n) == "require_ssl"
	not aws.is_false(aws.get(p, v))
}

deny contains res if {
	some r in aws.tf_index["aws_redshift_parameter_group"]
	ps := aws.get(r.values, "parameter")
	not aws.unknown(ps)
	not requires_ssl(aws.as_list(ps), "name", "value")
	res := aws.res(sprintf("Redshift parameter group %s does not set require_ssl = true", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::Redshift::ClusterParameterGroup"]
	ps := aws.get(r.Properties, "Parameters")
	not aws.unknown(ps)
	not requires_ssl(aws.as_list(ps), "ParameterName", "ParameterValue")
	res := aws.res(sprintf("Redshift parameter group %s does not set require_ssl = true", [r.logical_id]), r)
}
