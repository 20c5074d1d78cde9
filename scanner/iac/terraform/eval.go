package terraform

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// refMark marks a value that comes from a resource, data source or module,
// so the document can say which address it refers to.
type refMark struct{ addr string }

// docBuilder collects what a root module and its local modules contribute.
type docBuilder struct {
	resources  []any
	providers  []any
	unresolved []any
}

const (
	stateNew = iota
	stateBusy
	stateDone
)

// instance is one expansion of a count or for_each block.
type instance struct {
	index  any    // nil, int or string
	suffix string // "", "[0]" or `["key"]`
	vars   map[string]cty.Value
}

// module evaluates one module instance (the root or a local module call).
type module struct {
	ctx     context.Context
	l       *loader
	doc     *docBuilder
	mf      *moduleFiles
	prefix  string // "" for the root, else "module.net" / "module.net[0]"
	inputs  map[string]cty.Value
	depth   int
	stack   []string
	rootDir string
	key     string // the module's key in the manifest: "" for the root, "net", "net.subnets"
	funcs   map[string]function.Function

	vars      map[string]cty.Value
	varOrder  []string
	varLoc    map[string]map[string]any
	localAttr map[string]*localDef
	locals    map[string]cty.Value
	lstate    map[string]int

	resBlocks map[string]*hcl.Block // "type.name" or "data.type.name"
	resOrder  []string
	rstate    map[string]int
	rvals     map[string]cty.Value
	rinst     map[string][]instance

	modBlocks map[string]*hcl.Block
	modOrder  []string
	mstate    map[string]int
	mvals     map[string]cty.Value

	outBlocks map[string]*hcl.Block
	outOrder  []string

	evalCtx    *hcl.EvalContext
	dirty      bool
	dirtyRoots map[string]bool
	typeKeys   map[string][]string // context root -> resource keys under it
}

type localDef struct {
	attr *hcl.Attribute
	f    *file
}

func newModule(ctx context.Context, l *loader, doc *docBuilder, mf *moduleFiles, prefix string,
	inputs map[string]cty.Value, depth int, stack []string) *module {
	m := &module{
		ctx: ctx, l: l, doc: doc, mf: mf, prefix: prefix, inputs: inputs, depth: depth, stack: stack,
		rootDir: stack[0],
		vars:    map[string]cty.Value{}, varLoc: map[string]map[string]any{}, localAttr: map[string]*localDef{}, locals: map[string]cty.Value{},
		lstate: map[string]int{}, resBlocks: map[string]*hcl.Block{}, rstate: map[string]int{},
		rvals: map[string]cty.Value{}, rinst: map[string][]instance{}, modBlocks: map[string]*hcl.Block{},
		mstate: map[string]int{}, mvals: map[string]cty.Value{}, outBlocks: map[string]*hcl.Block{},
		typeKeys: map[string][]string{},
	}
	m.funcs = l.budget.wrapFuncs(functions(l.fsys, m.rootDir, l.budget.guardNode))
	for _, b := range mf.blocks {
		switch b.Type {
		case "variable":
			d := parseVariable(b)
			given, ok := inputs[d.name]
			if raw, inEnv := l.env[d.name]; !ok && inEnv && depth == 0 {
				// TF_VAR_name: below every variables file
				given, ok = d.fromEnv(raw), true
			}
			if _, seen := m.vars[d.name]; !seen {
				m.varOrder = append(m.varOrder, d.name)
			}
			m.vars[d.name] = d.resolve(given, ok)
			m.varLoc[d.name] = locOf(mf.origin[b].path, blockRange(b))
		case "locals":
			attrs, _ := b.Body.JustAttributes()
			for n, a := range attrs {
				m.localAttr[n] = &localDef{attr: a, f: mf.origin[b]}
			}
		case "resource", "data":
			key := b.Labels[0] + "." + b.Labels[1]
			if b.Type == "data" {
				key = "data." + key
			}
			if _, dup := m.resBlocks[key]; !dup {
				m.resOrder = append(m.resOrder, key)
				if root, ok := resourceRoot(key); ok {
					m.typeKeys[root] = append(m.typeKeys[root], key)
				}
			}
			m.resBlocks[key] = b
		case "module":
			if _, dup := m.modBlocks[b.Labels[0]]; !dup {
				m.modOrder = append(m.modOrder, b.Labels[0])
			}
			m.modBlocks[b.Labels[0]] = b
		case "output":
			if _, dup := m.outBlocks[b.Labels[0]]; !dup {
				m.outOrder = append(m.outOrder, b.Labels[0])
			}
			m.outBlocks[b.Labels[0]] = b
		}
	}
	return m
}

