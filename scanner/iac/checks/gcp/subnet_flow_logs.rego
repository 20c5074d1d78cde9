# METADATA
# title: VPC subnetwork has no flow logs
# description: >-
#   Without VPC flow logs there is no record of the network connections
#   made in the subnet, which hampers incident investigation.
# scope: package
# custom:
#   id: TG-GCP-0035
#   peer_ids:
#     trivy: [AVD-GCP-0029, AVD-GCP-0076]
#     checkov: [CKV_GCP_26]
#     kics: [40430747-442d-450a-a34f-dc57149f4609]
#   severity: LOW
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Add a log_config block (aggregation_interval, flow_sampling, metadata) to google_compute_subnetwork.'
#   references: [https://cloud.google.com/vpc/docs/using-flow-logs]
#   cwe: [CWE-778]
package tollgate.iac.gcp.subnet_flow_logs

import data.lib.cloud
import data.lib.iac

proxy_purposes := {"INTERNAL_HTTPS_LOAD_BALANCER", "REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

deny contains res if {
	some r in cloud.tf("google_compute_subnetwork")
	purpose := cloud.get(r.values, "purpose")
	not cloud.unknown(purpose)
	not purpose in proxy_purposes
	cloud.no_block(r.values, "log_config")
	res := iac.result(sprintf("Subnetwork %s has no flow logs", [r.address]), r)
}
