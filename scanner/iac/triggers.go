package iac

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Most cloud checks look at one or two resource types: every deny rule
// starts from `some r in aws.tf_index["aws_s3_bucket"]` or a lookup like
// it, and has no result on a document without that type. Evaluating all
// 200+ of them on every small module costs ~40 µs a check, most of a
// scan of many small files. The engine therefore runs a built-in check on
// a terraform or CloudFormation document only when the document holds one
// of the check's trigger types; a check whose rules do not all start from
// such a lookup has no triggers and always runs.

// typeLookups are the library rules and functions that return the
// resources of one type given as a constant: the package path, the rule,
// and whether it is called as a function (aws.tf("t")) or indexed
// (aws.tf_index["t"]).
var typeLookups = map[string]bool{
	"data.lib.aws.tf_index":      false,
	"data.lib.aws.cfn_index":     false,
	"data.lib.aws.tf":            true,
	"data.lib.aws.cfn":           true,
	"data.lib.cloud.tf":          true,
	"data.lib.iac.resources":     true,
	"data.lib.iac.data_sources":  true,
	"data.lib.iac.cfn_resources": true,
}

// triggerTypes returns the resource types a document must hold one of for
// the check module to have any deny result, or nil when its text does not
// tell. Only built-in checks are analysed: a user module could redefine
// the library packages.
func triggerTypes(mod *ast.Module) []string {
	a := triggerAnalysis{aliases: map[ast.Var]ast.Ref{}, rules: map[ast.Var][]*ast.Rule{}}
	for _, imp := range mod.Imports {
		r, ok := imp.Path.Value.(ast.Ref)
		if !ok || !r.HasPrefix(ast.DefaultRootRef) {
			continue
		}
		name := imp.Alias
		if name == "" {
			last, ok := r[len(r)-1].Value.(ast.String)
			if !ok {
				continue
			}
			name = ast.Var(last)
		}
		a.aliases[name] = r
	}
	for _, rule := range mod.Rules {
		if len(rule.Head.Reference) == 1 {
			if v, ok := rule.Head.Reference[0].Value.(ast.Var); ok {
				a.rules[v] = append(a.rules[v], rule)
			}
		}
	}
	types, ok := a.ruleTriggers("deny", 0)
	if !ok {
		return nil
	}
	return types
}

type triggerAnalysis struct {
	aliases map[ast.Var]ast.Ref
	rules   map[ast.Var][]*ast.Rule // by head name, single-term heads only
}

