# METADATA
# title: Container registry allows anonymous pull
# description: >-
#   With anonymous pull enabled anyone who can reach the registry can
#   download its images, and with them any secret or internal code baked in.
# scope: package
# custom:
#   id: TG-AZURE-0042
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Remove anonymous_pull_enabled or set it to false; grant AcrPull to identities instead.'
#   references: [https://learn.microsoft.com/en-us/azure/container-registry/anonymous-pull-access]
#   cwe: [CWE-284]
package tollgate.iac.azure.acr_anonymous_pull

import data.lib.cloud

deny contains res if {
	some r in cloud.tf("azurerm_container_registry")
	cloud.on(cloud.get(r.values, "anonymous_pull_enabled"))
	res := cloud.res(sprintf("Container registry %s allows anonymous pull", [r.address]), r, r.values, "anonymous_pull_enabled")
}
