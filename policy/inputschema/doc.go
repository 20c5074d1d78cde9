// Package inputschema checks policy input documents (for example one
// written by `tollgate scan --dump-input`) against the JSON Schema of
// [policy.Input], [policy.InputSchema].
//
// It is a package of its own so that package policy, which the CLI links,
// does not import the JSON Schema library: that library compiles its
// meta-schemas when its package is initialised, at every process start.
// The input schema itself is compiled when asked for ([New], [Validate]).
package inputschema
