package terraform

import (
	"math/big"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// mapAttributes are attributes whose object value is a map, not a nested
// block; used for .tf.json bodies, where the two cannot be told apart.
var mapAttributes = map[string]bool{
	"tags": true, "tags_all": true, "labels": true, "metadata": true, "annotations": true,
	"variables": true, "environment": true, "parameters": true, "app_settings": true,
	"resource_labels": true, "user_labels": true, "triggers": true, "default_tags": true,
	"policy": true, "settings": true, "node_selector": true, "data": true, "options": true,
}

// locOf locates a range. The range's own file wins over p: an attribute an
// override file replaced sits in the override file, not in the block's.
func locOf(p string, r hcl.Range) map[string]any {
	if r.Filename != "" {
		p = r.Filename
	}
	return map[string]any{"path": p, "start_line": r.Start.Line, "end_line": r.End.Line}
}

// blockRange spans from a block's type keyword to its closing brace.
func blockRange(b *hcl.Block) hcl.Range {
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(b.DefRange, sb.SrcRange)
	}
	r := b.DefRange
	attrs, _ := b.Body.JustAttributes()
	for _, a := range attrs {
		if a.Range.End.Byte > r.End.Byte {
			r.End = a.Range.End
		}
	}
	return r
}

// ensureBody resolves every reference made anywhere in a body.
func (m *module) ensureBody(body hcl.Body) {
	switch b := body.(type) {
	case *overlayBody:
		m.ensureBody(b.base)
		m.ensureBody(b.over)
	case *hclsyntax.Body:
		for _, a := range b.Attributes {
			m.ensureDeps(a.Expr)
		}
		for _, blk := range b.Blocks {
			m.ensureBody(blk.Body)
		}
	default:
		attrs, _ := body.JustAttributes()
		for _, a := range attrs {
			m.ensureDeps(a.Expr)
		}
	}
}

// bodyValue converts a block body: attributes become values, nested blocks
// become lists of objects under their type name, dynamic blocks are expanded.
func (m *module) bodyValue(body hcl.Body, ctx *hcl.EvalContext, f *file, skip map[string]bool) map[string]any {
	if ob, ok := body.(*overlayBody); ok {
		return overlayValues(m.bodyValue(ob.base, ctx, f, skip), m.bodyValue(ob.over, ctx, f, skip))
	}
	obj := map[string]any{}
	keys := map[string]any{}
	obj["__keys"] = keys
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		attrs, _ := body.JustAttributes()
		for n, a := range attrs {
			if skip[n] {
				continue
			}
			v := m.exprValue(a.Expr, ctx, f)
			if o, isObj := v.(map[string]any); isObj && !mapAttributes[n] && o["__unknown"] == nil {
				v = []any{o}
			}
			obj[n] = v
			keys[n] = locOf(f.path, a.Range)
		}
		return obj
	}
	for n, a := range sb.Attributes {
		if skip[n] {
			continue
		}
		obj[n] = m.exprValue(a.Expr, ctx, f)
		keys[n] = locOf(f.path, a.SrcRange)
	}
	for _, blk := range sb.Blocks {
		if skip[blk.Type] {
			continue
		}
		if blk.Type == "dynamic" && len(blk.Labels) == 1 {
			for _, v := range m.expandDynamic(blk, ctx, f) {
				appendBlock(obj, keys, blk.Labels[0], v, f.path, blk.Range())
			}
			continue
		}
		v := m.bodyValue(blk.Body, ctx, f, nil)
		v["__loc"] = locOf(f.path, blk.Range())
		if len(blk.Labels) > 0 {
			v["__labels"] = stringsToAny(blk.Labels)
		}
		appendBlock(obj, keys, blk.Type, v, f.path, blk.Range())
	}
	return obj
}

func stringsToAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func appendBlock(obj, keys map[string]any, name string, v map[string]any, p string, r hcl.Range) {
	list, _ := obj[name].([]any)
	obj[name] = append(list, v)
	if k, ok := keys[name].(map[string]any); ok {
		k["end_line"] = r.End.Line
		return
	}
	keys[name] = locOf(p, r)
}

