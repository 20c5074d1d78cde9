# METADATA
# title: User-managed service account key
# description: >-
#   google_service_account_key creates a long-lived credential whose
#   private key ends up in the Terraform state and can leak; it does not
#   expire by default.
# scope: package
# custom:
#   id: TG-GCP-0027
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Use workload identity federation, attached service accounts or short-lived tokens instead of exported keys.'
#   references: [https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys]
#   cwe: [CWE-798]
package tollgate.iac.gcp.iam_service_account_key

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_service_account_key")
	res := iac.result(sprintf("%s creates a user-managed service account key", [r.address]), r)
}
