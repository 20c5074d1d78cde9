package iac

import (
	"context"
	"fmt"
	"sort"
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

// engine evaluates every check of a document kind with one prepared query,
// compiled the first time a document of the kind comes (see checkGroup).
type engine struct {
	groups []*checkGroup
	// groupsOf lists the groups with checks of each document kind.
	groupsOf map[string][]*checkGroup
	byID     map[string]*CheckMeta
	// peers are each check's peer ids as findings carry them (the
	// "peer_ids" property and the aliases), built once and shared by its
	// findings, which never change them.
	peers map[string]findingPeers
	// timeout bounds one document's evaluation: 0 means
	// DefaultEvalTimeout, negative means none.
	timeout time.Duration
	// inFlight maps the path of each document being evaluated to when
	// its evaluation started, so a scan timeout can name it.
	inFlight sync.Map
}

// findingPeers are PeerIDs.Map and PeerIDs.All of one check.
type findingPeers struct {
	byTool map[string][]string
	all    []string
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
	e := &engine{groupsOf: map[string][]*checkGroup{}, byID: map[string]*CheckMeta{}, peers: map[string]findingPeers{}}
	for i := range cs.metas {
		m := &cs.metas[i]
		e.byID[m.ID] = m
		if !m.Peers.Empty() {
			e.peers[m.ID] = findingPeers{m.Peers.Map(), m.Peers.All()}
		}
	}
	e.groups = groupChecks(cs, caps)
	for _, g := range e.groups {
		for _, k := range g.kinds {
			e.groupsOf[k] = append(e.groupsOf[k], g)
		}
	}
	// User modules are compiled now, so a broken user check or library
	// fails at start-up, not only when a document of its kind shows up.
	// The built-in ones are compiled and tested in CI.
	user := map[string]*ast.Module{}
	for name, mod := range cs.modules {
		if !cs.builtin[name] {
			user[name] = mod
		}
	}
	orphans := modulesOutside(user, e.groups) // before compiling drops g.modules
	for _, g := range e.groups {
		if hasAny(g.modules, user) {
			if err := g.prepareAll(ctx); err != nil {
				return nil, err
			}
		}
	}
	if len(orphans) > 0 {
		// User libraries no check uses: compile them with the built-in
		// libraries only to report their errors.
		all := map[string]*ast.Module{}
		for name, mod := range cs.modules {
			if cs.builtin[name] || orphans[name] != nil {
				all[name] = mod
			}
		}
		c := ast.NewCompiler().WithEnablePrintStatements(false).WithCapabilities(caps)
		if c.Compile(all); c.Failed() {
			return nil, fmt.Errorf("compile checks: %w", c.Errors)
		}
	}
	return e, nil
}

// warm starts compiling, in the background, the groups every document of
// kinds needs, so their compilation overlaps the walk and the parsing of
// the first files.
func (e *engine) warm(ctx context.Context, kinds ...string) {
	for _, k := range kinds {
		for _, g := range e.groupsOf[k] {
			if g.needsAlways(k) {
				go func() { _ = g.ready(ctx) }()
			}
		}
	}
}

func hasAny(mods, of map[string]*ast.Module) bool {
	for name := range of {
		if mods[name] != nil {
			return true
		}
	}
	return false
}

func modulesOutside(mods map[string]*ast.Module, groups []*checkGroup) map[string]*ast.Module {
	out := map[string]*ast.Module{}
	for name, mod := range mods {
		in := false
		for _, g := range groups {
			if g.modules[name] != nil {
				in = true
				break
			}
		}
		if !in {
			out[name] = mod
		}
	}
	return out
}

// eval runs the checks of doc's kind over its value: of each group, those
// the document's resource types can trigger.
func (e *engine) eval(ctx context.Context, doc Document) ([]result, error) {
	groups := e.groupsOf[doc.Kind]
	if len(groups) == 0 {
		return nil, nil
	}
	types, typed := documentTypes(doc.Value)
	if doc.Kind == KindKubernetes {
		types, typed = kubernetesTypes(doc.Value)
	}
	var input ast.Value
	limit := e.timeout
	if limit == 0 {
		limit = DefaultEvalTimeout
	}
	dctx, cancel := scanner.WithDeadline(ctx, limit, "IaC checks on "+doc.Path, "--iac-eval-timeout")
	defer cancel()
	e.inFlight.Store(doc.Path, time.Now())
	defer e.inFlight.Delete(doc.Path)
	var out []result
	for _, g := range groups {
		sel := g.selectChecks(doc.Kind, types, typed)
		if len(sel.checks) == 0 {
			continue
		}
		q, err := g.query(ctx, doc.Kind, sel)
		if err != nil {
			return nil, err
		}
		if input == nil {
			if input, err = ast.InterfaceToValue(doc.Value); err != nil {
				return nil, fmt.Errorf("convert %s document: %w", doc.Kind, err)
			}
		}
		rs, err := q.Eval(dctx, rego.EvalParsedInput(input))
		if err != nil {
			if ctx.Err() == nil && dctx.Err() != nil {
				// This document's own deadline: find the check behind it.
				return nil, e.slowCheck(ctx, doc, input, limit)
			}
			return nil, fmt.Errorf("evaluate checks on %s: %w", doc.Path, err)
		}
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
	for _, g := range e.groupsOf[doc.Kind] {
		if g.ready(ctx) != nil {
			continue
		}
		for _, m := range g.byKind[doc.Kind] {
			if err := g.slowCheck(ctx, m, doc, input, limit); err != nil {
				return err
			}
		}
	}
	return &scanner.FileError{Path: doc.Path, Err: &scanner.DeadlineError{What: "IaC checks on " + doc.Path, Limit: limit, Setting: "--iac-eval-timeout"}}
}

// slowCheck runs check m alone on doc under limit and returns an error
// naming it when it does not finish (or when the scan itself ends).
func (g *checkGroup) slowCheck(ctx context.Context, m *CheckMeta, doc Document, input ast.Value, limit time.Duration) error {
	q, err := rego.New(
		rego.Query(fmt.Sprintf("x := [r | some r in data.%s.deny]", m.Package)),
		rego.Compiler(g.compiler),
		rego.SetRegoVersion(ast.RegoV1),
		rego.StrictBuiltinErrors(false),
	).PrepareForEval(ctx)
	if err != nil {
		return nil //nolint:nilerr // a check that cannot be prepared alone is not the one to name; try the next
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
	return nil
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
