package secrets

// A fallback rule (YAML "fallback: true") reports a value only where no
// other rule does: its candidate is dropped when any other rule's
// candidate overlaps it, generic rules included. The provider-name
// assignment rule (rules/provider_names.yaml) is one: it catches
// "<provider>_whatever = <token>" settings that neither a provider's own
// rule nor the generic secret/password/key rules report, and it must not
// turn an existing finding of those rules into a second one, or replace
// it (that would change the finding's rule id and so its fingerprint in
// users' baselines).

// overlapsOther reports whether cands[i] overlaps the candidate of any
// other rule.
func overlapsOther(cands []cand, i int) bool {
	c := cands[i]
	for j, o := range cands {
		if j != i && o.rule != c.rule && o.start < c.end && c.start < o.end {
			return true
		}
	}
	return false
}
