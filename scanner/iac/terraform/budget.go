package terraform

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Budgets bound the evaluation of one root module together with its local
// modules. A configuration of a few hundred bytes can otherwise ask for
// gigabytes (join/range nested eight deep, module count fan-out); with
// budgets, the value that would exceed one becomes unknown, the rest of the
// module is still evaluated and checked, and ParseModule reports each
// budget exceeded (where it first was) as a *scanner.BudgetError inside a
// *scanner.FileError, several of them joined.
// A zero field takes its default.
type Budgets struct {
	// StringLength bounds one string value, and the strings a function
	// receives together, in bytes.
	StringLength int64
	// CollectionSize bounds the elements of one value (nested elements
	// counted), of a function's arguments together, and of the collection
	// a for expression iterates.
	CollectionSize int64
	// Instances bounds count and for_each of one resource or module call;
	// the first Instances instances are evaluated.
	Instances int64
	// ModuleInstances bounds the module instances of a root module.
	ModuleInstances int64
	// ResourceInstances bounds the resource instances of a root module.
	ResourceInstances int64
	// Steps bounds the work of an evaluation: one step per function
	// call, per element a function receives or a for expression iterates,
	// and per value checked.
	Steps int64
}

// Budget names, as they appear in findings and docs/hardening.md.
const (
	BudgetStringLength      = "terraform-string-length"
	BudgetCollectionSize    = "terraform-collection-size"
	BudgetInstances         = "terraform-instances"
	BudgetModuleInstances   = "terraform-module-instances"
	BudgetResourceInstances = "terraform-resource-instances"
	BudgetSteps             = "terraform-steps"
)

// DefaultBudgets are the budgets ParseModule uses unless told otherwise.
func DefaultBudgets() Budgets {
	return Budgets{
		StringLength:      1 << 20,
		CollectionSize:    100_000,
		Instances:         500,
		ModuleInstances:   1_000,
		ResourceInstances: 500,
		Steps:             2_000_000,
	}
}

func (b Budgets) withDefaults() Budgets {
	d := DefaultBudgets()
	for _, p := range []struct{ v, def *int64 }{
		{&b.StringLength, &d.StringLength}, {&b.CollectionSize, &d.CollectionSize}, {&b.Instances, &d.Instances},
		{&b.ModuleInstances, &d.ModuleInstances}, {&b.ResourceInstances, &d.ResourceInstances}, {&b.Steps, &d.Steps},
	} {
		if *p.v <= 0 {
			*p.v = *p.def
		}
	}
	return b
}

// budget is the running account of one root module evaluation. Evaluation
// is single-threaded, so it needs no lock.
type budget struct {
	lim       Budgets
	steps     int64
	modules   int64
	resources int64
	// exceeded holds the first place each budget was exceeded, in order.
	exceeded []*scanner.FileError
	seen     map[string]bool
	// cur is the expression being evaluated, the place of a budget
	// exceeded inside a function.
	cur *hcl.Range
}

func newBudget(lim Budgets) *budget { return &budget{lim: lim.withDefaults()} }

// errBudget is returned inside evaluation once a budget is exceeded; it
// only makes the value at hand unknown.
type errBudget struct{ name string }

func (e *errBudget) Error() string { return "evaluation budget " + e.name + " exceeded" }

// exceed records a budget exceeded at rng (the first place per budget) and
// returns the error that makes the value unknown.
func (b *budget) exceed(name string, limit int64, rng *hcl.Range, detail string) error {
	if rng == nil {
		rng = b.cur
	}
	if !b.seen[name] {
		if b.seen == nil {
			b.seen = map[string]bool{}
		}
		b.seen[name] = true
		fe := &scanner.FileError{Err: &scanner.BudgetError{Budget: name, Limit: limit, Detail: detail}}
		if rng != nil {
			fe.Path, fe.Line = rng.Filename, rng.Start.Line
		}
		b.exceeded = append(b.exceeded, fe)
	}
	return &errBudget{name}
}

// step charges n steps.
func (b *budget) step(n int64, rng *hcl.Range) error {
	b.steps += n
	if b.steps > b.lim.Steps {
		return b.exceed(BudgetSteps, b.lim.Steps, rng, fmt.Sprintf("evaluation takes more than %d steps; the values computed after that are unknown", b.lim.Steps))
	}
	return nil
}

