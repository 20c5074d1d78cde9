# METADATA
# title: Secret passed as a literal environment variable
# description: >-
#   A password, token or key is written into the manifest as an env value: it ends up in git,
#   in the API server and in every describe output.
# scope: package
# custom:
#   id: TG-K8S-0027
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Store the value in a Secret (or an external secret store) and reference it with
#     valueFrom.secretKeyRef.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
#   cwe: [CWE-798]
package tollgate.iac.kubernetes.env_secret_literal

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	some e in c.env
	is_string(e.name)
	regex.match(`(?i)(passw(or)?d|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|client[_-]?secret|auth[_-]?key|conn(ection)?[_-]?string)`, e.name)
	not regex.match(`(?i)(_file|_path|_dir|_name|_id|_url|_uri|_endpoint|_header|_ttl|_expiry|_length|_timeout|_enabled|_type|_mode|_len|_size|_ref|_secret_name)$`, e.name)
	is_string(e.value)
	literal(e.value)
	res := iac.result_key(sprintf("container %q sets %s to a literal value", [c.name, e.name]), e, "value", k8s.container_id(c))
}

literal(v) if {
	count(v) >= 6
	not startswith(v, "$(")
	not startswith(v, "${")
	not lower(v) in {"true", "false", "changeme", "<nil>"}
}
