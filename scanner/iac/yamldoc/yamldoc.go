package yamldoc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"

	"gopkg.in/yaml.v3"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Annotation keys added to every mapping.
const (
	LocKey  = "__loc"
	KeysKey = "__keys"
)

// Default budgets of one file (see [Limits]).
const (
	DefaultMaxValues      = 2_000_000
	DefaultMaxAliasValues = 10_000
	DefaultMaxDocuments   = 1_000
)

// Budget names, as they appear in findings and docs/hardening.md.
const (
	BudgetValues          = "yaml-values"
	BudgetAliasValues     = "yaml-alias-values"
	BudgetDocuments       = "yaml-documents"
	BudgetScanAliasValues = "yaml-alias-values-per-scan"
)

// Limits bound what one file may cost. A zero field takes its default.
// The budgets are per file, not per document, so that splitting a bomb
// into documents gains nothing.
type Limits struct {
	// Values bounds the values (scalars, maps, lists) one file converts
	// to, aliases expanded.
	Values int64
	// AliasValues bounds the values produced by expanding aliases: a
	// nested-alias "billion laughs" file is a few hundred bytes.
	AliasValues int64
	// Documents bounds the documents of one stream.
	Documents int
	// Scan, when set, is shared by every file of a scan and bounds the
	// alias values of all of them together.
	Scan *ScanBudget
}

func (l Limits) withDefaults() Limits {
	if l.Values <= 0 {
		l.Values = DefaultMaxValues
	}
	if l.AliasValues <= 0 {
		l.AliasValues = DefaultMaxAliasValues
	}
	if l.Documents <= 0 {
		l.Documents = DefaultMaxDocuments
	}
	return l
}

// DefaultMaxScanAliasValues is the default of [NewScanBudget].
const DefaultMaxScanAliasValues = 100_000

// ScanBudget is the alias-expansion budget of a whole scan, shared by the
// files parsed concurrently. Exceeding it is a [*ScanBudgetError]: the scan,
// not one file, is too much.
type ScanBudget struct {
	limit int64
	used  atomic.Int64
}

// NewScanBudget returns a budget of limit alias values (0: the default).
func NewScanBudget(limit int64) *ScanBudget {
	if limit <= 0 {
		limit = DefaultMaxScanAliasValues
	}
	return &ScanBudget{limit: limit}
}

// ScanBudgetError is returned when a scan's files together expand more
// alias values than the [ScanBudget] allows.
type ScanBudgetError struct{ Limit int64 }

func (e *ScanBudgetError) Error() string {
	return fmt.Sprintf("budget %s (%d) exceeded: the YAML files of this scan together expand too many aliases", BudgetScanAliasValues, e.Limit)
}

type scanBudgetKey struct{}

// WithScanBudget returns a context whose parses share b.
func WithScanBudget(ctx context.Context, b *ScanBudget) context.Context {
	return context.WithValue(ctx, scanBudgetKey{}, b)
}

// ScanBudgetFrom returns the budget set by [WithScanBudget], or nil.
func ScanBudgetFrom(ctx context.Context) *ScanBudget {
	b, _ := ctx.Value(scanBudgetKey{}).(*ScanBudget)
	return b
}

// flushEvery is how many alias values are counted locally before they are
// charged to the shared scan budget.
const flushEvery = 4096

// Document is one YAML document of a stream.
type Document struct {
	// Value is map[string]any, []any, string, int64, float64, bool or nil.
	Value any
	// StartLine and EndLine are the 1-based source range of the document.
	StartLine, EndLine int
}

// Error is a syntax error with the line it was found on (0 if unknown).
type Error struct {
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

var errLineRe = regexp.MustCompile(`line (\d+)`)

// Parse decodes every document of a YAML stream under the default
// [Limits]. Empty documents are skipped. On a syntax error it returns the
// documents decoded so far and an *Error; a budget exceeded is an *Error
// whose Err is a *scanner.BudgetError, also with the documents so far.
func Parse(src []byte) ([]Document, error) {
	return ParseLimits(src, Limits{})
}

// ParseLimits is [Parse] under explicit budgets.
func ParseLimits(src []byte, lim Limits) ([]Document, error) {
	lim = lim.withDefaults()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []Document
	c := &converter{lim: lim}
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, c.flush()
		}
		if err != nil {
			return docs, syntaxError(err)
		}
		if len(n.Content) == 0 || (n.Content[0].Kind == yaml.ScalarNode && n.Content[0].ShortTag() == "!!null") {
			continue
		}
		if len(docs) >= lim.Documents {
			return docs, &Error{Line: n.Line, Err: &scanner.BudgetError{Budget: BudgetDocuments, Limit: int64(lim.Documents),
				Detail: fmt.Sprintf("more than %d documents; the first %d are checked", lim.Documents, lim.Documents)}}
		}
		c.ends = nil
		v, err := c.convert(n.Content[0])
		if err != nil {
			return docs, err
		}
		start, end := c.span(n.Content[0])
		docs = append(docs, Document{Value: v, StartLine: start, EndLine: end})
	}
}