// measure walks v (cut short as soon as a budget is exceeded) and returns
// its string bytes and elements, charging one step per element.
func (b *budget) measure(v cty.Value, rng *hcl.Range, what string) error {
	var strs, elems int64
	var walk func(v cty.Value) error
	walk = func(v cty.Value) error {
		v, _ = v.Unmark()
		if !v.IsKnown() || v.IsNull() {
			return nil
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			strs += int64(len(v.AsString()))
			if strs > b.lim.StringLength {
				return b.exceed(BudgetStringLength, b.lim.StringLength, rng, fmt.Sprintf("%s holds more than %d bytes of strings; it is treated as unknown", what, b.lim.StringLength))
			}
		case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
			n := int64(v.LengthInt())
			elems += n
			if elems > b.lim.CollectionSize {
				return b.exceed(BudgetCollectionSize, b.lim.CollectionSize, rng, fmt.Sprintf("%s holds more than %d elements; it is treated as unknown", what, b.lim.CollectionSize))
			}
			if err := b.step(n, rng); err != nil {
				return err
			}
			for it := v.ElementIterator(); it.Next(); {
				if _, e := it.Element(); true {
					if err := walk(e); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return walk(v)
}

// formatWidth finds widths and precisions in format verbs ("%9999999d").
var formatWidth = regexp.MustCompile(`%[-+# 0]*(\d*)(?:\.(\d+))?`)

// preCheck bounds what a function could produce from args before it runs,
// for the functions whose output can be much larger than their input.
func (b *budget) preCheck(name string, args []cty.Value, rng *hcl.Range) error {
	str := func(i int) (string, bool) {
		if i >= len(args) {
			return "", false
		}
		v, _ := args[i].Unmark()
		if !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
			return "", false
		}
		return v.AsString(), true
	}
	tooLong := func(n int64) error {
		if n > b.lim.StringLength {
			return b.exceed(BudgetStringLength, b.lim.StringLength, rng, fmt.Sprintf("%s() would build a string of about %d bytes; it is treated as unknown", name, n))
		}
		return nil
	}
	switch name {
	case "format", "formatlist":
		if f, ok := str(0); ok {
			for _, m := range formatWidth.FindAllStringSubmatch(f, -1) {
				for _, d := range m[1:] {
					if n, err := strconv.ParseInt(d, 10, 64); err == nil || len(d) > 18 {
						if err != nil {
							n = b.lim.StringLength + 1
						}
						if err := tooLong(n); err != nil {
							return err
						}
					}
				}
			}
		}
	case "replace":
		s, ok1 := str(0)
		sub, ok2 := str(1)
		repl, ok3 := str(2)
		if ok1 && ok2 && ok3 {
			occ := int64(len(s) + 1)
			if sub != "" {
				occ = int64(strings.Count(s, sub))
			}
			return tooLong(int64(len(s)) + occ*int64(len(repl)))
		}
	case "indent":
		if s, ok := str(1); ok && len(args) > 0 {
			if n, _ := args[0].Unmark(); n.IsKnown() && !n.IsNull() && n.Type().Equals(cty.Number) {
				width, _ := n.AsBigFloat().Int64()
				return tooLong(int64(len(s)) + width*int64(strings.Count(s, "\n")+1))
			}
		}
	case "setproduct":
		total := int64(1)
		for _, a := range args {
			if v, _ := a.Unmark(); v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
				total *= max(int64(v.LengthInt()), 1)
				if total > b.lim.CollectionSize {
					return b.exceed(BudgetCollectionSize, b.lim.CollectionSize, rng, fmt.Sprintf("setproduct() would build more than %d elements; it is treated as unknown", b.lim.CollectionSize))
				}
			}
		}
	}
	return nil
}

// wrapFuncs puts every function under the budget: one step per call, the
// arguments and the result measured, and a size estimate first for the
// functions that amplify. The map is changed in place so that functions
// that call others through it (templatefile) call the wrapped ones.
func (b *budget) wrapFuncs(fns map[string]function.Function) map[string]function.Function {
	for name, f := range fns {
		fns[name] = b.wrap(name, f)
	}
	return fns
}

func (b *budget) wrap(name string, f function.Function) function.Function {
	spec := &function.Spec{
		Params:   f.Params(),
		VarParam: f.VarParam(),
		Type: func(args []cty.Value) (cty.Type, error) {
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if err := b.step(1, nil); err != nil {
				return cty.UnknownVal(retType), err
			}
			if err := b.preCheck(name, args, nil); err != nil {
				return cty.UnknownVal(retType), err
			}
			if err := b.measure(cty.TupleVal(args), nil, name+"()'s arguments"); err != nil {
				return cty.UnknownVal(retType), err
			}
			out, err := f.Call(args)
			if err != nil {
				return out, err
			}
			if err := b.measure(out, nil, name+"()'s result"); err != nil {
				return cty.UnknownVal(retType), err
			}
			return out, nil
		},
	}
	return function.New(spec)
}

// guardBody makes every for expression in an HCL native body check the
// collection it iterates against the budget before iterating, so that
// nested for expressions cannot multiply their way past it.
func (b *budget) guardBody(body hcl.Body) {
	if b == nil {
		return
	}
	node, ok := body.(hclsyntax.Node)
	if !ok {
		return
	}
	b.guardNode(node)
}

func (b *budget) guardNode(node hclsyntax.Node) {
	var fors []*hclsyntax.ForExpr
	_ = hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		if fe, ok := n.(*hclsyntax.ForExpr); ok {
			fors = append(fors, fe)
		}
		return nil
	})
	for _, fe := range fors {
		if _, done := fe.CollExpr.(*collGuard); !done {
			fe.CollExpr = &collGuard{Expression: fe.CollExpr, b: b}
		}
	}
}

// collGuard wraps the collection expression of a for expression. It embeds
// the wrapped expression, so it is still an hclsyntax node.
type collGuard struct {
	hclsyntax.Expression
	b *budget
}

func (g *collGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	rng := g.Range()
	fail := func(err error) (cty.Value, hcl.Diagnostics) {
		return cty.DynamicVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: err.Error(), Subject: &rng}}
	}
	if err := g.b.step(1, &rng); err != nil {
		return fail(err)
	}
	v, diags := g.Expression.Value(ctx)
	if diags.HasErrors() {
		return v, diags
	}
	if uv, _ := v.Unmark(); uv.IsKnown() && !uv.IsNull() && uv.CanIterateElements() {
		n := int64(uv.LengthInt())
		if n > g.b.lim.CollectionSize {
			return fail(g.b.exceed(BudgetCollectionSize, g.b.lim.CollectionSize, &rng, fmt.Sprintf("a for expression iterates over %d elements; its value is unknown", n)))
		}
		if err := g.b.step(n, &rng); err != nil {
			return fail(err)
		}
	}
	return v, diags
}