// addr qualifies a module-local address with the module prefix.
func (m *module) addr(local string) string {
	if m.prefix == "" {
		return local
	}
	return m.prefix + "." + local
}

// run evaluates every module call and resource and adds them to the document.
func (m *module) run() {
	for _, b := range m.mf.blocks {
		if b.Type == "provider" {
			m.addProvider(b)
		}
	}
	// Resolve every reference target first so that the context is rebuilt
	// once per root rather than once per resolved resource.
	for _, key := range m.resOrder {
		m.ensureResource(key)
	}
	for _, name := range m.modOrder {
		if m.ctx.Err() != nil {
			return
		}
		m.ensureModule(name)
	}
	for _, key := range m.resOrder {
		if m.ctx.Err() != nil {
			return
		}
		m.safeEmit(key)
	}
}

// markDirty records that the named root of the evaluation context ("local",
// "module", "data" or a resource type) must be rebuilt.
func (m *module) markDirty(root string) {
	if m.dirtyRoots == nil {
		m.dirtyRoots = map[string]bool{}
	}
	m.dirtyRoots[root] = true
	m.dirty = true
}

// evalContext returns the module-level evaluation context. Only the roots
// changed since the last call are rebuilt, so resolving n locals or
// resources costs O(n) context work per root instead of O(n) per value.
func (m *module) evalContext() *hcl.EvalContext {
	if m.evalCtx == nil {
		m.evalCtx = &hcl.EvalContext{Functions: m.funcs, Variables: map[string]cty.Value{
			"var":       objectOf(m.vars),
			"path":      cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(relDir(m.rootDir, m.mf.dir)), "root": cty.StringVal("."), "cwd": cty.StringVal(".")}),
			"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")}),
		}}
		m.dirtyRoots = map[string]bool{"local": true, "module": true, "data": true}
		for key := range m.resBlocks {
			if t, ok := resourceRoot(key); ok {
				m.dirtyRoots[t] = true
			}
		}
		m.dirty = true
	}
	if !m.dirty {
		return m.evalCtx
	}
	vars := m.evalCtx.Variables
	for root := range m.dirtyRoots {
		switch root {
		case "local":
			locals := map[string]cty.Value{}
			for n := range m.localAttr {
				if v, ok := m.locals[n]; ok {
					locals[n] = v
				} else {
					locals[n] = cty.DynamicVal
				}
			}
			vars["local"] = objectOf(locals)
		case "module":
			mods := map[string]cty.Value{}
			for n := range m.modBlocks {
				if v, ok := m.mvals[n]; ok {
					mods[n] = v
				} else {
					mods[n] = cty.DynamicVal.Mark(refMark{m.addr("module." + n)})
				}
			}
			vars["module"] = objectOf(mods)
		case "data":
			byType := map[string]map[string]cty.Value{}
			for _, key := range m.typeKeys["data"] {
				parts := strings.SplitN(key, ".", 3)
				if byType[parts[1]] == nil {
					byType[parts[1]] = map[string]cty.Value{}
				}
				byType[parts[1]][parts[2]] = m.refValue(key)
			}
			obj := map[string]cty.Value{}
			for t, names := range byType {
				obj[t] = objectOf(names)
			}
			vars["data"] = objectOf(obj)
		default:
			names := map[string]cty.Value{}
			for _, key := range m.typeKeys[root] {
				names[strings.SplitN(key, ".", 2)[1]] = m.refValue(key)
			}
			vars[root] = objectOf(names)
		}
	}
	m.dirtyRoots = map[string]bool{}
	m.dirty = false
	return m.evalCtx
}

