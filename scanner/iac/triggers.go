package iac

import (
	"regexp"
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
//
// Kubernetes checks are triggered the same way by the document's kind
// ("kind:Service"): a rule that tests input.kind, or that reads a library
// rule defined only for some kinds (k8s.containers is built from
// k8s.pod_spec, whose every branch tests the kind), cannot succeed on a
// document of another kind. Only expressions that are undefined when such
// a rule is count: not under negation, a comprehension, every or with.

// typeLookups are the library rules and functions that return the
// resources of one type given as a constant, and whether each is called as
// a function (aws.tf("t")) or indexed (aws.tf_index["t"]).
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

// triggerIndex analyses the built-in modules for trigger types. Rules are
// looked up across the modules of a package, so a check iterating a
// library rule (aws.open_ingress) gets the triggers of that rule's bodies.
type triggerIndex struct {
	// rules by package path ("data.lib.aws") and head name
	rules map[string]map[ast.Var][]ruleIn
	ctx   map[*ast.Module]*moduleCtx
}

type ruleIn struct {
	rule *ast.Rule
	ctx  *moduleCtx
}

type moduleCtx struct {
	pkg     ast.Ref
	aliases map[ast.Var]ast.Ref
}

func newTriggerIndex(mods map[string]*ast.Module) *triggerIndex {
	ix := &triggerIndex{rules: map[string]map[ast.Var][]ruleIn{}, ctx: map[*ast.Module]*moduleCtx{}}
	for _, mod := range mods {
		c := &moduleCtx{pkg: mod.Package.Path, aliases: map[ast.Var]ast.Ref{}}
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
			c.aliases[name] = r
		}
		ix.ctx[mod] = c
		byName := ix.rules[c.pkg.String()]
		if byName == nil {
			byName = map[ast.Var][]ruleIn{}
			ix.rules[c.pkg.String()] = byName
		}
		for _, rule := range mod.Rules {
			if len(rule.Head.Reference) == 1 {
				if v, ok := rule.Head.Reference[0].Value.(ast.Var); ok {
					byName[v] = append(byName[v], ruleIn{rule, c})
				}
			}
		}
	}
	return ix
}

// triggerTypes returns the resource types a document must hold one of for
// the check module to have any deny result, or nil when its text does not
// tell. Only built-in checks are analysed: a user module could redefine
// the library packages.
func (ix *triggerIndex) triggerTypes(mod *ast.Module) []string {
	c := ix.ctx[mod]
	if c == nil {
		return nil
	}
	types, ok := ix.ruleTriggers(append(c.pkg.Copy(), ast.StringTerm("deny")), 0, false)
	if !ok {
		return nil
	}
	return types
}

// resolve turns a reference in a module into an absolute data reference:
// through an import alias, or to a rule of the module's own package.
func (ix *triggerIndex) resolve(r ast.Ref, c *moduleCtx) (ast.Ref, bool) {
	if len(r) == 0 {
		return nil, false
	}
	head, ok := r[0].Value.(ast.Var)
	if !ok {
		return nil, false
	}
	if r.HasPrefix(ast.DefaultRootRef) {
		return r, true
	}
	if p, ok := c.aliases[head]; ok {
		return p.Concat(r[1:]), true
	}
	if _, ok := ix.rules[c.pkg.String()][head]; ok {
		return append(c.pkg.Copy(), append(ast.Ref{ast.StringTerm(string(head))}, r[1:]...)...), true
	}
	return nil, false
}

// rulesAt returns the rules an absolute reference data.pkg.name names.
func (ix *triggerIndex) rulesAt(abs ast.Ref) []ruleIn {
	if len(abs) < 3 {
		return nil
	}
	name, ok := abs[len(abs)-1].Value.(ast.String)
	if !ok {
		return nil
	}
	return ix.rules[abs[:len(abs)-1].String()][ast.Var(name)]
}

