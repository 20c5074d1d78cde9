# METADATA
# title: EMR cluster has no security configuration
# description: >-
#   Without a security configuration an EMR cluster encrypts neither its local disks, its S3 output nor the traffic between nodes, and uses no Kerberos authentication.
# scope: package
# custom:
#   id: TG-AWS-0135
#   peer_ids:
#     kics: [48af92a5-c89b-4936-bc62-1086fe2bab23]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Attach a security configuration (security_configuration / SecurityConfiguration) that enables at-rest and in-transit encryption.'
#   references: [https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.emr_security_configuration

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_emr_cluster"]
	aws.unset(aws.dig(aws.props(r), ["security_configuration"]))
	res := aws.res(sprintf("EMR cluster %s has no security configuration", [aws.rid(r)]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::EMR::Cluster"]
	aws.unset(aws.dig(aws.props(r), ["SecurityConfiguration"]))
	res := aws.res(sprintf("EMR cluster %s has no security configuration", [aws.rid(r)]), r)
}
