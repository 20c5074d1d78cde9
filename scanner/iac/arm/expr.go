package arm

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The template expression language: a JSON string "[...]" is an
// expression (a leading "[[" escapes a literal "["). Its grammar is small:
//
//	expr    := primary { "." ident | "[" expr "]" }
//	primary := 'string' | number | true | false | null | call
//	call    := ident [ "." ident ] "(" [ expr { "," expr } ] ")"
//
// The parser is bounded by the expression's length (checked by the caller)
// and by maxExprDepth, so a hostile template cannot exhaust the stack.

// node is a parsed expression.
type node interface{}

type litNode struct{ v any }

type callNode struct {
	name string // lower case; "ns.f" for user-defined functions
	args []node
	src  string // the call's source text, for deterministic stand-ins
}

type propNode struct {
	x    node
	name string
}

type indexNode struct{ x, idx node }

var errSyntax = errors.New("expression syntax error")

type exprParser struct {
	s     string
	pos   int
	depth int
	max   int
}

// parseExpr parses the inside of "[...]".
func parseExpr(s string, maxDepth int) (node, error) {
	p := &exprParser{s: s, max: maxDepth}
	n, err := p.expr()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos != len(p.s) {
		return nil, fmt.Errorf("%w: unexpected %q at %d", errSyntax, p.s[p.pos:p.pos+1], p.pos)
	}
	return n, nil
}

func (p *exprParser) space() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\n' || p.s[p.pos] == '\r') {
		p.pos++
	}
}

func (p *exprParser) peek() byte {
	p.space()
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *exprParser) expr() (node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > p.max {
		return nil, fmt.Errorf("%w: nested deeper than %d", errExprDepth, p.max)
	}
	n, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		switch p.peek() {
		case '.':
			p.pos++
			p.space()
			id := p.ident()
			if id == "" {
				return nil, fmt.Errorf("%w: property name expected at %d", errSyntax, p.pos)
			}
			n = propNode{x: n, name: id}
		case '[':
			p.pos++
			idx, err := p.expr()
			if err != nil {
				return nil, err
			}
			if p.peek() != ']' {
				return nil, fmt.Errorf("%w: ']' expected at %d", errSyntax, p.pos)
			}
			p.pos++
			n = indexNode{x: n, idx: idx}
		default:
			return n, nil
		}
	}
}

func isIdentByte(c byte, first bool) bool {
	return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9')
}

func (p *exprParser) ident() string {
	start := p.pos
	for p.pos < len(p.s) && isIdentByte(p.s[p.pos], p.pos == start) {
		p.pos++
	}
	return p.s[start:p.pos]
}

func (p *exprParser) primary() (node, error) {
	c := p.peek()
	switch {
	case c == '\'':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.pos
		p.pos++
		for p.pos < len(p.s) && ((p.s[p.pos] >= '0' && p.s[p.pos] <= '9') || p.s[p.pos] == '.') {
			p.pos++
		}
		txt := p.s[start:p.pos]
		if i, err := strconv.ParseInt(txt, 10, 64); err == nil {
			return litNode{i}, nil
		}
		if f, err := strconv.ParseFloat(txt, 64); err == nil {
			return litNode{f}, nil
		}
		return nil, fmt.Errorf("%w: bad number %q", errSyntax, txt)
	case isIdentByte(c, true):
		start := p.pos
		name := p.ident()
		if p.peek() == '.' {
			// a user-defined function: namespace.name(...)
			save := p.pos
			p.pos++
			p.space()
			member := p.ident()
			if member != "" && p.peek() == '(' {
				name += "." + member
			} else {
				p.pos = save
			}
		}
		if p.peek() != '(' {
			switch strings.ToLower(name) {
			case "true":
				return litNode{true}, nil
			case "false":
				return litNode{false}, nil
			case "null":
				return litNode{nil}, nil
			}
			return nil, fmt.Errorf("%w: unknown name %q", errSyntax, name)
		}
		p.pos++ // (
		var args []node
		if p.peek() == ')' {
			p.pos++
		} else {
			for {
				a, err := p.expr()
				if err != nil {
					return nil, err
				}
				args = append(args, a)
				c := p.peek()
				p.pos++
				if c == ')' {
					break
				}
				if c != ',' {
					return nil, fmt.Errorf("%w: ',' or ')' expected at %d", errSyntax, p.pos-1)
				}
			}
		}
		return callNode{name: strings.ToLower(name), args: args, src: p.s[start:p.pos]}, nil
	}
	return nil, fmt.Errorf("%w: unexpected %q at %d", errSyntax, string(c), p.pos)
}

// str reads a 'quoted' string; ” is a literal quote.
func (p *exprParser) str() (node, error) {
	p.pos++ // opening quote
	var b strings.Builder
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		p.pos++
		if c == '\'' {
			if p.pos < len(p.s) && p.s[p.pos] == '\'' {
				b.WriteByte('\'')
				p.pos++
				continue
			}
			return litNode{b.String()}, nil
		}
		b.WriteByte(c)
	}
	return nil, fmt.Errorf("%w: unterminated string", errSyntax)
}

// exprText returns the inside of a "[...]" expression string, and false
// for a plain string (including the "[[" escape, returned unescaped).
func exprText(s string) (string, string, bool) {
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
		if strings.HasPrefix(s, "[[") {
			return "", s[1:], false
		}
		return s[1 : len(s)-1], "", true
	}
	return "", s, false
}
