# METADATA
# title: ConfigMap holds a secret
# description: >-
#   ConfigMaps are not meant for secrets: they are readable by anyone who can read
#   configuration and are never encrypted at rest.
# scope: package
# custom:
#   id: TG-K8S-0045
#   peer_ids:
#     trivy: [AVD-KSV-0109]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Move the value into a Secret or an external secret store.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/configmap/
#   cwe: [CWE-312]
package tollgate.iac.kubernetes.configmap_secret

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind == "ConfigMap"
	some k, v in object.get(input, "data", {})
	not startswith(k, "__")
	regex.match(`(?i)(passw(or)?d|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|client[_-]?secret|auth[_-]?key|conn(ection)?[_-]?string)`, k)
	not regex.match(`(?i)(_file|_path|_dir|_name|_id|_url|_uri|_endpoint|_header|_ttl|_expiry|_length|_timeout|_enabled|_type|_mode|_len|_size|_ref|_secret_name)$`, k)
	is_string(v)
	count(v) >= 6
	not contains(v, "\n")
	res := iac.result_key(sprintf("ConfigMap %s key %s looks like a secret", [k8s.name, k]), input.data, k, k8s.id)
}
