// Package policy is tollgate's gate: it turns scan findings into a pass or
// fail decision with OPA.
//
// A [Gate] compiles the embedded default policy (package tollgate.gate,
// see default.rego) together with the users' Rego files once, prepares one
// query, and evaluates it once per scan with an [Input] document. The
// verdict is [scanner.Decision]: the scan passes iff no deny rule fired.
//
// Every partial-set rule named deny or warn in package tollgate.gate is
// attributed to its file and line, so a failure can always say which rule
// fired and which findings are behind it.
//
// Exceptions (accepted risks with owner and expiry) are loaded from one
// file with [LoadExceptions] and matched in Go before evaluation; baselines
// (fingerprints of an earlier run) come from [LoadBaseline]. Both only
// annotate findings; the policy decides what the annotations mean.
package policy
