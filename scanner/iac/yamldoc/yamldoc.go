package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Annotation keys added to every mapping.
const (
	LocKey  = "__loc"
	KeysKey = "__keys"
)

// maxNodes bounds the number of values one document may expand to, so an
// alias bomb ("billion laughs") fails instead of eating the memory.
const maxNodes = 2_000_000

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

// Parse decodes every document of a YAML stream. Empty documents are
// skipped. On a syntax error it returns the documents decoded so far and an
// *Error.
func Parse(src []byte) ([]Document, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []Document
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, syntaxError(err)
		}
		if len(n.Content) == 0 || (n.Content[0].Kind == yaml.ScalarNode && n.Content[0].ShortTag() == "!!null") {
			continue
		}
		c := &converter{}
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
	c := &converter{}
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
	nodes int
	// ends caches end lines, since they are asked for repeatedly.
	ends map[*yaml.Node]int
	// active guards against self-referencing aliases.
	active map[*yaml.Node]bool
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
	c.nodes++
	if c.nodes > maxNodes {
		return nil, &Error{Line: n.Line, Err: errors.New("document expands to too many values (alias bomb?)")}
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
		v, err := c.convert(n.Alias)
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
