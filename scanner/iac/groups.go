package iac

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// checkGroup is the unit of compilation: the checks of a set of document
// kinds that share checks (a check naming several frameworks joins them),
// with the library modules they use. Compiling all 300+ checks costs about
// half a CPU-second, most of a small scan, so each group is compiled the
// first time a document of one of its kinds needs it, and a scan with only
// Dockerfiles never pays for the cloud checks.
type checkGroup struct {
	kinds   []string
	metas   []*CheckMeta
	modules map[string]*ast.Module
	caps    *ast.Capabilities

	// triggers of the built-in checks that have them, by check id (see
	// triggerTypes).
	triggers map[string][]string

	once     sync.Once
	err      error
	compiler *ast.Compiler
	byKind   map[string][]*CheckMeta
	// queries by document kind, of all its checks; a kind without checks
	// has no entry.
	queries map[string]*rego.PreparedEvalQuery

	// subsets caches the queries of the checks a document's resource
	// types trigger, by kind and subset.
	mu      sync.Mutex
	subsets map[string]*rego.PreparedEvalQuery
}

// maxSubsetQueries bounds the subset cache; a tree of modules with more
// distinct type mixes than this prepares the extra queries each time.
const maxSubsetQueries = 512

// ready compiles the group once; every caller waits for the same result.
func (g *checkGroup) ready(ctx context.Context) error {
	g.once.Do(func() { g.err = g.compile(context.WithoutCancel(ctx)) })
	return g.err
}

func (g *checkGroup) compile(ctx context.Context) error {
	c := ast.NewCompiler().WithEnablePrintStatements(false).WithCapabilities(g.caps)
	c.Compile(g.modules)
	if c.Failed() {
		return fmt.Errorf("compile %s checks: %w", strings.Join(g.kinds, ", "), c.Errors)
	}
	g.compiler = c
	g.queries = map[string]*rego.PreparedEvalQuery{}
	g.subsets = map[string]*rego.PreparedEvalQuery{}
	g.byKind = map[string][]*CheckMeta{}
	for _, m := range g.metas {
		for _, k := range m.Frameworks {
			g.byKind[k] = append(g.byKind[k], m)
		}
	}
	for _, kind := range g.kinds {
		ms := g.byKind[kind]
		if len(ms) == 0 {
			continue
		}
		q, err := g.prepare(ctx, ms)
		if err != nil {
			return fmt.Errorf("prepare %s checks: %w", kind, err)
		}
		g.queries[kind] = q
	}
	return nil
}

