package policy

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/scanner"
)

// relevanceChunk is how many findings the default policy decides at a
// time when a scan has more (see relevant). 16,384 findings as lean OPA
// values are about 20 MB.
const relevanceChunk = 16_384

// relevant evaluates the default policy's decided_findings rule on the
// findings of src, chunk by chunk, and returns the findings it names with
// their terms: the only ones the decision can depend on. The whole input
// as OPA values was the largest thing live at the end of a big scan
// (130,000 findings, 170 MB on top of the findings themselves); this way
// at most one chunk plus the findings that fail or warn are.
//
// Why the decision over the findings it returns is the decision over all
// of them: every rule of default.rego reads input.findings only through
// a per-finding filter (go_directive_findings, candidates, the findings
// of an expired exception), and decided_findings keeps whatever each
// filter keeps. So each filter's result over the returned findings, in
// their order, is its result over all of them, and so is every reason.
// TestDefaultPolicyFiltersFindings keeps default.rego to that shape, and
// TestDefaultPolicyLeanInputDecidesAlike compares chunked and whole
// decisions. A user's policy may aggregate anything: with one, the gate
// never chunks (fields is nil then).
func (g *Gate) relevant(ctx, dctx context.Context, rest ast.Object, src findingSource) (*findingTerms, error) {
	kept := &findingTerms{idx: []int{}}
	tb := newTermBuilder(g.fields)
	var scratch InputFinding
	chunk := make([]*ast.Term, 0, g.chunk)
	for lo := 0; lo < src.len(); lo += g.chunk {
		hi := min(lo+g.chunk, src.len())
		// Shared objects (locations, packages) are tabled per chunk: the
		// table would otherwise keep every chunk's terms alive.
		clear(tb.objects)
		chunk = chunk[:0]
		for i := lo; i < hi; i++ {
			t, err := tb.finding(src.at(i, &scratch))
			if err != nil {
				kept.release()
				return nil, err
			}
			chunk = append(chunk, t)
		}
		named, err := g.decided(ctx, dctx, withFindings(rest, chunk))
		if err != nil {
			kept.release()
			emptyTerms(chunk)
			return nil, err
		}
		for j, t := range chunk {
			if named[src.finding(lo+j).Fingerprint] {
				kept.idx = append(kept.idx, lo+j)
				kept.terms = append(kept.terms, t)
				chunk[j] = nil
			}
		}
		// The rest are garbage once OPA's pooled evaluation state lets go
		// of this chunk's array (see findingTerms.release).
		emptyTerms(chunk)
	}
	return kept, nil
}

// decided evaluates decided_findings on v.
func (g *Gate) decided(ctx, dctx context.Context, v ast.Value) (map[string]bool, error) {
	rs, err := g.decidedQuery.Eval(dctx, rego.EvalParsedInput(v))
	if err != nil {
		if ctx.Err() == nil && dctx.Err() != nil {
			return nil, fmt.Errorf("%w: %w", ErrPolicy, scanner.Cause(dctx))
		}
		return nil, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	named := map[string]bool{}
	if len(rs) == 1 {
		fps, _ := rs[0].Bindings["x"].([]any)
		for _, fp := range fps {
			if s, ok := fp.(string); ok {
				named[s] = true
			}
		}
	}
	return named, nil
}
