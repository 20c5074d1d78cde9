package dockerfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Kind is the document kind this package produces.
const Kind = "dockerfile"

// Document is a parsed Dockerfile.
type Document struct {
	Kind  string
	Path  string
	Value map[string]any
}

// MaxInstructions is the dockerfile-instructions budget: a Dockerfile with
// more instructions is checked on its first MaxInstructions only (real ones
// have tens; the checks' cost grows with the count).
const MaxInstructions = 5000

// BudgetInstructions is the budget's name in findings.
const BudgetInstructions = "dockerfile-instructions"

// Parse parses one Dockerfile. The value is
//
//	{"stages": [{"name", "index", "base", "final", "from_stage", "__loc",
//	  "instructions": [{"cmd", "value", "flags", "original", "exec_form", "__loc"}]}],
//
// ENV and LABEL values are flat key/value pairs: ["K1", "v1", "K2", "v2"].
//
//	"args": {global ARG defaults}}
//
// Instructions before the first FROM (global ARGs) are in "args"; ${VAR}
// references to them in FROM are substituted.
func Parse(ctx context.Context, path string, src []byte) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err := parser.Parse(bytes.NewReader(src))
	if err != nil {
		fe := &scanner.FileError{Path: path, Err: err}
		var le *parser.LocationError
		if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 {
			fe.Line = le.Locations[0][0].Start.Line
			fe.Err = le.Unwrap()
		}
		return nil, fe
	}
	children := res.AST.Children
	var budgetErr error
	if len(children) > MaxInstructions {
		budgetErr = &scanner.FileError{Path: path, Line: children[MaxInstructions].StartLine, Err: &scanner.BudgetError{
			Budget: BudgetInstructions, Limit: MaxInstructions,
			Detail: fmt.Sprintf("%d instructions; the first %d are checked", len(children), MaxInstructions)}}
		children = children[:MaxInstructions]
	}
	globalArgs := map[string]any{}
	var stages []any
	var cur map[string]any
	var instrs []any
	names := map[string]bool{}
	closeStage := func(end int) {
		if cur == nil {
			return
		}
		cur["instructions"] = instrs
		loc := cur["__loc"].(map[string]any)
		loc["end_line"] = end
		stages = append(stages, cur)
	}
	lastEnd := 0
	for _, n := range children {
		ins := instruction(n)
		cmd := ins["cmd"].(string)
		if cmd == "from" {
			closeStage(lastEnd)
			vals := stringsOf(ins["value"])
			base, name := "", ""
			if len(vals) > 0 {
				base = expand(vals[0], globalArgs)
			}
			if len(vals) >= 3 && strings.EqualFold(vals[1], "as") {
				name = vals[2]
			}
			cur = map[string]any{
				"name":       name,
				"index":      int64(len(stages)),
				"base":       base,
				"from_stage": names[strings.ToLower(base)],
				"final":      false,
				"__loc":      map[string]any{"start_line": n.StartLine, "end_line": n.EndLine},
			}
			if name != "" {
				names[strings.ToLower(name)] = true
			}
			instrs = []any{ins}
			lastEnd = n.EndLine
			continue
		}
		if cur == nil {
			if cmd == "arg" {
				for _, kv := range stringsOf(ins["value"]) {
					k, v, _ := strings.Cut(kv, "=")
					globalArgs[k] = strings.Trim(v, `"'`)
				}
			}
			continue
		}
		instrs = append(instrs, ins)
		lastEnd = n.EndLine
	}
	closeStage(lastEnd)
	if len(stages) > 0 {
		stages[len(stages)-1].(map[string]any)["final"] = true
	}
	if stages == nil {
		stages = []any{}
	}
	v := map[string]any{"stages": stages, "args": globalArgs}
	return []Document{{Kind: Kind, Path: path, Value: v}}, budgetErr
}

func instruction(n *parser.Node) map[string]any {
	var vals []any
	cmd := strings.ToLower(n.Value)
	for nx := n.Next; nx != nil; nx = nx.Next {
		vals = append(vals, nx.Value)
		if (cmd == "env" || cmd == "label") && nx.Next != nil {
			// buildkit chains key, value, separator: keep key/value pairs
			nx = nx.Next
			vals = append(vals, unquote(nx.Value))
			if nx.Next != nil && (nx.Next.Value == "=" || nx.Next.Value == "") {
				nx = nx.Next
			}
		}
	}
	for _, h := range n.Heredocs {
		vals = append(vals, h.Content)
	}
	if vals == nil {
		vals = []any{}
	}
	flags := make([]any, 0, len(n.Flags))
	for _, f := range n.Flags {
		flags = append(flags, f)
	}
	return map[string]any{
		"cmd":       cmd,
		"value":     vals,
		"flags":     flags,
		"original":  n.Original,
		"exec_form": n.Attributes["json"],
		"__loc":     map[string]any{"start_line": n.StartLine, "end_line": n.EndLine},
	}
}

func stringsOf(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// expand substitutes global ARG defaults into a FROM image reference.
func expand(s string, args map[string]any) string {
	if !strings.Contains(s, "$") {
		return s
	}
	return os.Expand(s, func(k string) string {
		// ${VAR:-default} and friends: take the default when unset.
		name, def, hasDef := strings.Cut(k, ":-")
		if v, ok := args[name].(string); ok && v != "" {
			return v
		}
		if hasDef {
			return def
		}
		return "${" + k + "}"
	})
}

// unquote strips one pair of matching surrounding quotes.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
