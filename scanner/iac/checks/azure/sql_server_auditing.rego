# METADATA
# title: SQL server has no auditing
# description: >-
#   Without an extended auditing policy database events are not
#   recorded, so suspicious access cannot be detected or investigated.
# scope: package
# custom:
#   id: TG-AZURE-0010
#   peer_ids:
#     trivy: [AVD-AZU-0027]
#     checkov: [CKV_AZURE_23]
#     kics: [f7e296b0-6660-4bc5-8f87-22ac4a815edf, 609839ae-bd81-4375-9910-5bce72ae7b92]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Add an azurerm_mssql_server_extended_auditing_policy for the server (or the inline extended_auditing_policy block on older providers).'
#   references: [https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview]
#   cwe: [CWE-778]
package tollgate.iac.azure.sql_server_auditing

import data.lib.cloud
import data.lib.iac

policy_types := ["azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_server_security_alert_policy_audit"]

deny contains res if {
	some type in ["azurerm_mssql_server", "azurerm_sql_server"]
	some r in cloud.tf(type)
	cloud.no_block(r.values, "extended_auditing_policy")
	not _audited(r)
	not _unresolved_policy
	res := iac.result(sprintf("SQL server %s has no auditing policy", [r.address]), r)
}

_audited(r) if {
	some type in policy_types
	some p in cloud.tf(type)
	iac.references(cloud.get(p.values, "server_id"), r)
}

# a policy whose server cannot be resolved may belong to any server
_unresolved_policy if {
	some p in cloud.tf("azurerm_mssql_server_extended_auditing_policy")
	v := cloud.get(p.values, "server_id")
	cloud.unknown(v)
	not v.__ref
}
