# METADATA
# title: Redis cache allows unencrypted connections or old TLS
# description: >-
#   The non-SSL port (6379) sends data and the access key in clear text;
#   minimum_tls_version 1.0/1.1 allows deprecated TLS.
# scope: package
# custom:
#   id: TG-AZURE-0035
#   peer_ids:
#     checkov: [CKV_AZURE_91]
#     kics: [e29a75e6-aba3-4896-b42d-b87818c16b58]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set non_ssl_port_enabled (enable_non_ssl_port) = false and minimum_tls_version = "1.2".'
#   references: [https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports]
#   cwe: [CWE-319]
package tollgate.iac.azure.redis_non_ssl_port

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_redis_cache")
	some key in ["enable_non_ssl_port", "non_ssl_port_enabled"]
	cloud.on(cloud.get(r.values, key))
	res := cloud.res(sprintf("Redis cache %s enables the non-SSL port", [r.address]), r, r.values, key)
}

deny contains res if {
	some r in cloud.tf("azurerm_redis_cache")
	cloud.tls_below_12(cloud.get(r.values, "minimum_tls_version"))
	res := cloud.res(sprintf("Redis cache %s allows TLS %s", [r.address, r.values.minimum_tls_version]), r, r.values, "minimum_tls_version")
}