// resourceRoot is the context root a resource key lives under: its type for
// managed resources (false for names terraform reserves), "data" for data.
func resourceRoot(key string) (string, bool) {
	parts := strings.SplitN(key, ".", 2)
	switch parts[0] {
	case "data":
		return "data", true
	case "var", "local", "module", "path", "terraform", "count", "each", "self":
		return "", false
	}
	return parts[0], true
}

func (m *module) refValue(key string) cty.Value {
	if v, ok := m.rvals[key]; ok {
		return v
	}
	return cty.DynamicVal.Mark(refMark{m.addr(key)})
}

func objectOf(vals map[string]cty.Value) cty.Value {
	if len(vals) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(vals)
}

// ensureDeps resolves everything an expression refers to.
func (m *module) ensureDeps(expr hcl.Expression) {
	if expr == nil {
		return
	}
	for _, t := range safeVariables(expr) {
		root := t.RootName()
		switch root {
		case "var", "path", "terraform", "count", "each", "self":
		case "local":
			if n := stepName(t, 1); n != "" {
				m.ensureLocal(n)
			}
		case "module":
			if n := stepName(t, 1); n != "" {
				m.ensureModule(n)
			}
		case "data":
			if typ, n := stepName(t, 1), stepName(t, 2); typ != "" && n != "" {
				m.ensureResource("data." + typ + "." + n)
			}
		default:
			if n := stepName(t, 1); n != "" {
				m.ensureResource(root + "." + n)
			}
		}
	}
}

func safeVariables(expr hcl.Expression) (out []hcl.Traversal) {
	defer func() {
		if r := recover(); r != nil {
			out = nil
		}
	}()
	return expr.Variables()
}

func stepName(t hcl.Traversal, i int) string {
	if len(t) <= i {
		return ""
	}
	if a, ok := t[i].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// eval evaluates an expression after resolving its dependencies. Errors and
// panics give an unknown value.
func (m *module) eval(expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	b := m.l.budget
	rng := expr.Range()
	prev := b.cur
	b.cur = &rng
	defer func() { b.cur = prev }()
	if b.step(1, &rng) != nil {
		return cty.DynamicVal
	}
	v, diags := safeValue(expr, ctx)
	if diags.HasErrors() {
		return unknownLike(v)
	}
	// A value over budget (a string doubled local after local) is unknown
	// before anything else can build on it.
	if b.measure(v, &rng, "the value") != nil {
		return unknownLike(v)
	}
	return v
}

func unknownLike(v cty.Value) cty.Value {
	if v == cty.NilVal {
		return cty.DynamicVal
	}
	_, marks := v.Unmark()
	return cty.DynamicVal.WithMarks(marks)
}

func safeValue(expr hcl.Expression, ctx *hcl.EvalContext) (v cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			v = cty.DynamicVal
			diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: fmt.Sprintf("evaluation failure: %v", r)}}
		}
	}()
	return expr.Value(ctx)
}

func (m *module) ensureLocal(name string) {
	def, ok := m.localAttr[name]
	if !ok || m.lstate[name] != stateNew {
		return
	}
	m.lstate[name] = stateBusy
	m.ensureDeps(def.attr.Expr)
	v := m.eval(def.attr.Expr, m.evalContext())
	m.locals[name] = v
	m.lstate[name] = stateDone
	m.markDirty("local")
}

// ensureResource computes the instances of a resource and the value other
// expressions see when they refer to it.
func (m *module) ensureResource(key string) {
	b, ok := m.resBlocks[key]
	if !ok || m.rstate[key] != stateNew {
		return
	}
	m.rstate[key] = stateBusy
	insts, known := m.instances(b.Body)
	m.rinst[key] = insts
	base := m.addr(key)
	m.rvals[key] = refShape(base, insts, known, b.Body)
	m.rstate[key] = stateDone
	if root, ok := resourceRoot(key); ok {
		m.markDirty(root)
	}
}

