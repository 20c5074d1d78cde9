package arm

import (
	"errors"
	"fmt"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Budgets bound the evaluation of one template file (with its nested
// deployments and its parameters file). A value that would exceed one
// becomes unknown (a copy loop keeps its first instances), the rest of the
// template is still evaluated and checked, and Parse reports each budget
// exceeded, where it first was, as a *scanner.BudgetError inside a
// *scanner.FileError. A zero field takes its default.
type Budgets struct {
	// ExpressionLength bounds the text of one "[...]" expression, in bytes.
	ExpressionLength int64
	// ExpressionDepth bounds the nesting of one expression (calls,
	// property and index accesses).
	ExpressionDepth int64
	// StringLength bounds one string value a function builds, in bytes.
	StringLength int64
	// CopyCount bounds the instances of one copy loop (resource, property
	// or variable); the first CopyCount are evaluated.
	CopyCount int64
	// Resources bounds the resource instances of one file, nested
	// deployments included.
	Resources int64
	// Steps bounds the work of one file: one step per expression node
	// evaluated and per element a function receives.
	Steps int64
	// NestedDepth bounds how deep nested deployments are followed.
	NestedDepth int64
}

// Budget names, as they appear in findings and docs/hardening.md.
const (
	BudgetExpressionLength = "arm-expression-length"
	BudgetExpressionDepth  = "arm-expression-depth"
	BudgetStringLength     = "arm-string-length"
	BudgetCopyCount        = "arm-copy-count"
	BudgetResources        = "arm-resources"
	BudgetSteps            = "arm-steps"
	BudgetNestedDepth      = "arm-nested-depth"
)

// DefaultBudgets are the budgets Parse uses unless told otherwise.
func DefaultBudgets() Budgets {
	return Budgets{
		ExpressionLength: 64 << 10,
		ExpressionDepth:  64,
		StringLength:     1 << 20,
		CopyCount:        800, // ARM's own limit on a copy loop
		Resources:        2_000,
		Steps:            1_000_000,
		NestedDepth:      8,
	}
}

func (b Budgets) withDefaults() Budgets {
	d := DefaultBudgets()
	for _, p := range []struct{ v, def *int64 }{
		{&b.ExpressionLength, &d.ExpressionLength}, {&b.ExpressionDepth, &d.ExpressionDepth},
		{&b.StringLength, &d.StringLength}, {&b.CopyCount, &d.CopyCount}, {&b.Resources, &d.Resources},
		{&b.Steps, &d.Steps}, {&b.NestedDepth, &d.NestedDepth},
	} {
		if *p.v <= 0 {
			*p.v = *p.def
		}
	}
	return b
}

var errExprDepth = errors.New("expression too deeply nested")

// meter counts the work of one file and records each budget exceeded once.
type meter struct {
	b        Budgets
	path     string
	steps    int64
	res      int64
	seen     map[string]bool
	exceeded []error
}

// over records that budget name was exceeded at line (first time only).
func (m *meter) over(name string, limit int64, line int, detail string) {
	if m.seen[name] {
		return
	}
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	m.seen[name] = true
	m.exceeded = append(m.exceeded, &scanner.FileError{Path: m.path, Line: line,
		Err: &scanner.BudgetError{Budget: name, Limit: limit, Detail: detail}})
}

// step spends n steps; false once the budget is gone.
func (m *meter) step(n int64, line int) bool {
	m.steps += n
	if m.steps > m.b.Steps {
		m.over(BudgetSteps, m.b.Steps, line, "the values computed after it are unknown")
		return false
	}
	return true
}

func (m *meter) err() error { return errors.Join(m.exceeded...) }

func budgetDetail(format string, a ...any) string { return fmt.Sprintf(format, a...) }
