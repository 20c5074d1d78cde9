package scanner

// Decision is the gate's verdict. It lives in the model so that reports can
// render it without importing the policy engine.
type Decision struct {
	// Pass is true iff Deny is empty.
	Pass bool     `json:"pass"`
	Deny []Reason `json:"deny"`
	Warn []Reason `json:"warn"`
}

// Reason is one deny or warn entry produced by a policy.
type Reason struct {
	Msg string `json:"msg"`
	// Rule names the policy rule that produced the reason, for example
	// "tollgate.gate.severity" or a user's rule name.
	Rule string `json:"rule,omitempty"`
	// Fingerprints are the findings behind the reason, if any.
	Fingerprints []string `json:"fingerprints,omitempty"`
	// Policy is where the rule is defined, "file:line", when known.
	Policy string `json:"policy,omitempty"`
}
