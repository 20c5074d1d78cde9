package yamldoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// MaxJSONDepth bounds JSON nesting so hostile input cannot exhaust the stack.
const MaxJSONDepth = 512

// JSONError is a JSON syntax error with its line.
type JSONError struct {
	Line int
	Err  error
}

func (e *JSONError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *JSONError) Unwrap() error { return e.Err }

// jsonConv decodes JSON into the same annotated shape yamldoc produces for
// YAML, computing line ranges from token offsets.
type jsonConv struct {
	src   []byte
	dec   *json.Decoder
	lines []int // byte offset of the start of each line
}

// ParseJSON decodes a JSON document into the annotated shape [Convert]
// gives YAML: every object carries "__loc" and "__keys" line ranges,
// integers are int64. The CloudFormation and ARM parsers share it. A syntax
// error is a *JSONError with its line.
func ParseJSON(src []byte) (any, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	c := &jsonConv{src: src, dec: json.NewDecoder(bytes.NewReader(src))}
	c.dec.UseNumber()
	c.lines = append(c.lines, 0)
	for i, b := range src {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	v, _, err := c.value(0)
	if err != nil {
		return nil, c.wrap(err)
	}
	if _, err := c.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &JSONError{Line: c.line(int(c.dec.InputOffset())), Err: errors.New("unexpected data after the top-level value")}
	}
	return v, nil
}

func (c *jsonConv) wrap(err error) error {
	var je *JSONError
	if errors.As(err, &je) {
		return err
	}
	off := int(c.dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return &JSONError{Line: c.line(off), Err: err}
}

// line converts a byte offset to a 1-based line number.
func (c *jsonConv) line(off int) int {
	return sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off })
}

// next returns the offset where the next token starts.
func (c *jsonConv) next() int {
	off := int(c.dec.InputOffset())
	for off < len(c.src) {
		switch c.src[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// value decodes one value and returns it with the offset of its last byte.
func (c *jsonConv) value(depth int) (any, int, error) {
	if depth > MaxJSONDepth {
		return nil, 0, &JSONError{Line: c.line(c.next()), Err: errors.New("nesting too deep")}
	}
	start := c.next()
	tok, err := c.dec.Token()
	if err != nil {
		return nil, 0, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return c.object(start, depth)
		case '[':
			return c.array(depth)
		}
		return nil, 0, &JSONError{Line: c.line(start), Err: fmt.Errorf("unexpected %q", t)}
	case json.Number:
		return number(t), int(c.dec.InputOffset()) - 1, nil
	default: // string, bool, nil
		return t, int(c.dec.InputOffset()) - 1, nil
	}
}

func (c *jsonConv) object(start, depth int) (any, int, error) {
	m := map[string]any{}
	keys := map[string]any{}
	for c.dec.More() {
		keyStart := c.next()
		kt, err := c.dec.Token()
		if err != nil {
			return nil, 0, err
		}
		k, ok := kt.(string)
		if !ok {
			return nil, 0, &JSONError{Line: c.line(keyStart), Err: errors.New("object key is not a string")}
		}
		v, end, err := c.value(depth + 1)
		if err != nil {
			return nil, 0, err
		}
		m[k] = v
		keys[k] = Loc(c.line(keyStart), c.line(end))
	}
	if _, err := c.dec.Token(); err != nil { // '}'
		return nil, 0, err
	}
	end := int(c.dec.InputOffset()) - 1
	m[LocKey] = Loc(c.line(start), c.line(end))
	m[KeysKey] = keys
	return m, end, nil
}

func (c *jsonConv) array(depth int) (any, int, error) {
	list := []any{}
	for c.dec.More() {
		v, _, err := c.value(depth + 1)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, v)
	}
	if _, err := c.dec.Token(); err != nil { // ']'
		return nil, 0, err
	}
	return list, int(c.dec.InputOffset()) - 1, nil
}

// number keeps integers as int64 (like yamldoc) and the rest as float64.
func number(n json.Number) any {
	if i, err := n.Int64(); err == nil {
		return i
	}
	if f, err := n.Float64(); err == nil {
		return f
	}
	return n.String()
}