// prepare builds one query over checks ms: an object keyed by check id; a
// comprehension per check is always defined, so one check with no result
// never hides the others.
func (g *checkGroup) prepare(ctx context.Context, ms []*CheckMeta) (*rego.PreparedEvalQuery, error) {
	var b strings.Builder
	b.WriteString("x := {")
	for i, m := range ms {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: [r | some r in data.%s.deny]", ast.StringTerm(m.ID).String(), m.Package)
	}
	b.WriteString("}")
	q, err := rego.New(
		rego.Query(b.String()),
		rego.Compiler(g.compiler),
		rego.SetRegoVersion(ast.RegoV1),
		rego.StrictBuiltinErrors(false),
		rego.Capabilities(g.caps),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	return &q, nil
}

// query returns the query to run on a document of kind: the checks of the
// kind that the document's resource types trigger, plus every check
// without triggers. Documents of another shape get all the kind's checks.
// The group must be ready.
func (g *checkGroup) query(ctx context.Context, kind string, value map[string]any) (*rego.PreparedEvalQuery, error) {
	full := g.queries[kind]
	if full == nil || len(g.triggers) == 0 {
		return full, nil
	}
	types, ok := documentTypes(value)
	if !ok {
		return full, nil
	}
	all := g.byKind[kind]
	var ms []*CheckMeta
	var key strings.Builder
	key.WriteString(kind)
	for i, m := range all {
		ts, has := g.triggers[m.ID]
		if has && !anyIn(ts, types) {
			continue
		}
		ms = append(ms, m)
		fmt.Fprintf(&key, ",%d", i)
	}
	if len(ms) == len(all) {
		return full, nil
	}
	g.mu.Lock()
	q := g.subsets[key.String()]
	g.mu.Unlock()
	if q != nil {
		return q, nil
	}
	if len(ms) == 0 {
		ms = all[:0:0]
	}
	q, err := g.prepare(ctx, ms)
	if err != nil {
		return nil, fmt.Errorf("prepare %s checks: %w", kind, err)
	}
	g.mu.Lock()
	if len(g.subsets) < maxSubsetQueries {
		g.subsets[key.String()] = q
	}
	g.mu.Unlock()
	return q, nil
}

func anyIn(list []string, set map[string]bool) bool {
	for _, x := range list {
		if set[x] {
			return true
		}
	}
	return false
}

// groupChecks splits the check set into groups: kinds are joined when a
// check names both, and each group gets the check modules of its kinds plus
// every module those reach through data references (the libraries, and
// for a user check that uses another check's rules, that check too).
func groupChecks(cs *checkSet, caps *ast.Capabilities) []*checkGroup {
	// Union-find over kinds.
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		if p, ok := parent[k]; ok && p != k {
			r := find(p)
			parent[k] = r
			return r
		}
		parent[k] = k
		return k
	}
	for _, m := range cs.metas {
		for _, k := range m.Frameworks[1:] {
			parent[find(k)] = find(m.Frameworks[0])
		}
		find(m.Frameworks[0])
	}
	// Which module defines each package, and what each module refers to.
	pkgs := indexPackages(cs.modules)
	builtins := map[string]*ast.Module{}
	for name, mod := range cs.modules {
		if cs.builtin[name] {
			builtins[name] = mod
		}
	}
	triggers := newTriggerIndex(builtins)
	metaBySource := map[string]*CheckMeta{}
	for i := range cs.metas {
		metaBySource[cs.metas[i].Source] = &cs.metas[i]
	}
	groups := map[string]*checkGroup{}
	for name, m := range metaBySource {
		root := find(m.Frameworks[0])
		g := groups[root]
		if g == nil {
			g = &checkGroup{modules: map[string]*ast.Module{}, caps: caps, triggers: map[string][]string{}}
			groups[root] = g
		}
		g.metas = append(g.metas, m)
		if m.Builtin {
			if ts := triggers.triggerTypes(cs.modules[name]); ts != nil {
				g.triggers[m.ID] = ts
			}
		}
		addWithDeps(g.modules, cs.modules, pkgs, name)
	}
	for k := range parent {
		g := groups[find(k)]
		g.kinds = append(g.kinds, k)
	}
	out := make([]*checkGroup, 0, len(groups))
	for _, g := range groups {
		sort.Strings(g.kinds)
		sort.Slice(g.metas, func(i, j int) bool { return g.metas[i].ID < g.metas[j].ID })
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].kinds[0] < out[j].kinds[0] })
	return out
}

// addWithDeps adds module name and, transitively, every module whose
// package a data reference of it starts with or lies under.
func addWithDeps(dst, all map[string]*ast.Module, pkgs packageIndex, name string) {
	if _, done := dst[name]; done {
		return
	}
	mod := all[name]
	dst[name] = mod
	seen := map[string]bool{}
	visit := func(ref ast.Ref) {
		if !ref.HasPrefix(ast.DefaultRootRef) {
			return
		}
		prefix := ref.ConstantPrefix()
		if full := prefix.String(); pkgs.parents[full] && !seen[full+"."] {
			// data.tollgate.iac[x] reaches every package below it.
			seen[full+"."] = true
			for p, deps := range pkgs.modules {
				if strings.HasPrefix(p, full+".") {
					for _, dep := range deps {
						addWithDeps(dst, all, pkgs, dep)
					}
				}
			}
		}
		// data.lib.aws.tf_index[...] may come from package data.lib.aws
		// or data.lib: try every ground prefix.
		for n := len(prefix); n >= 2; n-- {
			p := prefix[:n].String()
			if seen[p] {
				continue
			}
			seen[p] = true
			for _, dep := range pkgs.modules[p] {
				addWithDeps(dst, all, pkgs, dep)
			}
		}
	}
	for _, imp := range mod.Imports {
		if r, ok := imp.Path.Value.(ast.Ref); ok {
			visit(r)
		}
	}
	ast.WalkRefs(mod, func(r ast.Ref) bool {
		visit(r)
		return false
	})
}

// packageIndex maps each package path ("data.lib.aws") to the modules that
// declare it, and records every proper prefix of a package path.
type packageIndex struct {
	modules map[string][]string
	parents map[string]bool
}

func indexPackages(mods map[string]*ast.Module) packageIndex {
	pi := packageIndex{modules: map[string][]string{}, parents: map[string]bool{}}
	for name, mod := range mods {
		path := mod.Package.Path
		pi.modules[path.String()] = append(pi.modules[path.String()], name)
		for n := 1; n < len(path); n++ {
			pi.parents[path[:n].String()] = true
		}
	}
	return pi
}
