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

	once     sync.Once
	err      error
	compiler *ast.Compiler
	// queries by document kind; a kind without checks has no entry.
	queries map[string]*rego.PreparedEvalQuery
}

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
	byKind := map[string][]*CheckMeta{}
	for _, m := range g.metas {
		for _, k := range m.Frameworks {
			byKind[k] = append(byKind[k], m)
		}
	}
	for _, kind := range g.kinds {
		ms := byKind[kind]
		if len(ms) == 0 {
			continue
		}
		// One object keyed by check id; a comprehension per check is always
		// defined, so one check with no result never hides the others.
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
			rego.Compiler(c),
			rego.SetRegoVersion(ast.RegoV1),
			rego.StrictBuiltinErrors(false),
			rego.Capabilities(g.caps),
		).PrepareForEval(ctx)
		if err != nil {
			return fmt.Errorf("prepare %s checks: %w", kind, err)
		}
		g.queries[kind] = &q
	}
	return nil
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
	byPkg := map[string][]string{}
	for name, mod := range cs.modules {
		p := mod.Package.Path.String()
		byPkg[p] = append(byPkg[p], name)
	}
	metaBySource := map[string]*CheckMeta{}
	for i := range cs.metas {
		metaBySource[cs.metas[i].Source] = &cs.metas[i]
	}
	groups := map[string]*checkGroup{}
	for name, m := range metaBySource {
		root := find(m.Frameworks[0])
		g := groups[root]
		if g == nil {
			g = &checkGroup{modules: map[string]*ast.Module{}, caps: caps}
			groups[root] = g
		}
		g.metas = append(g.metas, m)
		addWithDeps(g.modules, cs.modules, byPkg, name)
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
func addWithDeps(dst, all map[string]*ast.Module, byPkg map[string][]string, name string) {
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
		// data.lib.aws.tf_index[...] may come from package data.lib.aws
		// or data.lib: try every ground prefix.
		prefix := ref.ConstantPrefix()
		if full := prefix.String(); !seen[full+"."] {
			// data.tollgate.iac[x] reaches every package below it.
			seen[full+"."] = true
			for p, deps := range byPkg {
				if strings.HasPrefix(p, full+".") {
					for _, dep := range deps {
						addWithDeps(dst, all, byPkg, dep)
					}
				}
			}
		}
		for n := len(prefix); n >= 2; n-- {
			p := prefix[:n].String()
			if seen[p] {
				continue
			}
			seen[p] = true
			for _, dep := range byPkg[p] {
				addWithDeps(dst, all, byPkg, dep)
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
