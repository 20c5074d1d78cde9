# METADATA
# title: Credentials file copied into the image
# description: >-
#   A private key, .env file, cloud or registry credentials file copied into an image ships to
#   everyone who can pull it (even if deleted in a later layer).
# scope: package
# custom:
#   id: TG-DOCKER-0030
#   peer_ids:
#     trivy: [AVD-DS-0031]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Never copy credentials into images; mount them at build time with RUN --mount=type=secret
#     or provide them at runtime.
#   references:
#     - https://docs.docker.com/build/building/secrets/
#   cwe: [CWE-312]
package tollgate.iac.dockerfile.copy_sensitive_file

import data.lib.iac
import data.lib.docker
import rego.v1

pattern := `(^|/)(id_rsa|id_dsa|id_ecdsa|id_ed25519|\.env|\.npmrc|\.pypirc|\.netrc|\.git-credentials|credentials|\.dockercfg|config\.json|[^/]*\.pem|[^/]*\.key|[^/]*\.p12|[^/]*\.pfx|\.htpasswd|kubeconfig)$`

deny contains res if {
	some cmd in ["copy", "add"]
	some x in docker.cmds(cmd)
	not from_stage(x.ins)
	some src in array.slice(x.ins.value, 0, count(x.ins.value) - 1)
	regex.match(pattern, src)
	not regex.match(`(^|/)\.docker/config\.json$|^config\.json$|(^|/)(ca|ca-cert|ca-certificates|cacert|chain|fullchain|cert|tls|server)\.(pem|crt)$|public.*\.pem$`, src)
	res := docker.result(sprintf("%s copies %s into the image", [upper(cmd), src]), x)
}

deny contains res if {
	some cmd in ["copy", "add"]
	some x in docker.cmds(cmd)
	some src in array.slice(x.ins.value, 0, count(x.ins.value) - 1)
	regex.match(`(^|/)\.(ssh|aws|gnupg|kube)/?$|(^|/)\.docker/config\.json$`, src)
	res := docker.result(sprintf("%s copies %s into the image", [upper(cmd), src]), x)
}

from_stage(ins) if {
	some f in ins.flags
	startswith(f, "--from=")
}
