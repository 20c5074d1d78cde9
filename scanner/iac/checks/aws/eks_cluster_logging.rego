# METADATA
# title: EKS control plane audit logging is not enabled
# description: >-
#   Without the api and audit control plane logs, calls to the Kubernetes API
#   server of the cluster are not recorded.
# scope: package
# custom:
#   id: TG-AWS-0095
#   peer_ids:
#     trivy: [AVD-AWS-0038]
#     checkov: [CKV_AWS_37]
#     kics: [37304d3f-f852-40b8-ae3f-725e87a7cedf]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set enabled_cluster_log_types to include "api" and "audit" (Logging: ClusterLogging: EnabledTypes).'
#   references: [https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.eks_cluster_logging

import data.lib.aws

missing(types) if {
	not aws.unknown(types)
	some t in ["api", "audit"]
	not t in {x | some x in aws.as_list(types)}
}

missing_cfn(types) if {
	not aws.unknown(types)
	some t in ["api", "audit"]
	not t in {x | some e in aws.as_list(types); x := object.get(e, "Type", "")}
}

deny contains res if {
	some r in aws.tf_index["aws_eks_cluster"]
	v := aws.dig(aws.props(r), ["enabled_cluster_log_types"])
	missing(v)
	res := aws.res_path(sprintf("EKS cluster %s does not enable the api and audit control plane logs", [aws.rid(r)]), r, ["enabled_cluster_log_types"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EKS::Cluster"]
	v := aws.dig(aws.props(r), ["Logging", "ClusterLogging", "EnabledTypes"])
	missing_cfn(v)
	res := aws.res_path(sprintf("EKS cluster %s does not enable the api and audit control plane logs", [aws.rid(r)]), r, ["Logging", "ClusterLogging", "EnabledTypes"])
}
