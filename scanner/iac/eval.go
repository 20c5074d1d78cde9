package iac

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/internal/regosandbox"
)

// engine evaluates every check of a document kind with one prepared query.
type engine struct {
	compiler *ast.Compiler
	// queries by document kind; a kind without checks has no entry.
	queries map[string]*rego.PreparedEvalQuery
	byID    map[string]*CheckMeta
}

// result is one deny result of a check.
type result struct {
	CheckID    string
	Msg        string
	Resource   string
	Path       string
	StartLine  int
	EndLine    int
	BlockStart int
}

func newEngine(ctx context.Context, cs *checkSet) (*engine, error) {
	caps := regosandbox.Capabilities(cs.allowNet)
	c := ast.NewCompiler().WithEnablePrintStatements(false).WithCapabilities(caps)
	c.Compile(cs.modules)
	if c.Failed() {
		return nil, fmt.Errorf("compile checks: %w", c.Errors)
	}
	e := &engine{compiler: c, queries: map[string]*rego.PreparedEvalQuery{}, byID: map[string]*CheckMeta{}}
	byKind := map[string][]*CheckMeta{}
	for i := range cs.metas {
		m := &cs.metas[i]
		e.byID[m.ID] = m
		for _, k := range m.Frameworks {
			byKind[k] = append(byKind[k], m)
		}
	}
	for kind, ms := range byKind {
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
			rego.Capabilities(caps),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare %s checks: %w", kind, err)
		}
		e.queries[kind] = &q
	}
	return e, nil
}

// eval runs every check of doc's kind over its value.
func (e *engine) eval(ctx context.Context, doc Document) ([]result, error) {
	q := e.queries[doc.Kind]
	if q == nil {
		return nil, nil
	}
	input, err := ast.InterfaceToValue(doc.Value)
	if err != nil {
		return nil, fmt.Errorf("convert %s document: %w", doc.Kind, err)
	}
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("evaluate checks on %s: %w", doc.Path, err)
	}
	var out []result
	for _, r := range rs {
		obj, ok := r.Bindings["x"].(map[string]any)
		if !ok {
			continue
		}
		for id, v := range obj {
			list, _ := v.([]any)
			for _, item := range list {
				out = append(out, toResult(id, item))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].CheckID != out[j].CheckID {
			return out[i].CheckID < out[j].CheckID
		}
		return out[i].StartLine < out[j].StartLine
	})
	return out, nil
}

func toResult(id string, v any) result {
	r := result{CheckID: id}
	switch x := v.(type) {
	case string:
		r.Msg = x
	case map[string]any:
		r.Msg, _ = x["msg"].(string)
		r.Resource, _ = x["resource"].(string)
		r.Path, _ = x["path"].(string)
		r.StartLine = toInt(x["start_line"])
		r.EndLine = toInt(x["end_line"])
		r.BlockStart = toInt(x["block_start"])
	default:
		r.Msg = fmt.Sprint(v)
	}
	if r.EndLine < r.StartLine {
		r.EndLine = r.StartLine
	}
	return r
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case float64:
		return int(n)
	case interface{ Int64() (int64, error) }:
		i, _ := n.Int64()
		return int(i)
	}
	return 0
}
