// Package regosandbox keeps user Rego (gate policies, IaC checks) off the
// network. A policy or check can come from the pull request being gated,
// and OPA's http.send and net.lookup_* would let it send findings, or
// anything else it can read, out of the CI runner. Unless the user opts
// in, modules that call them are rejected with the builtin and file:line,
// the compiler's capabilities leave them out, and the evaluator's
// allow-list of hosts is empty.
package regosandbox

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ErrNetworkBuiltin marks a module that calls a network builtin while
// network access is off.
var ErrNetworkBuiltin = errors.New("network builtin not allowed")

// IsNetwork reports whether the builtin called name reaches the network.
func IsNetwork(name string) bool {
	return name == "http.send" || strings.HasPrefix(name, "net.lookup_")
}

// NetworkBuiltins lists this OPA version's builtins that reach the
// network, sorted.
func NetworkBuiltins() []string {
	var out []string
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if IsNetwork(b.Name) {
			out = append(out, b.Name)
		}
	}
	sort.Strings(out)
	return out
}

// Capabilities returns the capabilities to compile and evaluate user Rego
// with: everything this OPA version has when allowNet, otherwise without
// the network builtins and with no host allowed.
func Capabilities(allowNet bool) *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	if allowNet {
		return c
	}
	kept := c.Builtins[:0]
	for _, b := range c.Builtins {
		if !IsNetwork(b.Name) {
			kept = append(kept, b)
		}
	}
	c.Builtins = kept
	c.AllowNet = []string{} // nil would mean every host
	return c
}

// Check returns an error naming each call of a network builtin in m with
// its file:line. It runs before compilation so the user reads which
// builtin is off and why, rather than the compiler's "undefined function".
func Check(m *ast.Module) error {
	var errs []error
	report := func(op ast.Ref, loc *ast.Location) {
		name := op.String()
		if !IsNetwork(name) {
			return
		}
		where := "?"
		if loc != nil {
			where = fmt.Sprintf("%s:%d", loc.File, loc.Row)
		}
		errs = append(errs, fmt.Errorf("%w: %s: %s reaches the network; policies and checks run without network access unless it is allowed (--policy-allow-net)", ErrNetworkBuiltin, where, name))
	}
	ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case *ast.Expr:
			if v.IsCall() {
				report(v.Operator(), v.Location)
			}
		case *ast.Term:
			if c, ok := v.Value.(ast.Call); ok && len(c) > 0 {
				if op, ok := c[0].Value.(ast.Ref); ok {
					report(op, v.Location)
				}
			}
		}
		return false
	}).Walk(m)
	return errors.Join(errs...)
}
