package policy

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/tollgate-dev/tollgate/scanner"
)

// DefaultTimeout bounds one gate decision when WithTimeout is not given.
// The default policy decides thousands of findings in milliseconds; a
// decision that takes this long is a policy looping over its input.
const DefaultTimeout = 60 * time.Second

// WithTimeout bounds each Decide call; 0 keeps DefaultTimeout, negative
// means no bound. A decision that runs out of time is an ErrPolicy error
// naming the deny/warn rule (file:line) that did not finish.
func WithTimeout(d time.Duration) Option {
	return func(c *gateConfig) error { c.timeout = d; return nil }
}

func (g *Gate) limit() time.Duration {
	if g.timeout == 0 {
		return DefaultTimeout
	}
	return g.timeout
}

func (g *Gate) deadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return scanner.WithDeadline(ctx, g.limit(), "policy evaluation", "--policy-timeout")
}

// slowRule evaluates the numbered deny/warn rules one at a time, each
// under the same limit, and returns an error naming the first that does
// not finish; the one combined query cannot say which rule held it. It
// only runs after a decision has already timed out.
func (g *Gate) slowRule(ctx context.Context, input ast.Value) error {
	limit := g.limit()
	gens := make([]string, 0, len(g.rules))
	for k := range g.rules {
		gens = append(gens, k)
	}
	sort.Slice(gens, func(i, j int) bool { return g.rules[gens[i]].pos < g.rules[gens[j]].pos })
	for _, gen := range gens {
		site := g.rules[gen]
		q, err := rego.New(
			rego.Query("x := data.tollgate.gate."+gen),
			rego.Compiler(g.compiler),
			rego.Store(g.store),
		).PrepareForEval(ctx)
		if err != nil {
			continue
		}
		what := fmt.Sprintf("policy rule %s at %s", site.kind, site.pos)
		cctx, cancel := scanner.WithDeadline(ctx, limit, what, "--policy-timeout")
		_, err = q.Eval(cctx, rego.EvalParsedInput(input))
		cause := scanner.Cause(cctx)
		cancel()
		if ctx.Err() != nil {
			return fmt.Errorf("%w: %w", ErrPolicy, scanner.Cause(ctx))
		}
		if err != nil && cause != nil {
			return fmt.Errorf("%w: %w", ErrPolicy, cause)
		}
	}
	files := map[string]bool{}
	for _, r := range g.rules {
		files[strings.SplitN(r.pos, ":", 2)[0]] = true
	}
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)
	what := "policy evaluation"
	if len(names) > 0 {
		what += " (" + strings.Join(names, ", ") + ")"
	}
	return fmt.Errorf("%w: %w", ErrPolicy, &scanner.DeadlineError{What: what, Limit: limit, Setting: "--policy-timeout"})
}
