package iac

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/internal/regosandbox"
	"github.com/tollgate-dev/tollgate/scanner"
)

// DefaultEvalTimeout bounds the evaluation of all checks on one document
// (a file, or a Terraform module) when Options.EvalTimeout is 0.
const DefaultEvalTimeout = 30 * time.Second

// engine evaluates every check of a document kind with one prepared query.
type engine struct {
	compiler *ast.Compiler
	// queries by document kind; a kind without checks has no entry.
	queries map[string]*rego.PreparedEvalQuery
	byID    map[string]*CheckMeta
	byKind  map[string][]*CheckMeta
	// timeout bounds one document's evaluation: 0 means
	// DefaultEvalTimeout, negative means none.
	timeout time.Duration
	// inFlight maps the path of each document being evaluated to when
	// its evaluation started, so a scan timeout can name it.
	inFlight sync.Map
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
	byKind := map[string][]*CheckMeta{}
	e := &engine{compiler: c, queries: map[string]*rego.PreparedEvalQuery{}, byID: map[string]*CheckMeta{}, byKind: byKind}
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
	limit := e.timeout
	if limit == 0 {
		limit = DefaultEvalTimeout
	}
	dctx, cancel := scanner.WithDeadline(ctx, limit, "IaC checks on "+doc.Path, "--iac-eval-timeout")
	defer cancel()
	e.inFlight.Store(doc.Path, time.Now())
	defer e.inFlight.Delete(doc.Path)
	rs, err := q.Eval(dctx, rego.EvalParsedInput(input))
	if err != nil {
		if ctx.Err() == nil && dctx.Err() != nil {
			// This document's own deadline: find the check behind it.
			return nil, e.slowCheck(ctx, doc, input, limit)
		}
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

// slowCheck runs the checks of doc's kind one at a time, each under the
// same limit, and returns an error naming the first one that does not
// finish: the combined query cannot say which check held it. It only runs
// after a document has already timed out.
func (e *engine) slowCheck(ctx context.Context, doc Document, input ast.Value, limit time.Duration) error {
	for _, m := range e.byKind[doc.Kind] {
		q, err := rego.New(
			rego.Query(fmt.Sprintf("x := [r | some r in data.%s.deny]", m.Package)),
			rego.Compiler(e.compiler),
			rego.SetRegoVersion(ast.RegoV1),
			rego.StrictBuiltinErrors(false),
		).PrepareForEval(ctx)
		if err != nil {
			continue
		}
		cctx, cancel := scanner.WithDeadline(ctx, limit, fmt.Sprintf("IaC check %s (%s) on %s", m.ID, m.Source, doc.Path), "--iac-eval-timeout")
		_, err = q.Eval(cctx, rego.EvalParsedInput(input))
		cause := scanner.Cause(cctx)
		cancel()
		if err != nil && ctx.Err() == nil && cause != nil {
			return &scanner.FileError{Path: doc.Path, Err: cause}
		}
		if ctx.Err() != nil {
			return scanner.Cause(ctx)
		}
	}
	return &scanner.FileError{Path: doc.Path, Err: &scanner.DeadlineError{What: "IaC checks on " + doc.Path, Limit: limit, Setting: "--iac-eval-timeout"}}
}

// InProgress implements scanner.ProgressReporter: the documents whose
// checks are being evaluated, and for how long.
func (s *Scanner) InProgress() []string {
	var out []string
	s.engine.inFlight.Range(func(k, v any) bool {
		out = append(out, fmt.Sprintf("checks on %s for %s", k, time.Since(v.(time.Time)).Round(time.Millisecond)))
		return true
	})
	sort.Strings(out)
	return out
}
