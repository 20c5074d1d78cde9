package scanner

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ParseRulePrefix starts the rule id of every finding made from a
// [ParseError]: TG-PARSE-TERRAFORM, TG-PARSE-YAML, TG-PARSE-LOCKFILE, …
const ParseRulePrefix = "TG-PARSE-"

// Parse error kinds (the suffix of the rule id).
const (
	ParseKindTerraform  = "TERRAFORM"
	ParseKindYAML       = "YAML"
	ParseKindJSON       = "JSON"
	ParseKindDockerfile = "DOCKERFILE"
	ParseKindLockfile   = "LOCKFILE"
	ParseKindHelm       = "HELM"
	ParseKindKustomize  = "KUSTOMIZE"
	// ParseKindFindings is used by Run for the findings-per-file budget.
	ParseKindFindings = "FINDINGS"
)

// BudgetError says that one input exceeded a budget: a bound on the
// memory or work a parser or evaluator may spend on it. Inside a
// [ParseError] (directly or wrapped) it makes the finding a budget finding.
type BudgetError struct {
	Budget string // the budget's name, e.g. "terraform-instances"
	Limit  int64  // its value
	Detail string // what exceeded it, and what was still checked
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("budget %s (%d) exceeded: %s", e.Budget, e.Limit, e.Detail)
}

// ParseError is one input file that a scanner could not read as its
// format, or that exceeded one of the scanner's budgets (Err is then a
// [*BudgetError]). It is a problem with the file, not with the scanner:
// Run turns it into a finding of its own (rule TG-PARSE-<Kind>, severity
// MEDIUM) that goes through the policy like any other, instead of a
// scanner error that fails the scan.
//
// Scanners return ParseErrors like any error, alone or inside
// errors.Join; everything else they return stays a scanner error.
type ParseError struct {
	// Kind is the format, upper case: TERRAFORM, YAML, LOCKFILE, …
	Kind string
	Path string // root-relative
	Line int    // 1-based; 0 if unknown
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// RuleID is TG-PARSE-<Kind>.
func (e *ParseError) RuleID() string { return ParseRulePrefix + e.Kind }

// Finding is the finding Run reports for e, attributed to scanner kind.
// Its evidence (and so its fingerprint) is the budget's name or "parse",
// never the message, which may carry line numbers.
func (e *ParseError) Finding(kind string) Finding {
	f := Finding{
		Scanner:     kind,
		RuleID:      e.RuleID(),
		Title:       strings.ToLower(e.Kind) + " file could not be parsed",
		Description: e.Err.Error(),
		Severity:    SeverityMedium,
		Location:    Location{Path: e.Path, StartLine: e.Line, EndLine: e.Line},
		Remediation: "Fix the file so that it parses, or except this finding if the file is not meant to be scanned.",
		Tags:        []string{"parse"},
		Evidence:    "parse",
		Properties:  map[string]any{"parse_kind": e.Kind},
	}
	var be *BudgetError
	if errors.As(e.Err, &be) {
		f.Title = fmt.Sprintf("%s file exceeds the %s budget", strings.ToLower(e.Kind), be.Budget)
		f.Description = be.Error()
		f.Evidence = "budget:" + be.Budget
		f.Tags = []string{"parse", "budget"}
		f.Properties["budget"] = be.Budget
		f.Properties["limit"] = be.Limit
		f.Remediation = "The file was checked only in part. Simplify or split it, or except this finding; docs/hardening.md lists the budgets."
	}
	return f
}

// IsParseFinding reports whether f was made from a [ParseError].
func IsParseFinding(f *Finding) bool { return strings.HasPrefix(f.RuleID, ParseRulePrefix) }

// splitParseErrors separates the ParseErrors in err (a single error or an
// errors.Join tree) from the rest, which stays a scanner error.
func splitParseErrors(err error) ([]*ParseError, error) {
	if err == nil {
		return nil, nil
	}
	var pe *ParseError
	if errors.As(err, &pe) && !isJoin(err) {
		return []*ParseError{pe}, nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return nil, err
	}
	var pes []*ParseError
	var rest []error
	for _, e := range j.Unwrap() {
		p, r := splitParseErrors(e)
		pes = append(pes, p...)
		if r != nil {
			rest = append(rest, r)
		}
	}
	return pes, errors.Join(rest...)
}

func isJoin(err error) bool {
	_, ok := err.(interface{ Unwrap() []error })
	return ok
}

// DefaultMaxFindingsPerFile is the findings-per-file budget of Run.
const DefaultMaxFindingsPerFile = 2000

// capFindingsPerFile keeps at most max findings per scanner and file, the
// most severe first, and adds one TG-PARSE-FINDINGS finding per capped
// file that says how many were dropped. Parse findings are never dropped.
func capFindingsPerFile(kind string, fs []Finding, limit int) []Finding {
	if limit <= 0 || len(fs) <= limit {
		return fs
	}
	count := map[string]int{}
	for i := range fs {
		if !IsParseFinding(&fs[i]) {
			count[fs[i].Location.Path]++
		}
	}
	over := map[string]bool{}
	for p, n := range count {
		if n > limit {
			over[p] = true
		}
	}
	if len(over) == 0 {
		return fs
	}
	// Most severe first, then file order, so the kept ones are the worst.
	slices.SortStableFunc(fs, func(a, b Finding) int { return int(b.Severity) - int(a.Severity) })
	kept := map[string]int{}
	out := fs[:0]
	for _, f := range fs {
		if p := f.Location.Path; over[p] && !IsParseFinding(&f) {
			if kept[p] >= limit {
				continue
			}
			kept[p]++
		}
		out = append(out, f)
	}
	paths := make([]string, 0, len(over))
	for p := range over {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		pe := &ParseError{Kind: ParseKindFindings, Path: p, Err: &BudgetError{Budget: "findings-per-file", Limit: int64(limit),
			Detail: strconv.Itoa(count[p]-limit) + " of " + strconv.Itoa(count[p]) + " findings were dropped (the most severe are kept)"}}
		out = append(out, pe.Finding(kind))
	}
	return out
}
