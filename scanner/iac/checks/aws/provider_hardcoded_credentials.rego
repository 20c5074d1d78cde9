# METADATA
# title: AWS provider has hard-coded credentials
# description: >-
#   The aws provider block contains a literal access_key / secret_key (or
#   token): the credentials are committed with the code and copied into every
#   clone.
# scope: package
# custom:
#   id: TG-AWS-0121
#   peer_ids:
#     checkov: [CKV_AWS_41]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan]
#   remediation: Remove the keys from the provider; use environment variables, shared credentials/SSO profiles, or assume_role / OIDC federation in CI.
#   references: [https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration]
#   cwe: [CWE-798]
package tollgate.iac.aws.provider_hardcoded_credentials

import data.lib.aws
import data.lib.iac

deny contains res if {
	some p in input.providers
	p.name == "aws"
	some k in ["access_key", "secret_key", "token"]
	v := aws.get(p.values, k)
	is_string(v)
	v != ""
	res := aws.with_path(iac.result_key(sprintf("aws provider sets %s to a literal value", [k]), p.values, k, "provider.aws"), p)
}
