# METADATA
# title: TLS verification disabled in CI
# description: >-
#   curl -k, wget --no-check-certificate, GIT_SSL_NO_VERIFY, pip --trusted-host or npm strict-
#   ssl false accept any certificate, so downloads and clones can be replaced in transit.
# scope: package
# custom:
#   id: TG-GITLAB-0008
#   severity: HIGH
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Remove the flag or variable; trust private CAs explicitly (CI_SERVER_TLS_CA_FILE,
#     --cacert, http.sslCAInfo).
#   references:
#     - https://docs.gitlab.com/ci/variables/predefined_variables/
#   cwe: [CWE-295]
package tollgate.iac.gitlab.tls_verification_disabled

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some s in gitlab.scripts
	regex.match(`\bcurl\b[^|;&]*\s(-k\b|--insecure\b|-[a-zA-Z]*k[a-zA-Z]*\b)|\bwget\b[^|;&]*--no-check-certificate|--trusted-host\b|(?i)http\.sslverify[= ]+["']?false|GIT_SSL_NO_VERIFY=["']?(1|true)|strict-ssl\s+false|NODE_TLS_REJECT_UNAUTHORIZED=["']?0`, s.line)
	res := iac.result_key(sprintf("%s disables TLS verification", [s.id]), s.obj, s.key, s.id)
}

deny contains res if {
	some v in gitlab.variables
	bad_var(v)
	res := iac.result_key(sprintf("variable %s disables TLS verification", [v.name]), v.obj, v.name, v.id)
}

bad_var(v) if {
	v.name == "GIT_SSL_NO_VERIFY"
	not lower(v.value) in {"", "0", "false"}
}

bad_var(v) if {
	v.name == "NODE_TLS_REJECT_UNAUTHORIZED"
	v.value == "0"
}

bad_var(v) if {
	v.name in {"PIP_TRUSTED_HOST"}
}
