package helm

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template"
	"time"

	"github.com/Masterminds/sprig/v3"

	"github.com/tollgate-dev/tollgate/scanner"
	renderapi "github.com/tollgate-dev/tollgate/scanner/iac/render"
)

// Budget names, as they appear in findings and docs/hardening.md.
const (
	BudgetRenderTime  = renderapi.BudgetHelmRenderTime
	BudgetRenderBytes = renderapi.BudgetHelmRenderBytes
	BudgetRangeItems  = renderapi.BudgetHelmRangeItems
	BudgetChartBytes  = renderapi.BudgetHelmChartBytes
)

// Default budgets of one chart (see [Options]).
const (
	DefaultRenderTimeout  = renderapi.DefaultHelmRenderTimeout
	DefaultMaxRenderBytes = renderapi.DefaultHelmMaxRenderBytes
	DefaultMaxRangeItems  = renderapi.DefaultHelmMaxRangeItems
	DefaultMaxChartBytes  = renderapi.DefaultHelmMaxChartBytes
)

// guard bounds one render. Go templates cannot be interrupted from
// outside, so the functions a looping template calls check it: the list
// makers (until, untilStep, seq) and repeat are charged before they
// allocate, and the common per-iteration functions check the deadline,
// so a runaway loop stops at its next call after the budget is gone.
type guard struct {
	ctx      context.Context
	deadline time.Time
	timeout  time.Duration
	maxItems int64
	maxBytes int64
	items    int64 // touched only by the rendering goroutine
	bytes    int64
	tripped  atomic.Pointer[scanner.BudgetError]
}

// trip records the first exceeded budget and returns it.
func (g *guard) trip(be *scanner.BudgetError) *scanner.BudgetError {
	g.tripped.CompareAndSwap(nil, be)
	return g.tripped.Load()
}

// timeBudget is the same error the out-of-process renderer reports when
// it has to kill the companion.
func (g *guard) timeBudget() *scanner.BudgetError { return renderapi.HelmTimeBudget(g.timeout) }

// check stops the render once a budget is gone or ctx is done.
func (g *guard) check() error {
	if be := g.tripped.Load(); be != nil {
		return be
	}
	if err := g.ctx.Err(); err != nil {
		return err
	}
	if time.Now().After(g.deadline) {
		return g.trip(g.timeBudget())
	}
	return nil
}

func (g *guard) chargeItems(n int64) error {
	return g.charge(&g.items, n, g.maxItems, BudgetRangeItems,
		fmt.Sprintf("the templates ask until/untilStep/seq for more than %d items in all; the chart is not checked", g.maxItems))
}

func (g *guard) chargeBytes(n int64) error {
	return g.charge(&g.bytes, n, g.maxBytes, BudgetRenderBytes,
		fmt.Sprintf("the chart renders to more than %d bytes; the chart is not checked", g.maxBytes))
}

// charge adds n to *used, or trips the budget if that passes limit.
func (g *guard) charge(used *int64, n, limit int64, budget, detail string) error {
	if err := g.check(); err != nil {
		return err
	}
	if n < 0 || *used+n > limit {
		return g.trip(&scanner.BudgetError{Budget: budget, Limit: limit, Detail: detail})
	}
	*used += n
	return nil
}

// stepCount is how many items until/untilStep/seq make from start to stop.
func stepCount(start, stop, step int) int64 {
	switch {
	case step == 0:
		return 0
	case step > 0 && stop > start:
		return (int64(stop) - int64(start) + int64(step) - 1) / int64(step)
	case step < 0 && stop < start:
		return (int64(start) - int64(stop) - int64(step) - 1) / -int64(step)
	}
	return 0
}

// deadlineChecked are sprig functions (the ones Helm uses unchanged)
// that a loop body commonly calls; each call checks the guard.
var deadlineChecked = []string{
	"add", "add1", "sub", "mul", "div", "mod", "max", "min",
	"printf", "print", "println", "cat", "quote", "squote", "trim", "trimAll", "trimSuffix", "trimPrefix",
	"upper", "lower", "title", "replace", "indent", "nindent", "contains", "hasPrefix", "hasSuffix",
	"default", "empty", "coalesce", "ternary", "list", "append", "prepend", "concat", "dict", "set", "unset",
	"get", "hasKey", "keys", "merge", "mergeOverwrite", "deepCopy", "join", "split", "splitList",
	"trunc", "b64enc", "b64dec", "sha256sum", "toString", "int", "int64", "float64", "atoi",
	"first", "last", "rest", "initial", "uniq", "has", "sortAlpha", "regexMatch", "regexReplaceAll",
}

// funcs are the guarded template functions, handed to the engine as
// custom functions (they replace the unguarded ones).
func (g *guard) funcs() template.FuncMap {
	sp := sprig.TxtFuncMap()
	fm := template.FuncMap{}
	for _, name := range deadlineChecked {
		f, ok := sp[name]
		if !ok {
			continue
		}
		fm[name] = g.wrap(reflect.ValueOf(f))
	}
	fm["until"] = func(count int) ([]int, error) {
		if err := g.chargeItems(stepCount(0, count, 1)); err != nil {
			return nil, err
		}
		step := 1
		if count < 0 {
			step = -1
		}
		return untilStep(0, count, step), nil
	}
	fm["untilStep"] = func(start, stop, step int) ([]int, error) {
		if err := g.chargeItems(stepCount(start, stop, step)); err != nil {
			return nil, err
		}
		return untilStep(start, stop, step), nil
	}
	seq := sp["seq"].(func(...int) string)
	fm["seq"] = func(params ...int) (string, error) {
		start, step, end := 1, 0, 0
		switch len(params) {
		case 1:
			end = params[0]
		case 2:
			start, end = params[0], params[1]
		case 3:
			start, step, end = params[0], params[1], params[2]
		}
		if step == 0 {
			step = 1
			if end < start {
				step = -1
			}
		}
		n := stepCount(start, end+step/abs(step), step)
		if err := g.chargeItems(n); err != nil {
			return "", err
		}
		return seq(params...), nil
	}
	fm["repeat"] = func(count int, s string) (string, error) {
		if count <= 0 {
			return "", nil
		}
		if err := g.chargeBytes(int64(count) * int64(len(s))); err != nil {
			return "", err
		}
		return strings.Repeat(s, count), nil
	}
	return fm
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func untilStep(start, stop, step int) []int {
	out := make([]int, 0, stepCount(start, stop, step))
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, i)
		}
	} else if step < 0 {
		for i := start; i > stop; i += step {
			out = append(out, i)
		}
	}
	return out
}

var errorType = reflect.TypeFor[error]()

// wrap returns f with a guard check before each call. A function that
// can return an error returns the budget error; one that cannot panics
// with it, which text/template turns into an execution error.
func (g *guard) wrap(f reflect.Value) any {
	t := f.Type()
	hasErr := t.NumOut() == 2 && t.Out(1) == errorType
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		if err := g.check(); err != nil {
			if !hasErr {
				panic(err)
			}
			out := []reflect.Value{reflect.Zero(t.Out(0)), reflect.New(errorType).Elem()}
			out[1].Set(reflect.ValueOf(err))
			return out
		}
		if t.IsVariadic() {
			return f.CallSlice(args)
		}
		return f.Call(args)
	}).Interface()
}