// refShape is the value seen by references: unknown values marked with the
// instance address, laid out like terraform (tuple for count, object for
// for_each).
func refShape(base string, insts []instance, known bool, body hcl.Body) cty.Value {
	if !known {
		return cty.DynamicVal.Mark(refMark{base})
	}
	c, _, _ := body.PartialContent(repetitionSchema)
	switch {
	case c.Attributes["count"] != nil:
		elems := make([]cty.Value, len(insts))
		for i, in := range insts {
			elems[i] = cty.DynamicVal.Mark(refMark{base + in.suffix})
		}
		if len(elems) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(elems)
	case c.Attributes["for_each"] != nil:
		obj := map[string]cty.Value{}
		for _, in := range insts {
			if k, ok := in.index.(string); ok {
				obj[k] = cty.DynamicVal.Mark(refMark{base + in.suffix})
			}
		}
		return objectOf(obj)
	}
	return cty.DynamicVal.Mark(refMark{base})
}

var repetitionSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}}}

// instances expands count / for_each. known is false when the repetition
// cannot be resolved; one instance with unknown count.index / each is
// returned then, so the configured values are still checked.
func (m *module) instances(body hcl.Body) ([]instance, bool) {
	c, _, _ := body.PartialContent(repetitionSchema)
	if a := c.Attributes["count"]; a != nil {
		m.ensureDeps(a.Expr)
		v, _ := m.eval(a.Expr, m.evalContext()).UnmarkDeep()
		if !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.Number) {
			return []instance{{vars: map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})}}}, false
		}
		n, acc := v.AsBigFloat().Int64()
		if acc != 0 && n < 0 {
			n = 0
		}
		if lim := m.l.budget.lim.Instances; n > lim {
			rng := a.Expr.Range()
			m.l.budget.exceed(BudgetInstances, lim, &rng, fmt.Sprintf("count = %d; the first %d instances are checked", n, lim))
			n = lim
		}
		var out []instance
		for i := int64(0); i < n; i++ {
			out = append(out, instance{index: int(i), suffix: "[" + strconv.FormatInt(i, 10) + "]",
				vars: map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(i)})}})
		}
		return out, true
	}
	if a := c.Attributes["for_each"]; a != nil {
		m.ensureDeps(a.Expr)
		raw := m.eval(a.Expr, m.evalContext())
		v, _ := raw.UnmarkDeep()
		// rv keeps the marks of the elements so each.value still refers
		// to the resource it came from.
		rv, _ := raw.Unmark()
		unknown := []instance{{vars: map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})}}}
		// Maps only need known keys (values may be unknown, as with
		// for_each over another resource); sets need known elements.
		if !v.IsKnown() || (!v.Type().IsMapType() && !v.Type().IsObjectType() && !v.IsWhollyKnown()) {
			return unknown, false
		}
		if v.IsNull() {
			return nil, true
		}
		ty := v.Type()
		var out []instance
		add := func(k string, val cty.Value) {
			out = append(out, instance{index: k, suffix: fmt.Sprintf("[%q]", k),
				vars: map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(k), "value": val})}})
		}
		switch {
		case ty.IsMapType() || ty.IsObjectType():
			for it := rv.ElementIterator(); it.Next(); {
				k, val := it.Element()
				k, _ = k.Unmark()
				add(k.AsString(), val)
			}
		case ty.IsSetType() || ty.IsListType() || ty.IsTupleType():
			for it := rv.ElementIterator(); it.Next(); {
				_, val := it.Element()
				uv, _ := val.Unmark()
				if uv.IsNull() || !uv.Type().Equals(cty.String) {
					return unknown, false
				}
				add(uv.AsString(), val)
			}
		default:
			return unknown, false
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].index.(string) < out[j].index.(string) })
		if lim := m.l.budget.lim.Instances; int64(len(out)) > lim {
			rng := a.Expr.Range()
			m.l.budget.exceed(BudgetInstances, lim, &rng, fmt.Sprintf("for_each has %d elements; the first %d instances (by key) are checked", len(out), lim))
			out = out[:lim]
		}
		return out, true
	}
	return []instance{{}}, true
}

// childContext layers instance variables (count, each) over the module context.
func childContext(parent *hcl.EvalContext, vars map[string]cty.Value) *hcl.EvalContext {
	if len(vars) == 0 {
		return parent
	}
	c := parent.NewChild()
	c.Variables = vars
	return c
}

var metaArgs = map[string]bool{
	"count": true, "for_each": true, "depends_on": true, "provider": true, "lifecycle": true,
	"provisioner": true, "connection": true, "providers": true, "source": true, "version": true,
}

