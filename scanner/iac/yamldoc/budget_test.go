package yamldoc

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// aliasDoc is one document whose aliases expand to 1 + 10 + 10*11 = 121
// values: a map of ten scalars, and ten aliases to it at the next level.
func aliasDoc(i int) string {
	return fmt.Sprintf("a: &a%d {k0: v, k1: v, k2: v, k3: v, k4: v, k5: v, k6: v, k7: v, k8: v, k9: v}\nb: {k0: *a%[1]d, k1: *a%[1]d, k2: *a%[1]d, k3: *a%[1]d, k4: *a%[1]d, k5: *a%[1]d, k6: *a%[1]d, k7: *a%[1]d, k8: *a%[1]d, k9: *a%[1]d}\n", i)
}

func TestParseLimits(t *testing.T) {
	three := aliasDoc(0) + "---\n" + aliasDoc(1) + "---\n" + aliasDoc(2)
	cases := []struct {
		name     string
		src      string
		lim      Limits
		budget   string
		wantDocs int
	}{
		// 110 alias values per document: each under 200, together over
		{"alias values per file, not per document", three, Limits{AliasValues: 200}, BudgetAliasValues, 1},
		{"within the alias budget", three, Limits{AliasValues: 400}, "", 3},
		{"documents", "a: 1\n---\nb: 2\n---\nc: 3\n", Limits{Documents: 2}, BudgetDocuments, 2},
		{"values", "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", Limits{Values: 5}, BudgetValues, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, err := ParseLimits([]byte(c.src), c.lim)
			if len(docs) != c.wantDocs {
				t.Errorf("docs = %d, want %d", len(docs), c.wantDocs)
			}
			if c.budget == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			var be *scanner.BudgetError
			var ye *Error
			if !errors.As(err, &be) || be.Budget != c.budget || !errors.As(err, &ye) || ye.Line == 0 {
				t.Fatalf("err = %v, want budget %s with a line", err, c.budget)
			}
		})
	}
}

// The scan budget is shared: files under their own budget fail together,
// and the failure is not a file's ParseError but the scan's error.
func TestScanBudget(t *testing.T) {
	ctx := WithScanBudget(context.Background(), NewScanBudget(flushEvery))
	src := []byte(strings.Repeat(aliasDoc(0)+"---\n", 20)) // 2,200 alias values
	var err error
	for i := 0; i < 3 && err == nil; i++ {
		_, err = ParseFile(ctx, fmt.Sprintf("f%d.yaml", i), src)
	}
	var sbe *ScanBudgetError
	var pe *scanner.ParseError
	if !errors.As(err, &sbe) || errors.As(err, &pe) {
		t.Fatalf("err = %v, want a ScanBudgetError (not a ParseError)", err)
	}
	if !strings.Contains(err.Error(), BudgetScanAliasValues) {
		t.Errorf("error %q does not name the budget", err)
	}
}

func TestParseFileSyntaxErrorIsParseError(t *testing.T) {
	_, err := ParseFile(context.Background(), "x.yaml", []byte("a: [\n"))
	var pe *scanner.ParseError
	if !errors.As(err, &pe) || pe.Kind != scanner.ParseKindYAML || pe.Path != "x.yaml" || pe.Line == 0 {
		t.Fatalf("err = %#v", err)
	}
}
