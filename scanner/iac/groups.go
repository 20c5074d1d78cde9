package iac

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// checkGroup is the unit of compilation: the built-in checks of one
// directory (aws, gcp, kubernetes, ...) or all the user checks, with the
// library modules they use. Compiling all 300+ checks costs about half a
// CPU-second, most of a small scan, so a group is compiled the first time
// a document needs one of its checks: a scan of Dockerfiles never pays for
// the cloud checks, and one of AWS modules never for the GCP and Azure
// ones (see triggerTypes).
type checkGroup struct {
	name    string
	kinds   []string
	metas   []*CheckMeta
	byKind  map[string][]*CheckMeta
	modules map[string]*ast.Module
	caps    *ast.Capabilities

	// triggers of the built-in checks that have them, by check id (see
	// triggerTypes).
	triggers map[string][]string
	match    triggerMatcher

	once     sync.Once
	err      error
	compiler *ast.Compiler
	// queries by document kind, of all its checks of the kind.
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

// selection is the checks of one group to run on a document.
type selection struct {
	checks []*CheckMeta
	all    bool   // every check of the kind
	key    string // the subset, when not all
}

// selectChecks picks the checks of kind that a document with resource
// types (typed: the document has a resource list) can trigger, plus every
// check without triggers.
func (g *checkGroup) selectChecks(kind string, types map[string]bool, typed bool) selection {
	all := g.byKind[kind]
	if !typed || len(g.triggers) == 0 {
		return selection{checks: all, all: true}
	}
	var sel selection
	key := []byte(kind)
	for i, m := range all {
		if ts, has := g.triggers[m.ID]; has && !g.match.any(ts, types) {
			continue
		}
		sel.checks = append(sel.checks, m)
		key = strconv.AppendInt(append(key, ','), int64(i), 10)
	}
	sel.all = len(sel.checks) == len(all)
	sel.key = string(key)
	return sel
}

// needsAlways reports whether every document of kind runs a check of the
// group, so compiling it early is never wasted.
func (g *checkGroup) needsAlways(kind string) bool {
	for _, m := range g.byKind[kind] {
		if _, has := g.triggers[m.ID]; !has {
			return true
		}
	}
	return false
}

// query compiles the group if needed and returns the prepared query of
// sel, from the cache when it was prepared before.
func (g *checkGroup) query(ctx context.Context, kind string, sel selection) (*rego.PreparedEvalQuery, error) {
	if err := g.ready(ctx); err != nil {
		return nil, err
	}
	if sel.all {
		return g.queries[kind], nil
	}
	g.mu.Lock()
	q := g.subsets[sel.key]
	g.mu.Unlock()
	if q != nil {
		return q, nil
	}
	q, err := g.prepare(ctx, sel.checks)
	if err != nil {
		return nil, fmt.Errorf("prepare %s checks: %w", kind, err)
	}
	g.mu.Lock()
	if len(g.subsets) < maxSubsetQueries {
		g.subsets[sel.key] = q
	}
	g.mu.Unlock()
	return q, nil
}

// groupChecks splits the check set into groups, one per directory of
// built-in checks and one for all user checks; each group gets its check
// modules plus every module those reach through data references (the
// libraries, and for a user check that uses another check's rules, that
// check too).
func groupChecks(cs *checkSet, caps *ast.Capabilities) []*checkGroup {
	pkgs := indexPackages(cs.modules)
	builtins := map[string]*ast.Module{}
	for name, mod := range cs.modules {
		if cs.builtin[name] {
			builtins[name] = mod
		}
	}
	triggers := newTriggerIndex(builtins)
	groups := map[string]*checkGroup{}
	for i := range cs.metas {
		m := &cs.metas[i]
		name := groupName(m)
		g := groups[name]
		if g == nil {
			g = &checkGroup{name: name, byKind: map[string][]*CheckMeta{}, modules: map[string]*ast.Module{}, caps: caps, triggers: map[string][]string{}}
			groups[name] = g
		}
		g.metas = append(g.metas, m)
		for _, k := range m.Frameworks {
			if len(g.byKind[k]) == 0 {
				g.kinds = append(g.kinds, k)
			}
			g.byKind[k] = append(g.byKind[k], m)
		}
		if m.Builtin {
			if ts := triggers.triggerTypes(cs.modules[m.Source]); ts != nil {
				g.triggers[m.ID] = ts
			}
		}
		addWithDeps(g.modules, cs.modules, pkgs, m.Source)
	}
	out := make([]*checkGroup, 0, len(groups))
	for _, g := range groups {
		sort.Strings(g.kinds)
		g.match = newTriggerMatcher(g.triggers)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// groupName is the directory of a built-in check ("aws" for
// builtin:aws/s3_encryption.rego), or "user".
func groupName(m *CheckMeta) string {
	if !m.Builtin {
		return "user"
	}
	rest := strings.TrimPrefix(m.Source, "builtin:")
	if i := strings.IndexByte(rest, '/'); i > 0 {
		return rest[:i]
	}
	return rest
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