// safeEmit emits one resource; a failure inside the evaluator drops that
// resource (logged) instead of the whole module.
func (m *module) safeEmit(key string) {
	defer func() {
		if r := recover(); r != nil {
			m.l.log.Debug("terraform: resource not evaluated", "resource", m.addr(key), "panic", r)
		}
	}()
	m.emitResource(key)
}

// emitResource adds every instance of a resource or data source to the document.
func (m *module) emitResource(key string) {
	m.ensureResource(key)
	b := m.resBlocks[key]
	b0 := b
	f := m.mf.origin[b]
	m.ensureBody(b.Body)
	ctx := m.evalContext()
	mode := "managed"
	if b.Type == "data" {
		mode = "data"
	}
	provider := providerName(b)
	for _, in := range m.rinst[key] {
		if m.ctx.Err() != nil {
			return
		}
		if b := m.l.budget; b.resources >= b.lim.ResourceInstances {
			rng := blockRange(b0)
			b.exceed(BudgetResourceInstances, b.lim.ResourceInstances, &rng, fmt.Sprintf("more than %d resource instances; the rest are not checked", b.lim.ResourceInstances))
			return
		} else {
			b.resources++
		}
		c := childContext(ctx, in.vars)
		values := m.bodyValue(b.Body, c, f, metaArgs)
		rng := blockRange(b)
		values["__loc"] = locOf(f.path, rng)
		addr := m.addr(key) + in.suffix
		m.doc.resources = append(m.doc.resources, map[string]any{
			"address":  addr,
			"mode":     mode,
			"type":     b.Labels[0],
			"name":     b.Labels[1],
			"module":   m.prefix,
			"index":    in.index,
			"provider": provider,
			"values":   values,
			"__loc":    locOf(f.path, rng),
			"__keys":   map[string]any{},
		})
	}
}

func providerName(b *hcl.Block) string {
	c, _, _ := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "provider"}}})
	if a := c.Attributes["provider"]; a != nil {
		if t, diags := hcl.AbsTraversalForExpr(a.Expr); !diags.HasErrors() && len(t) > 0 {
			name := t.RootName()
			if alias := stepName(t, 1); alias != "" {
				name += "." + alias
			}
			return name
		}
		if v, diags := safeValue(a.Expr, nil); !diags.HasErrors() && v.IsKnown() && v.Type().Equals(cty.String) {
			return v.AsString()
		}
	}
	typ := b.Labels[0]
	if i := strings.IndexByte(typ, '_'); i > 0 {
		return typ[:i]
	}
	return typ
}

func (m *module) addProvider(b *hcl.Block) {
	f := m.mf.origin[b]
	m.ensureBody(b.Body)
	values := m.bodyValue(b.Body, m.evalContext(), f, nil)
	rng := blockRange(b)
	values["__loc"] = locOf(f.path, rng)
	alias := ""
	if a, ok := values["alias"].(string); ok {
		alias = a
	}
	m.doc.providers = append(m.doc.providers, map[string]any{
		"name": b.Labels[0], "alias": alias, "module": m.prefix, "values": values,
		"__loc": locOf(f.path, rng), "__keys": map[string]any{},
	})
}

// ensureModule evaluates a module call (every instance) once.
func (m *module) ensureModule(name string) {
	b, ok := m.modBlocks[name]
	if !ok || m.mstate[name] != stateNew {
		return
	}
	m.mstate[name] = stateBusy
	m.mvals[name] = m.callModule(name, b)
	m.mstate[name] = stateDone
	m.markDirty("module")
}