// ruleTriggers unions the triggers of every rule named name; ok is false
// when one of them has none, or the rule can be defined without its body
// (default, else, functions).
func (a triggerAnalysis) ruleTriggers(name ast.Var, depth int) ([]string, bool) {
	rules := a.rules[name]
	if len(rules) == 0 || depth > 3 {
		return nil, false
	}
	set := map[string]bool{}
	for _, r := range rules {
		if r.Default || r.Else != nil || len(r.Head.Args) > 0 {
			return nil, false
		}
		ts, ok := a.bodyTriggers(r.Body, depth)
		if !ok {
			return nil, false
		}
		for _, t := range ts {
			set[t] = true
		}
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Strings(out)
	return out, true
}

// bodyTriggers finds the first top-level iteration of a body over the
// resources of constant types: `some r in aws.tf_index["t"]`,
// `some r in cloud.tf(t)` after `some t in ["a", "b"]`, or
// `some x in _helper` where every _helper rule has triggers. The body
// cannot succeed on a document without one of those types.
func (a triggerAnalysis) bodyTriggers(body ast.Body, depth int) ([]string, bool) {
	consts := map[ast.Var][]string{}
	for _, expr := range body {
		if expr.Negated || len(expr.With) > 0 {
			continue
		}
		decl, ok := expr.Terms.(*ast.SomeDecl)
		if !ok || len(decl.Symbols) != 1 {
			continue
		}
		call, ok := decl.Symbols[0].Value.(ast.Call)
		if !ok || len(call) < 3 {
			continue
		}
		op, ok := call[0].Value.(ast.Ref)
		if !ok || (!op.Equal(ast.Member.Ref()) && !op.Equal(ast.MemberWithKey.Ref())) {
			continue
		}
		elem, coll := call[len(call)-2], call[len(call)-1]
		if list, ok := constStrings(coll); ok {
			if v, isVar := elem.Value.(ast.Var); isVar {
				consts[v] = list
			}
			continue
		}
		if ts, ok := a.lookupTypes(coll, consts); ok {
			return ts, true
		}
		if v, isVar := coll.Value.(ast.Var); isVar {
			if _, alias := a.aliases[v]; !alias {
				if ts, ok := a.ruleTriggers(v, depth+1); ok {
					return ts, true
				}
			}
		}
	}
	return nil, false
}

// constStrings reads a literal array or set of strings, or array.concat
// of two of them.
func constStrings(t *ast.Term) ([]string, bool) {
	var out []string
	ok := true
	add := func(x *ast.Term) {
		s, isStr := x.Value.(ast.String)
		ok = ok && isStr
		out = append(out, string(s))
	}
	switch v := t.Value.(type) {
	case *ast.Array:
		v.Foreach(add)
		return out, ok && v.Len() > 0
	case ast.Set:
		v.Foreach(add)
		return out, ok && v.Len() > 0
	case ast.Call:
		if len(v) != 3 || v[0].String() != "array.concat" {
			return nil, false
		}
		l, ok1 := constStrings(v[1])
		r, ok2 := constStrings(v[2])
		return append(l, r...), ok1 && ok2
	}
	return nil, false
}

// lookupTypes reads aws.tf_index["t"] or cloud.tf(t), t a constant or a
// variable bound to constants.
func (a triggerAnalysis) lookupTypes(term *ast.Term, consts map[ast.Var][]string) ([]string, bool) {
	var fn ast.Ref
	var arg *ast.Term
	call := false
	switch v := term.Value.(type) {
	case ast.Ref:
		if len(v) != 3 {
			return nil, false
		}
		fn, arg = v[:2], v[2]
	case ast.Call:
		if len(v) != 2 {
			return nil, false
		}
		r, ok := v[0].Value.(ast.Ref)
		if !ok {
			return nil, false
		}
		fn, arg, call = r, v[1], true
	default:
		return nil, false
	}
	if len(fn) != 2 {
		return nil, false
	}
	head, ok := fn[0].Value.(ast.Var)
	name, ok2 := fn[1].Value.(ast.String)
	pkg, ok3 := a.aliases[head]
	if !ok || !ok2 || !ok3 {
		return nil, false
	}
	isCall, known := typeLookups[pkg.String()+"."+string(name)]
	if !known || isCall != call {
		return nil, false
	}
	switch t := arg.Value.(type) {
	case ast.String:
		return []string{string(t)}, true
	case ast.Var:
		list, ok := consts[t]
		return list, ok
	}
	return nil, false
}

// documentTypes lists the resource types of a terraform document
// ("resources": [{"type": ...}]) or a CloudFormation one ("Resources":
// {id: {"Type": ...}}); ok is false for any other shape, whose documents
// then run every check.
func documentTypes(v map[string]any) (types map[string]bool, ok bool) {
	types = map[string]bool{}
	if rs, found := v["resources"]; found {
		list, isList := rs.([]any)
		if !isList {
			return nil, false
		}
		for _, r := range list {
			m, _ := r.(map[string]any)
			t, isStr := m["type"].(string)
			if !isStr {
				return nil, false
			}
			types[t] = true
		}
		ok = true
	}
	if rs, found := v["Resources"]; found {
		m, isMap := rs.(map[string]any)
		if !isMap {
			return nil, false
		}
		for id, r := range m {
			if strings.HasPrefix(id, "__") {
				continue
			}
			res, _ := r.(map[string]any)
			if t, isStr := res["Type"].(string); isStr {
				types[t] = true
			}
		}
		ok = true
	}
	return types, ok
}