// Convert converts one node (a document node or any node inside it).
func Convert(n *yaml.Node) (any, error) {
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil, nil
		}
		n = n.Content[0]
	}
	c := &converter{lim: Limits{}.withDefaults()}
	return c.convert(n)
}

func syntaxError(err error) error {
	line := 0
	if m := errLineRe.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	return &Error{Line: line, Err: errors.New(msg)}
}

type converter struct {
	lim   Limits
	nodes int64
	// aliasDepth > 0 while an alias is being expanded; aliasNodes counts
	// the values produced that way, unflushed those not yet charged to
	// the scan budget.
	aliasDepth int
	aliasNodes int64
	unflushed  int64
	// ends caches end lines, since they are asked for repeatedly.
	ends map[*yaml.Node]int
	// active guards against self-referencing aliases.
	active map[*yaml.Node]bool
}

// count charges one value to the file's budgets (and, for alias values,
// to the scan's).
func (c *converter) count(n *yaml.Node) error {
	c.nodes++
	if c.nodes > c.lim.Values {
		return &Error{Line: n.Line, Err: &scanner.BudgetError{Budget: BudgetValues, Limit: c.lim.Values,
			Detail: fmt.Sprintf("the file expands to more than %d values; the documents before this one are checked", c.lim.Values)}}
	}
	if c.aliasDepth == 0 {
		return nil
	}
	c.aliasNodes++
	if c.aliasNodes > c.lim.AliasValues {
		return &Error{Line: n.Line, Err: &scanner.BudgetError{Budget: BudgetAliasValues, Limit: c.lim.AliasValues,
			Detail: fmt.Sprintf("aliases expand to more than %d values (alias bomb?); the documents before this one are checked", c.lim.AliasValues)}}
	}
	c.unflushed++
	if c.unflushed >= flushEvery {
		return c.flush()
	}
	return nil
}

// flush charges the uncharged alias values to the scan budget.
func (c *converter) flush() error {
	b := c.lim.Scan
	n := c.unflushed
	c.unflushed = 0
	if b == nil || n == 0 {
		return nil
	}
	if b.used.Add(n) > b.limit {
		return &ScanBudgetError{Limit: b.limit}
	}
	return nil
}

// Loc builds a location annotation.
func Loc(start, end int) map[string]any {
	return map[string]any{"start_line": start, "end_line": end}
}

func (c *converter) span(n *yaml.Node) (int, int) {
	return n.Line, c.end(n)
}

// end returns the last source line a node covers. yaml.v3 records only
// start positions, so the end is the furthest end among the children, and
// for scalars the start plus the newlines the scalar spans.
func (c *converter) end(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	if e, ok := c.ends[n]; ok {
		return e
	}
	e := n.Line
	switch n.Kind {
	case yaml.ScalarNode:
		lines := strings.Count(strings.TrimRight(n.Value, "\n"), "\n")
		switch n.Style {
		case yaml.LiteralStyle, yaml.FoldedStyle:
			// the content starts on the line after the indicator
			e = n.Line + 1 + lines
			if n.Value == "" {
				e = n.Line
			}
		default:
			e = n.Line + lines
		}
	case yaml.AliasNode:
		e = n.Line
	case yaml.MappingNode, yaml.SequenceNode, yaml.DocumentNode:
		for _, ch := range n.Content {
			if ce := c.end(ch); ce > e {
				e = ce
			}
		}
	}
	if c.ends == nil {
		c.ends = make(map[*yaml.Node]int)
	}
	c.ends[n] = e
	return e
}