func (m *module) callModule(name string, b *hcl.Block) cty.Value {
	f := m.mf.origin[b]
	base := m.addr("module." + name)
	unknown := cty.DynamicVal.Mark(refMark{base})
	attrs, _ := b.Body.JustAttributes()
	source := ""
	if a := attrs["source"]; a != nil {
		if v, diags := safeValue(a.Expr, nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().Equals(cty.String) {
			source = v.AsString()
		}
	}
	unresolved := func(reason string) cty.Value {
		m.l.log.Debug("terraform: module not evaluated", "module", base, "source", source, "reason", reason)
		m.doc.unresolved = append(m.doc.unresolved, map[string]any{
			"address": base, "source": source, "reason": reason,
			"__loc": locOf(f.path, blockRange(b)), "__keys": map[string]any{},
		})
		return unknown
	}
	key := moduleKey(m.key, name)
	target, local := localSource(m.mf.dir, source)
	if !local {
		// a registry or git module: evaluated from the copy terraform
		// init downloaded, when there is one
		dir, ok := m.l.manifest[key]
		if !ok {
			return unresolved(ReasonNotDownloaded)
		}
		target = dir
	}
	if m.depth+1 >= maxModuleDepth {
		return unresolved(ReasonTooDeep)
	}
	for _, d := range m.stack {
		if d == target {
			return unresolved(ReasonCycle)
		}
	}
	child, err := m.l.load(target)
	if err != nil {
		return unresolved(err.Error())
	}
	insts, known := m.instances(b.Body)
	for _, a := range attrs {
		m.ensureDeps(a.Expr)
	}
	ctx := m.evalContext()
	outs := map[string]cty.Value{}
	var tuple []cty.Value
	for _, in := range insts {
		if bud := m.l.budget; bud.modules >= bud.lim.ModuleInstances {
			rng := blockRange(b)
			bud.exceed(BudgetModuleInstances, bud.lim.ModuleInstances, &rng, fmt.Sprintf("more than %d module instances; the rest are not evaluated", bud.lim.ModuleInstances))
			return unknown
		} else {
			bud.modules++
		}
		c := childContext(ctx, in.vars)
		inputs := map[string]cty.Value{}
		for n, a := range attrs {
			if metaArgs[n] {
				continue
			}
			inputs[n] = m.eval(a.Expr, c)
		}
		prefix := base + in.suffix
		if !known {
			prefix = base
		}
		cm := newModule(m.ctx, m.l, m.doc, child, prefix, inputs, m.depth+1, append(append([]string{}, m.stack...), target))
		cm.rootDir = m.rootDir
		cm.key = key
		cm.funcs = m.funcs
		cm.run()
		out := cm.outputsCty()
		if k, ok := in.index.(string); ok {
			outs[k] = out
		}
		tuple = append(tuple, out)
	}
	if !known {
		return unknown
	}
	c, _, _ := b.Body.PartialContent(repetitionSchema)
	switch {
	case c.Attributes["count"] != nil:
		if len(tuple) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(tuple)
	case c.Attributes["for_each"] != nil:
		return objectOf(outs)
	}
	if len(tuple) == 1 {
		return tuple[0]
	}
	return unknown
}

var outputSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value"}, {Name: "description"}, {Name: "sensitive"}, {Name: "depends_on"}, {Name: "ephemeral"}}}

func (m *module) outputValue(b *hcl.Block) cty.Value {
	c, _, _ := b.Body.PartialContent(outputSchema)
	a := c.Attributes["value"]
	if a == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	m.ensureDeps(a.Expr)
	return m.eval(a.Expr, m.evalContext())
}

func (m *module) outputsCty() cty.Value {
	outs := map[string]cty.Value{}
	for _, n := range m.outOrder {
		outs[n] = m.outputValue(m.outBlocks[n])
	}
	return objectOf(outs)
}

func (m *module) outputsValue() map[string]any {
	out := map[string]any{}
	for _, n := range m.outOrder {
		b := m.outBlocks[n]
		f := m.mf.origin[b]
		out[n] = convertValue(m.outputValue(b), locOf(f.path, blockRange(b)))
	}
	return out
}

func (m *module) variablesValue() map[string]any {
	out := map[string]any{}
	for _, n := range m.varOrder {
		out[n] = convertValue(m.vars[n], m.varLoc[n])
	}
	return out
}

func (m *module) providers() []any {
	if m.doc.providers == nil {
		return []any{}
	}
	return m.doc.providers
}

// relDir is dir relative to the root module directory, as terraform's
// path.module ("." for the root module).
func relDir(root, dir string) string {
	r, err := filepath.Rel(filepath.FromSlash(root), filepath.FromSlash(dir))
	if err != nil {
		return dir
	}
	return filepath.ToSlash(r)
}