// expandDynamic evaluates a dynamic block into one object per element of its
// for_each. An unknown for_each yields one block whose iterator is unknown.
func (m *module) expandDynamic(blk *hclsyntax.Block, ctx *hcl.EvalContext, f *file) []map[string]any {
	iter := blk.Labels[0]
	var content *hclsyntax.Block
	for _, c := range blk.Body.Blocks {
		if c.Type == "content" {
			content = c
		}
	}
	if content == nil {
		return nil
	}
	if a := blk.Body.Attributes["iterator"]; a != nil {
		if name := hcl.ExprAsKeyword(a.Expr); name != "" {
			iter = name
		}
	}
	one := func(k, v cty.Value) map[string]any {
		c := ctx.NewChild()
		c.Variables = map[string]cty.Value{iter: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
		obj := m.bodyValue(content.Body, c, f, nil)
		obj["__loc"] = locOf(f.path, blk.Range())
		return obj
	}
	fe := blk.Body.Attributes["for_each"]
	if fe == nil {
		return nil
	}
	v, _ := m.eval(fe.Expr, ctx).UnmarkDeep()
	if !v.IsKnown() {
		return []map[string]any{one(cty.DynamicVal, cty.DynamicVal)}
	}
	if v.IsNull() || !v.CanIterateElements() {
		return nil
	}
	var out []map[string]any
	for it := v.ElementIterator(); it.Next() && len(out) < 10000; {
		k, ev := it.Element()
		if v.Type().IsSetType() {
			k = ev
		}
		out = append(out, one(k, ev))
	}
	return out
}

// exprValue evaluates an expression into a JSON-like value. Tuple and object
// constructors are walked element by element so that one unresolvable
// element does not hide the others and object keys keep their lines.
func (m *module) exprValue(expr hcl.Expression, ctx *hcl.EvalContext, f *file) any {
	switch e := expr.(type) {
	case *hclsyntax.TemplateWrapExpr:
		return m.exprValue(e.Wrapped, ctx, f)
	case *hclsyntax.TupleConsExpr:
		out := make([]any, 0, len(e.Exprs))
		for _, el := range e.Exprs {
			out = append(out, m.exprValue(el, ctx, f))
		}
		return out
	case *hclsyntax.ObjectConsExpr:
		obj := map[string]any{"__loc": locOf(f.path, e.SrcRange)}
		keys := map[string]any{}
		for _, item := range e.Items {
			kv, diags := safeValue(item.KeyExpr, ctx)
			kv, _ = kv.UnmarkDeep()
			if diags.HasErrors() || !kv.IsKnown() || kv.IsNull() || !kv.Type().Equals(cty.String) {
				return convertValue(m.eval(expr, ctx), locOf(f.path, e.SrcRange))
			}
			k := kv.AsString()
			obj[k] = m.exprValue(item.ValueExpr, ctx, f)
			keys[k] = locOf(f.path, hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range()))
		}
		obj["__keys"] = keys
		return obj
	}
	return convertValue(m.eval(expr, ctx), locOf(f.path, expr.Range()))
}

// convertValue turns a cty value into a JSON-like value. Unknown values
// become {"__unknown": true}, with "__ref" naming the resource they come from.
func convertValue(v cty.Value, loc map[string]any) any {
	v, marks := v.Unmark()
	if !v.IsKnown() {
		u := map[string]any{"__unknown": true}
		var refs []string
		for mk := range marks {
			if r, ok := mk.(refMark); ok {
				refs = append(refs, r.addr)
			}
		}
		sort.Strings(refs)
		if len(refs) == 1 {
			u["__ref"] = refs[0]
		} else if len(refs) > 1 {
			u["__refs"] = stringsToAny(refs)
		}
		return u
	}
	if v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Bool:
		return v.True()
	case ty == cty.Number:
		return numberValue(v.AsBigFloat())
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			out = append(out, convertValue(ev, loc))
		}
		return out
	case ty.IsMapType() || ty.IsObjectType():
		out := map[string]any{"__loc": loc, "__keys": map[string]any{}}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			out[k.AsString()] = convertValue(ev, loc)
		}
		return out
	}
	return map[string]any{"__unknown": true}
}

func numberValue(bf *big.Float) any {
	if bf.IsInt() {
		if i, acc := bf.Int64(); acc == big.Exact {
			return i
		}
	}
	f, _ := bf.Float64()
	return f
}

// plainValue is convertValue without location annotations, for values
// re-encoded as JSON text.
func plainValue(v cty.Value) any {
	out := convertValue(v, nil)
	return stripAnnotations(out)
}

func stripAnnotations(v any) any {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "__loc")
		delete(x, "__keys")
		for k, e := range x {
			x[k] = stripAnnotations(e)
		}
	case []any:
		for i, e := range x {
			x[i] = stripAnnotations(e)
		}
	}
	return v
}
