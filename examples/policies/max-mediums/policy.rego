package tollgate.gate

# Tolerate a few new MEDIUM findings, but not a pile of them. The limit
# comes from data (tollgate scan --data limits.yaml with
# "tollgate_config: {max_mediums: 5}"), 10 when unset.
default max_mediums := 10

max_mediums := data.tollgate_config.max_mediums

new_mediums := [f | some f in input.findings; f.severity == "MEDIUM"; f.new == true; f.suppressed == false]

deny contains {"msg": msg, "rule": "max-mediums", "fingerprints": [f.fingerprint | some f in new_mediums]} if {
	count(new_mediums) > max_mediums
	msg := sprintf("%d new MEDIUM findings, at most %d allowed", [count(new_mediums), max_mediums])
}