func (c *converter) convert(n *yaml.Node) (any, error) {
	if err := c.count(n); err != nil {
		return nil, err
	}
	if name, ok := cfnFunctions[n.Tag]; ok {
		return c.cfnTag(n, name)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.convert(n.Content[0])
	case yaml.AliasNode:
		if c.active[n.Alias] {
			return nil, &Error{Line: n.Line, Err: errors.New("recursive alias")}
		}
		if c.active == nil {
			c.active = make(map[*yaml.Node]bool)
		}
		c.active[n.Alias] = true
		c.aliasDepth++
		v, err := c.convert(n.Alias)
		c.aliasDepth--
		delete(c.active, n.Alias)
		return v, err
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, ch := range n.Content {
			v, err := c.convert(ch)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		return c.mapping(n)
	default:
		return scalar(n), nil
	}
}

func (c *converter) mapping(n *yaml.Node) (map[string]any, error) {
	out := make(map[string]any, len(n.Content)/2+2)
	keys := make(map[string]any, len(n.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag != "!!str" {
			merges = append(merges, v)
			continue
		}
		key := keyString(k)
		val, err := c.convert(v)
		if err != nil {
			return nil, err
		}
		out[key] = val
		keys[key] = Loc(k.Line, max(c.end(v), k.Line))
	}
	// Merge keys: explicit keys win, then earlier merged maps win.
	for _, m := range merges {
		srcs := []*yaml.Node{m}
		if deref(m).Kind == yaml.SequenceNode {
			srcs = deref(m).Content
		}
		for _, s := range srcs {
			v, err := c.convert(s)
			if err != nil {
				return nil, err
			}
			mm, ok := v.(map[string]any)
			if !ok {
				continue
			}
			mk, _ := mm[KeysKey].(map[string]any)
			for k, val := range mm {
				if strings.HasPrefix(k, "__") {
					continue
				}
				if _, exists := out[k]; exists {
					continue
				}
				out[k] = val
				if loc, ok := mk[k]; ok {
					keys[k] = loc
				}
			}
		}
	}
	out[LocKey] = Loc(n.Line, c.end(n))
	out[KeysKey] = keys
	return out, nil
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func keyString(k *yaml.Node) string {
	k = deref(k)
	if k.Kind == yaml.ScalarNode {
		return k.Value
	}
	// Complex keys are rare; give them a readable form.
	var b strings.Builder
	_ = yaml.NewEncoder(&b).Encode(k)
	return strings.TrimSpace(b.String())
}

func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	case "!!int":
		s := strings.ReplaceAll(n.Value, "_", "")
		if strings.HasPrefix(s, "0o") || strings.HasPrefix(s, "-0o") || strings.HasPrefix(s, "+0o") {
			s = strings.Replace(s, "0o", "0", 1)
		}
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			return int64(i)
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	case "!!float":
		var f float64
		if err := n.Decode(&f); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f
		}
	}
	return n.Value
}

// cfnFunctions maps CloudFormation short-form tags to their long names.
var cfnFunctions = map[string]string{
	"!Ref":          "Ref",
	"!Condition":    "Condition",
	"!Sub":          "Fn::Sub",
	"!GetAtt":       "Fn::GetAtt",
	"!If":           "Fn::If",
	"!Join":         "Fn::Join",
	"!Select":       "Fn::Select",
	"!Split":        "Fn::Split",
	"!Equals":       "Fn::Equals",
	"!And":          "Fn::And",
	"!Or":           "Fn::Or",
	"!Not":          "Fn::Not",
	"!FindInMap":    "Fn::FindInMap",
	"!Base64":       "Fn::Base64",
	"!Cidr":         "Fn::Cidr",
	"!GetAZs":       "Fn::GetAZs",
	"!ImportValue":  "Fn::ImportValue",
	"!Transform":    "Fn::Transform",
	"!Length":       "Fn::Length",
	"!ToJsonString": "Fn::ToJsonString",
}

func (c *converter) cfnTag(n *yaml.Node, name string) (any, error) {
	var inner any
	if n.Kind == yaml.ScalarNode {
		// The tag replaced the scalar's own tag; keep the text.
		inner = n.Value
		if name == "Fn::GetAtt" {
			res, attr, _ := strings.Cut(n.Value, ".")
			inner = []any{res, attr}
		}
		if name == "Fn::GetAZs" && n.Value == "" {
			inner = ""
		}
	} else {
		cp := *n
		cp.Tag = ""
		v, err := c.convert(&cp)
		if err != nil {
			return nil, err
		}
		inner = v
	}
	end := c.end(n)
	return map[string]any{
		name:    inner,
		LocKey:  Loc(n.Line, end),
		KeysKey: map[string]any{name: Loc(n.Line, end)},
	}, nil
}

// ParseFile parses a file of a scan: [ParseLimits] with the scan budget
// of ctx (see [WithScanBudget]). A problem with the file itself (syntax, a
// file budget) comes back as a *scanner.ParseError of kind YAML, with the
// documents before it; a [*ScanBudgetError] comes back unchanged, since it
// is the scan, not the file, that is too much.
func ParseFile(ctx context.Context, path string, src []byte) ([]Document, error) {
	docs, err := ParseLimits(src, Limits{Scan: ScanBudgetFrom(ctx)})
	if err == nil {
		return docs, nil
	}
	var sbe *ScanBudgetError
	if errors.As(err, &sbe) {
		return docs, fmt.Errorf("%s: %w", path, err)
	}
	pe := &scanner.ParseError{Kind: scanner.ParseKindYAML, Path: path, Err: err}
	var ye *Error
	if errors.As(err, &ye) {
		pe.Line, pe.Err = ye.Line, ye.Err
	}
	return docs, pe
}