// ruleTriggers unions the triggers of every rule at abs; ok is false when
// one of them has none, or the rule can be defined without its body
// (default, functions). An else chain has the union of its branches'
// triggers; with emptyOK (the caller iterates the value or reads inside
// it), a branch whose value is an empty literal ([], {}, set()) adds
// nothing, since it yields no element either.
func (ix *triggerIndex) ruleTriggers(abs ast.Ref, depth int, emptyOK bool) ([]string, bool) {
	rules := ix.rulesAt(abs)
	if len(rules) == 0 || depth > 4 {
		return nil, false
	}
	set := map[string]bool{}
	for _, r := range rules {
		if r.rule.Default || len(r.rule.Head.Args) > 0 {
			return nil, false
		}
		for branch := r.rule; branch != nil; branch = branch.Else {
			if r.rule.Else != nil && emptyOK && trueBody(branch.Body) && emptyLiteral(branch.Head.Value) {
				continue
			}
			ts, ok := ix.branchTriggers(ruleIn{branch, r.ctx}, depth)
			if !ok {
				return nil, false
			}
			for _, t := range ts {
				set[t] = true
			}
		}
	}
	if len(set) == 0 {
		return nil, false // every branch empty: leave such a rule alone
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Strings(out)
	return out, true
}

// branchTriggers are the triggers of one rule (or one branch of an else
// chain): a union of set rules, its body's, or for a constant rule, those
// of a rule its value reads (the value is undefined without it).
func (ix *triggerIndex) branchTriggers(r ruleIn, depth int) ([]string, bool) {
	if ts, ok := ix.unionTriggers(r, depth); ok {
		return ts, true
	}
	if ts, ok := ix.bodyTriggers(r.rule.Body, r.ctx, depth); ok {
		return ts, true
	}
	if r.rule.Head.Value != nil && trueBody(r.rule.Body) {
		// no local variables here: a bare name is a rule of the package
		return ix.refTriggers(r.rule.Head.Value, r.ctx, depth, true)
	}
	return nil, false
}

// emptyLiteral is [], {} or set().
func emptyLiteral(t *ast.Term) bool {
	if t == nil {
		return false
	}
	switch v := t.Value.(type) {
	case *ast.Array:
		return v.Len() == 0
	case ast.Object:
		return v.Len() == 0
	case ast.Set:
		return v.Len() == 0
	case ast.Call:
		return len(v) == 1 && v[0].String() == "set"
	}
	return false
}

// refTriggers finds, in x outside comprehensions and every, a reference
// to a rule with triggers: x is undefined when that rule is, so it needs
// one of the rule's triggers. Only references through an import alias or
// data are followed, and with packageRules the package's own rules too
// (where no local variable can shadow them).
func (ix *triggerIndex) refTriggers(x any, c *moduleCtx, depth int, packageRules bool) ([]string, bool) {
	var out []string
	found := false
	vis := ast.NewGenericVisitor(func(v any) bool {
		if found {
			return true
		}
		switch n := v.(type) {
		case *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension, *ast.Every, *ast.With:
			return true // defined even when what they read is not
		case ast.Var:
			if packageRules { // a rule of the package named alone
				out, found = ix.prefixTriggers(ast.Ref{ast.VarTerm(string(n))}, c, depth)
			}
		case ast.Ref:
			head, ok := n[0].Value.(ast.Var)
			if !ok {
				return false
			}
			if _, alias := c.aliases[head]; !alias && !n.HasPrefix(ast.DefaultRootRef) && !packageRules {
				return false
			}
			out, found = ix.prefixTriggers(n, c, depth)
		}
		return false
	})
	vis.Walk(x)
	return out, found
}

// unionTriggers reads a constant rule whose value is a union of set rules
// (permission_sources := tf_sources | cfn_sources): an element comes from
// one of them, so their triggers unite.
func (ix *triggerIndex) unionTriggers(r ruleIn, depth int) ([]string, bool) {
	if r.rule.Head.Value == nil || !trueBody(r.rule.Body) {
		return nil, false
	}
	call, ok := r.rule.Head.Value.Value.(ast.Call)
	if !ok || len(call) != 3 || call[0].String() != "or" {
		return nil, false
	}
	var out []string
	for _, arg := range call[1:] {
		abs, ok := ix.resolve(asRef(arg), r.ctx)
		if !ok {
			return nil, false
		}
		ts, ok := ix.ruleTriggers(abs, depth+1, false)
		if !ok {
			return nil, false
		}
		out = append(out, ts...)
	}
	return out, true
}

// bodyTriggers finds the first top-level iteration of a body over the
// resources of constant types: `some r in aws.tf_index["t"]`,
// `some r in cloud.tf(t)` after `some t in ["a", "b"]` (or a constant
// rule, or the keys of a constant object), or `some x in helper` where
// every rule of helper has triggers. The body cannot succeed on a document
// without one of those types.
func (ix *triggerIndex) bodyTriggers(body ast.Body, c *moduleCtx, depth int) ([]string, bool) {
	consts := map[ast.Var][]string{}
	resources := map[ast.Var]bool{} // variables iterating input.resources
	for _, expr := range body {
		if expr.Negated || len(expr.With) > 0 {
			continue
		}
		if ts, ok := typeTest(expr, resources); ok {
			return ts, true
		}
		if ts, ok := ix.kindTest(expr, c); ok {
			return ts, true
		}
		decl, ok := expr.Terms.(*ast.SomeDecl)
		if !ok {
			if expr.IsCall() && expr.Operator().String() == "print" {
				continue // print succeeds on undefined arguments
			}
			if ts, ok := ix.refTriggers(expr, c, depth, false); ok {
				return ts, true
			}
			continue
		}
		if len(decl.Symbols) != 1 {
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
		coll := call[len(call)-1]
		if isResourceList(coll) {
			if v, isVar := call[len(call)-2].Value.(ast.Var); isVar {
				resources[v] = true
			}
			continue
		}
		if vals, keys, ok := ix.constant(coll, c); ok {
			if v, isVar := call[len(call)-2].Value.(ast.Var); isVar && vals != nil {
				consts[v] = vals
			}
			if v, isVar := call[1].Value.(ast.Var); isVar && len(call) == 4 && keys != nil {
				consts[v] = keys
			}
			continue
		}
		if ts, ok := ix.lookupTypes(coll, c, consts); ok {
			return ts, true
		}
		if abs, ok := ix.resolve(asRef(coll), c); ok {
			if ts, ok := ix.ruleTriggers(abs, depth+1, true); ok {
				return ts, true
			}
		}
		if ts, ok := ix.refTriggers(coll, c, depth, false); ok {
			return ts, true
		}
	}
	return nil, false
}

// prefixTriggers resolves r and returns the triggers of the rule its
// longest prefix names: reading inside a rule's value needs the rule
// defined too.
func (ix *triggerIndex) prefixTriggers(r ast.Ref, c *moduleCtx, depth int) ([]string, bool) {
	abs, ok := ix.resolve(r, c)
	if !ok {
		return nil, false
	}
	for i := len(abs); i >= 3; i-- {
		if len(ix.rulesAt(abs[:i])) > 0 {
			return ix.ruleTriggers(abs[:i], depth+1, i < len(abs))
		}
	}
	return nil, false
}

// kindTest reads a test on a Kubernetes document's kind: input.kind ==
// "K" or input.kind in a constant collection (a literal or a constant
// rule). Kinds come back as "kind:K" (see documentTypes).
func (ix *triggerIndex) kindTest(expr *ast.Expr, c *moduleCtx) ([]string, bool) {
	if !expr.IsCall() {
		return nil, false
	}
	args := expr.Operands()
	if len(args) != 2 {
		return nil, false
	}
	isKind := func(t *ast.Term) bool {
		r, ok := t.Value.(ast.Ref)
		return ok && r.Equal(inputKind)
	}
	var kinds []string
	switch expr.Operator().String() {
	case "equal", "eq":
		for _, pair := range [][2]*ast.Term{{args[0], args[1]}, {args[1], args[0]}} {
			if s, ok := pair[1].Value.(ast.String); ok && isKind(pair[0]) {
				kinds = []string{string(s)}
			}
		}
	case "internal.member_2":
		if !isKind(args[0]) {
			return nil, false
		}
		coll := args[1]
		if r, ok := coll.Value.(ast.Ref); ok {
			// a constant rule of another package: k8s.pod_kinds
			abs, found := ix.resolve(r, c)
			if !found {
				return nil, false
			}
			rules := ix.rulesAt(abs)
			if len(rules) != 1 || len(rules[0].rule.Head.Args) > 0 || rules[0].rule.Head.Value == nil || rules[0].rule.Else != nil || !trueBody(rules[0].rule.Body) {
				return nil, false
			}
			coll, c = rules[0].rule.Head.Value, rules[0].ctx
		}
		vals, _, ok := ix.constant(coll, c)
		if !ok {
			return nil, false
		}
		kinds = vals
	}
	if len(kinds) == 0 {
		return nil, false
	}
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = kindPrefix + k
	}
	return out, true
}

// kindPrefix marks a Kubernetes kind among a document's types.
const kindPrefix = "kind:"

// inputKind is the reference kindTest looks for.
var inputKind = ast.MustParseRef("input.kind")

// asRef reads a variable or a reference as a reference (nil otherwise).
func asRef(t *ast.Term) ast.Ref {
	switch v := t.Value.(type) {
	case ast.Var:
		return ast.Ref{ast.VarTerm(string(v))}
	case ast.Ref:
		return v
	}
	return nil
}

// isResourceList matches input.resources and object.get(input,
// "resources", ...): the document's resource list.
func isResourceList(t *ast.Term) bool {
	switch v := t.Value.(type) {
	case ast.Ref:
		return v.Equal(ast.MustParseRef("input.resources"))
	case ast.Call:
		return len(v) == 4 && v[0].String() == "object.get" && v[1].String() == "input" && v[2].Value.Compare(ast.String("resources")) == 0
	}
	return false
}

// typeTest reads a test on the type of a resource variable: r.type ==
// "t", r.type in {...}, startswith(r.type, "p") or regex.match(re,
// r.type). Patterns come back as "p*" and "re:<expression>".
func typeTest(expr *ast.Expr, resources map[ast.Var]bool) ([]string, bool) {
	if len(resources) == 0 || !expr.IsCall() {
		return nil, false
	}
	isType := func(t *ast.Term) bool {
		r, ok := t.Value.(ast.Ref)
		if !ok || len(r) != 2 || r[1].Value.Compare(ast.String("type")) != 0 {
			return false
		}
		v, ok := r[0].Value.(ast.Var)
		return ok && resources[v]
	}
	str := func(t *ast.Term) (string, bool) {
		s, ok := t.Value.(ast.String)
		return string(s), ok
	}
	args := expr.Operands()
	if len(args) != 2 {
		return nil, false
	}
	switch expr.Operator().String() {
	case "equal", "eq":
		for _, pair := range [][2]*ast.Term{{args[0], args[1]}, {args[1], args[0]}} {
			if s, ok := str(pair[1]); ok && isType(pair[0]) {
				return []string{s}, true
			}
		}
	case "internal.member_2":
		if isType(args[0]) {
			var out []string
			ok := true
			add := func(x *ast.Term) {
				s, isStr := str(x)
				ok = ok && isStr
				out = append(out, s)
			}
			switch coll := args[1].Value.(type) {
			case ast.Set:
				coll.Foreach(add)
			case *ast.Array:
				coll.Foreach(add)
			default:
				ok = false
			}
			return out, ok && len(out) > 0
		}
	case "startswith":
		if s, ok := str(args[1]); ok && s != "" && isType(args[0]) {
			return []string{s + "*"}, true
		}
	case "regex.match":
		if s, ok := str(args[0]); ok && isType(args[1]) {
			if _, err := regexp.Compile(s); err == nil {
				return []string{"re:" + s}, true
			}
		}
	}
	return nil, false
}

// constant reads a literal collection of strings, array.concat of two, or
// a rule whose value is one: vals are the elements (or object values),
// keys the object keys.
func (ix *triggerIndex) constant(t *ast.Term, c *moduleCtx) (vals, keys []string, ok bool) {
	if v, isVar := t.Value.(ast.Var); isVar {
		abs, found := ix.resolve(ast.Ref{ast.VarTerm(string(v))}, c)
		if !found {
			return nil, nil, false
		}
		rules := ix.rulesAt(abs)
		if len(rules) != 1 || len(rules[0].rule.Head.Args) > 0 || rules[0].rule.Head.Value == nil || !trueBody(rules[0].rule.Body) {
			return nil, nil, false
		}
		return ix.constant(rules[0].rule.Head.Value, rules[0].ctx)
	}
	str := func(x *ast.Term) (string, bool) {
		s, ok := x.Value.(ast.String)
		return string(s), ok
	}
	ok = true
	switch v := t.Value.(type) {
	case *ast.Array:
		v.Foreach(func(x *ast.Term) {
			s, isStr := str(x)
			ok = ok && isStr
			vals = append(vals, s)
		})
		return vals, nil, ok && v.Len() > 0
	case ast.Set:
		v.Foreach(func(x *ast.Term) {
			s, isStr := str(x)
			ok = ok && isStr
			vals = append(vals, s)
		})
		return vals, nil, ok && v.Len() > 0
	case ast.Object:
		v.Foreach(func(k, x *ast.Term) {
			ks, isStr := str(k)
			ok = ok && isStr
			keys = append(keys, ks)
			if xs, isStr := str(x); isStr {
				vals = append(vals, xs)
			}
		})
		if len(vals) != len(keys) {
			vals = nil
		}
		return vals, keys, ok && v.Len() > 0
	case ast.Call:
		if len(v) != 3 || v[0].String() != "array.concat" {
			return nil, nil, false
		}
		l, _, ok1 := ix.constant(v[1], c)
		r, _, ok2 := ix.constant(v[2], c)
		return append(l, r...), nil, ok1 && ok2
	}
	return nil, nil, false
}

// trueBody is the body of a constant rule: `x := [...]` has the body true.
func trueBody(b ast.Body) bool {
	if len(b) != 1 || b[0].Negated {
		return false
	}
	t, ok := b[0].Terms.(*ast.Term)
	return ok && t.Value.Compare(ast.Boolean(true)) == 0
}

// lookupTypes reads aws.tf_index["t"] or cloud.tf(t), t a constant or a
// variable bound to constants.
func (ix *triggerIndex) lookupTypes(term *ast.Term, c *moduleCtx, consts map[ast.Var][]string) ([]string, bool) {
	var fn ast.Ref
	var arg *ast.Term
	call := false
	switch v := term.Value.(type) {
	case ast.Ref:
		if len(v) < 2 {
			return nil, false
		}
		fn, arg = v[:len(v)-1], v[len(v)-1]
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
	abs, ok := ix.resolve(fn, c)
	if !ok {
		return nil, false
	}
	isCall, known := typeLookups[abs.String()]
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

// kubernetesTypes is the type of a Kubernetes document: its kind, as
// "kind:K"; ok is false without a kind, and then every check runs.
func kubernetesTypes(v map[string]any) (map[string]bool, bool) {
	k, ok := v["kind"].(string)
	if !ok || k == "" {
		return nil, false
	}
	return map[string]bool{kindPrefix + k: true}, true
}

// triggerMatcher tells whether a document's types trigger a check: exact
// types, prefixes ("google_*") and regular expressions ("re:...").
type triggerMatcher struct {
	patterns map[string]*regexp.Regexp
}

func newTriggerMatcher(triggers map[string][]string) triggerMatcher {
	m := triggerMatcher{patterns: map[string]*regexp.Regexp{}}
	for _, ts := range triggers {
		for _, t := range ts {
			if expr, ok := strings.CutPrefix(t, "re:"); ok {
				m.patterns[t] = regexp.MustCompile(expr) // compiled once already by typeTest
			}
		}
	}
	return m
}

func (m triggerMatcher) any(ts []string, types map[string]bool) bool {
	for _, t := range ts {
		switch {
		case types[t]:
			return true
		case strings.HasSuffix(t, "*"):
			for typ := range types {
				if strings.HasPrefix(typ, t[:len(t)-1]) {
					return true
				}
			}
		case m.patterns[t] != nil:
			for typ := range types {
				if m.patterns[t].MatchString(typ) {
					return true
				}
			}
		}
	}
	return false
}
