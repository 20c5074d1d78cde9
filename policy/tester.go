package policy

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/tollgate-dev/tollgate/internal/regosandbox"
)

// TestResult is the outcome of one Rego test rule.
type TestResult struct {
	Package  string
	Name     string
	Location string // file:line
	Pass     bool
	Skipped  bool
	// Error is set when the test could not be evaluated.
	Error    string
	Duration time.Duration
}

// RunTests runs the Rego unit tests (rules named test_*) found in paths,
// with OPA's tester, against the policies in the same paths and — unless
// withoutDefault — the embedded default policy, so tests see the gate as a
// scan would. JSON and YAML files in paths are loaded as data.
//
// Of opts only WithNetwork applies: without it a policy or test that calls
// a network builtin is an error, as in New (mocking one with `with` is
// fine).
func RunTests(ctx context.Context, paths []string, withoutDefault bool, opts ...Option) ([]TestResult, error) {
	var cfg gateConfig
	cfg.files, cfg.data = map[string]string{}, map[string]any{}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	modules, store, err := tester.LoadWithRegoVersion(paths, nil, ast.RegoV1)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	if !cfg.allowNet {
		var errs []error
		for _, name := range slices.Sorted(maps.Keys(modules)) {
			errs = append(errs, regosandbox.Check(modules[name]))
		}
		if err := errors.Join(errs...); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrPolicy, err)
		}
	}
	if !withoutDefault {
		m, err := ast.ParseModuleWithOpts(DefaultPolicyFile, defaultPolicy, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrPolicy, err)
		}
		modules[DefaultPolicyFile] = m
	}
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil, fmt.Errorf("policy test: %w", err)
	}
	defer store.Abort(ctx, txn)
	ch, err := tester.NewRunner().
		SetStore(store).
		SetModules(modules).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		SetTimeout(30*time.Second).
		RunTests(ctx, txn)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Package: r.Package, Name: r.Name, Pass: r.Pass(), Skipped: r.Skip, Duration: r.Duration}
		if r.Location != nil {
			tr.Location = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		}
		if r.Error != nil {
			tr.Error = r.Error.Error()
			tr.Pass = false
		}
		out = append(out, tr)
	}
	return out, nil
}
