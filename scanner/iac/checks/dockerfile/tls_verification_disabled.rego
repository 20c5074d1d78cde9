# METADATA
# title: Package manager TLS verification disabled
# description: >-
#   npm/yarn strict-ssl false, PYTHONHTTPSVERIFY=0, composer disable-tls or similar settings
#   accept any certificate for downloads.
# scope: package
# custom:
#   id: TG-DOCKER-0026
#   peer_ids:
#     checkov: [CKV2_DOCKER_5, CKV2_DOCKER_12, CKV2_DOCKER_13]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove the setting and trust private CAs explicitly (cafile / NODE_EXTRA_CA_CERTS /
#     REQUESTS_CA_BUNDLE).
#   references:
#     - https://docs.npmjs.com/cli/using-npm/config#strict-ssl
#   cwe: [CWE-295]
package tollgate.iac.dockerfile.tls_verification_disabled

import data.lib.iac
import data.lib.docker
import rego.v1

pattern := `(?i)(npm|yarn|pnpm)\s+config\s+set\s+strict-ssl\s+false|--strict-ssl[= ]false|strict-ssl\s*=\s*false|PYTHONHTTPSVERIFY=["']?0|composer\s+config[^;&|]*disable-tls\s+true|--disable-tls|sslverify\s*=\s*(0|false)|gem\s+[^;&|]*ssl_verify_mode[: ]+0|REQUESTS_CA_BUNDLE=["']?["']?(\s|$)|CURL_CA_BUNDLE=["']?["']?(\s|$)`

deny contains res if {
	some r in docker.runs
	regex.match(pattern, r.text)
	res := docker.result("a download tool runs with TLS verification disabled", r)
}

deny contains res if {
	some x in docker.cmds("env")
	some pair in docker.env_pairs(x.ins)
	bad_env(pair[0], pair[1])
	res := docker.result(sprintf("ENV %s disables TLS verification", [pair[0]]), x)
}

bad_env(k, v) if {
	k in {"PYTHONHTTPSVERIFY", "npm_config_strict_ssl", "NPM_CONFIG_STRICT_SSL"}
	lower(v) in {"0", "false"}
}
