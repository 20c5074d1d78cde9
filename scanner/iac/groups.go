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
	name   string
	kinds  []string
	metas  []*CheckMeta
	byKind map[string][]*CheckMeta
	// modules are the parsed modules to compile, nil once compiled.
	modules map[string]*ast.Module
	caps    *ast.Capabilities
	// builtinOnly: every module is built in, so the validation stages
	// can be skipped (see validationStages) unless strict is set.
	builtinOnly bool
	strict      bool

	// triggers of the built-in checks that have them, by check id (see
	// triggerTypes).
	triggers map[string][]string
	match    triggerMatcher

	once     sync.Once
	err      error
	compiler *ast.Compiler

	// queries caches the prepared queries: of all the checks of a kind
	// (keyed by the kind) and of the subsets that documents' resource
	// types trigger (keyed by selection.key). Each is prepared the first
	// time a document needs it, once, however many workers ask.
	mu      sync.Mutex
	queries map[string]*preparedQuery
	subsets int
	// selections caches selectChecks by kind and resource types: the
	// documents of a tree share a few type mixes, and matching every
	// trigger against the types was a few percent of a scan.
	selections map[string]selection
}

// preparedQuery is one entry of checkGroup.queries.
type preparedQuery struct {
	once sync.Once
	q    *rego.PreparedEvalQuery
	err  error
}

// maxSubsetQueries bounds the cached subset queries; a tree of modules
// with more distinct type mixes than this prepares the extra queries each
// time. maxSelections bounds the selection cache the same way.
const (
	maxSubsetQueries = 512
	maxSelections    = 4096
)

// validationStages are the compiler stages that only look for errors
// (types, recursion, conflicts, unsafe heads, undefined functions, ...)
// without changing the modules: a fifth of the compilation. The built-in
// checks pass them (TestBuiltinGroupsCompileStrict), so their groups skip
// them; a group with a user check never does.
var validationStages = []ast.StageID{
	ast.StageCheckKeywordOverrides,
	ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRequiredCapabilities,
}

// ready compiles the group once; every caller waits for the same result.
func (g *checkGroup) ready(ctx context.Context) error {
	g.once.Do(func() { g.err = g.compile(context.WithoutCancel(ctx)) })
	return g.err
}

func (g *checkGroup) compile(_ context.Context) error {
	c := ast.NewCompiler().WithEnablePrintStatements(false).WithCapabilities(g.caps)
	if g.builtinOnly && !g.strict {
		c = c.WithSkipStages(validationStages...)
	}
	c.Compile(g.modules)
	if c.Failed() {
		return fmt.Errorf("compile %s checks: %w", strings.Join(g.kinds, ", "), c.Errors)
	}
	g.compiler = c
	// The compiler works on copies: the parsed modules are garbage once
	// every group holding them is compiled (a tenth of the live heap).
	g.modules = nil
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
	ck := selectionKey(kind, types)
	g.mu.Lock()
	sel, ok := g.selections[ck]
	g.mu.Unlock()
	if ok {
		return sel
	}
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
	g.mu.Lock()
	if g.selections == nil {
		g.selections = map[string]selection{}
	}
	if len(g.selections) < maxSelections {
		g.selections[ck] = sel
	}
	g.mu.Unlock()
	return sel
}

// selectionKey is kind and the sorted types, NUL-separated (neither holds
// a NUL).
func selectionKey(kind string, types map[string]bool) string {
	ts := make([]string, 0, len(types))
	n := len(kind)
	for t := range types {
		ts = append(ts, t)
		n += len(t) + 1
	}
	sort.Strings(ts)
	b := make([]byte, 0, n)
	b = append(b, kind...)
	for _, t := range ts {
		b = append(append(b, 0), t...)
	}
	return string(b)
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
	key := sel.key
	if sel.all {
		key = kind + ":all" // never evicted: one per kind
	}
	g.mu.Lock()
	e := g.queries[key]
	if e == nil {
		e = &preparedQuery{}
		switch {
		case sel.all:
			g.cacheQuery(key, e)
		case g.subsets < maxSubsetQueries:
			g.subsets++
			g.cacheQuery(key, e)
		}
	}
	g.mu.Unlock()
	e.once.Do(func() {
		checks := sel.checks
		if sel.all {
			checks = g.byKind[kind]
		}
		if e.q, e.err = g.prepare(context.WithoutCancel(ctx), checks); e.err != nil {
			e.err = fmt.Errorf("prepare %s checks: %w", kind, e.err)
		}
	})
	return e.q, e.err
}

// prepareAll prepares the query of every kind of the group, so a user
// check that compiles but cannot be queried fails at start-up.
func (g *checkGroup) prepareAll(ctx context.Context) error {
	for _, kind := range g.kinds {
		if _, err := g.query(ctx, kind, selection{checks: g.byKind[kind], all: true}); err != nil {
			return err
		}
	}
	return nil
}

func (g *checkGroup) cacheQuery(key string, e *preparedQuery) {
	if g.queries == nil {
		g.queries = map[string]*preparedQuery{}
	}
	g.queries[key] = e
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
		g.builtinOnly = true
		for name := range g.modules {
			g.builtinOnly = g.builtinOnly && cs.builtin[name]
		}
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
