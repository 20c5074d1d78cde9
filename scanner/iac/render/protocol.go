package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// ProtocolVersion is the version of the request/response protocol
// between tollgate and tollgate-render. A session opens with a hello;
// both sides must speak the same version.
const ProtocolVersion = 1

// Operations of a [Request].
const (
	OpHello     = "hello"
	OpHelm      = "helm"
	OpKustomize = "kustomize"
)

// Request is one line tollgate sends to tollgate-render.
type Request struct {
	Op string `json:"op"`
	// Protocol is the sender's [ProtocolVersion] (hello).
	Protocol int `json:"protocol,omitempty"`
	// Root is the absolute path of the scanned tree; Dir (a chart or
	// kustomization directory) and File (the kustomization file) are
	// relative to it.
	Root string       `json:"root,omitempty"`
	Dir  string       `json:"dir,omitempty"`
	File string       `json:"file,omitempty"`
	Helm *HelmOptions `json:"helm,omitempty"`
}

// Response is the line tollgate-render answers a [Request] with.
type Response struct {
	// Protocol and Version answer a hello: the companion's
	// [ProtocolVersion] and its build version.
	Protocol  int         `json:"protocol,omitempty"`
	Version   string      `json:"version,omitempty"`
	Documents []wireDoc   `json:"documents,omitempty"`
	Errors    []wireError `json:"errors,omitempty"`
	// Restart says the companion should not serve another request: a
	// render that ran out of time may still be running inside it.
	Restart bool `json:"restart,omitempty"`
}

type wireDoc struct {
	Kind  string         `json:"kind"`
	Path  string         `json:"path"`
	Value map[string]any `json:"value"`
}

// wireError is one error of a response: a parse error (with its budget,
// if it is one), a scan-wide YAML alias budget error, or a plain
// message.
type wireError struct {
	Message string       `json:"message"`
	Parse   *wireParse   `json:"parse,omitempty"`
	Budget  *wireBudget  `json:"budget,omitempty"`
	Aliases *json.Number `json:"scan_alias_budget,omitempty"`
}

type wireParse struct {
	Kind string `json:"kind"`
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
}

type wireBudget struct {
	Name   string `json:"name"`
	Limit  int64  `json:"limit"`
	Detail string `json:"detail"`
}

// NewResponse makes the response for the result of one render.
func NewResponse(docs []Document, err error) Response {
	r := Response{Documents: make([]wireDoc, len(docs)), Errors: encodeErrors(err)}
	for i, d := range docs {
		r.Documents[i] = wireDoc(d)
	}
	return r
}

// Result is what a response carries: the documents and the errors,
// joined as the renderer joined them.
func (r Response) Result() ([]Document, error) {
	docs := make([]Document, len(r.Documents))
	for i, d := range r.Documents {
		docs[i] = Document(d)
	}
	return docs, decodeErrors(r.Errors)
}

func encodeErrors(err error) []wireError {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []wireError
		for _, e := range j.Unwrap() {
			out = append(out, encodeErrors(e)...)
		}
		return out
	}
	w := wireError{Message: err.Error()}
	var sbe *yamldoc.ScanBudgetError
	if pe, ok := err.(*scanner.ParseError); ok {
		w.Parse = &wireParse{Kind: pe.Kind, Path: pe.Path, Line: pe.Line}
		w.Message = pe.Err.Error()
		var be *scanner.BudgetError
		if errors.As(pe.Err, &be) {
			w.Budget = &wireBudget{Name: be.Budget, Limit: be.Limit, Detail: be.Detail}
		}
	} else if errors.As(err, &sbe) {
		n := json.Number(strconv.FormatInt(sbe.Limit, 10))
		w.Aliases = &n
	}
	return []wireError{w}
}

func decodeErrors(ws []wireError) error {
	errs := make([]error, 0, len(ws))
	for _, w := range ws {
		errs = append(errs, w.err())
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

func (w wireError) err() error {
	if w.Aliases != nil {
		n, _ := w.Aliases.Int64()
		return &yamldoc.ScanBudgetError{Limit: n}
	}
	if w.Parse == nil {
		return errors.New(w.Message)
	}
	var inner error = errors.New(w.Message)
	if w.Budget != nil {
		be := &scanner.BudgetError{Budget: w.Budget.Name, Limit: w.Budget.Limit, Detail: w.Budget.Detail}
		inner = be
		if be.Error() != w.Message {
			inner = &budgetMessage{msg: w.Message, be: be}
		}
	}
	return &scanner.ParseError{Kind: w.Parse.Kind, Path: w.Parse.Path, Line: w.Parse.Line, Err: inner}
}

// budgetMessage is a budget error the renderer wrapped in a message of
// its own: the message stays, errors.As still finds the budget.
type budgetMessage struct {
	msg string
	be  *scanner.BudgetError
}

func (e *budgetMessage) Error() string { return e.msg }
func (e *budgetMessage) Unwrap() error { return e.be }

// EncodeResponse writes r as one JSON line. Numbers inside documents are
// written so that [Decode] gives back int64 for integers and float64 for
// floats: a float always has a fraction or an exponent. Go ints of any
// size become int64 on the other side.
func EncodeResponse(buf *bytes.Buffer, r *Response) error {
	buf.WriteString(`{"protocol":`)
	buf.WriteString(strconv.Itoa(r.Protocol))
	buf.WriteString(`,"version":`)
	appendString(buf, r.Version)
	buf.WriteString(`,"restart":`)
	buf.WriteString(strconv.FormatBool(r.Restart))
	buf.WriteString(`,"errors":`)
	b, err := json.Marshal(r.Errors)
	if err != nil {
		return err
	}
	buf.Write(b)
	buf.WriteString(`,"documents":[`)
	for i, d := range r.Documents {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`{"kind":`)
		appendString(buf, d.Kind)
		buf.WriteString(`,"path":`)
		appendString(buf, d.Path)
		buf.WriteString(`,"value":`)
		if err := appendValue(buf, d.Value, 0); err != nil {
			return fmt.Errorf("document %s of %s: %w", d.Kind, d.Path, err)
		}
		buf.WriteByte('}')
	}
	buf.WriteString("]}\n")
	return nil
}

// EncodeRequest writes r as one JSON line.
func EncodeRequest(buf *bytes.Buffer, r *Request) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	buf.Write(b)
	buf.WriteByte('\n')
	return nil
}

// maxDepth bounds the nesting the encoder follows (the YAML parser's own
// depth limit is far below it).
const maxDepth = 10_000

func appendValue(buf *bytes.Buffer, v any, depth int) error {
	if depth > maxDepth {
		return errors.New("render: value nested too deeply")
	}
	switch x := v.(type) {
	case nil:
		buf.WriteString("null")
	case bool:
		buf.WriteString(strconv.FormatBool(x))
	case string:
		appendString(buf, x)
	case int:
		buf.WriteString(strconv.FormatInt(int64(x), 10))
	case int64:
		buf.WriteString(strconv.FormatInt(x, 10))
	case int32:
		buf.WriteString(strconv.FormatInt(int64(x), 10))
	case float64:
		return appendFloat(buf, x)
	case float32:
		return appendFloat(buf, float64(x))
	case map[string]any:
		buf.WriteByte('{')
		first := true
		for k, c := range x {
			if !first {
				buf.WriteByte(',')
			}
			first = false
			appendString(buf, k)
			buf.WriteByte(':')
			if err := appendValue(buf, c, depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case []any:
		buf.WriteByte('[')
		for i, c := range x {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := appendValue(buf, c, depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	default:
		// values the parsers never make ([]string, other numbers)
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Errorf("render: encode %T: %w", x, err)
		}
		buf.Write(b)
	}
	return nil
}

func appendFloat(buf *bytes.Buffer, f float64) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return fmt.Errorf("render: %v has no JSON form", f)
	}
	b := strconv.AppendFloat(buf.AvailableBuffer(), f, 'g', -1, 64)
	if !bytes.ContainsAny(b, ".eE") {
		b = append(b, ".0"...)
	}
	buf.Write(b)
	return nil
}

func appendString(buf *bytes.Buffer, s string) {
	if utf8.ValidString(s) {
		plain := true
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == 0x7f {
				plain = false
				break
			}
		}
		if plain {
			buf.WriteByte('"')
			buf.WriteString(s)
			buf.WriteByte('"')
			return
		}
	}
	b, _ := json.Marshal(s) // a string always marshals
	buf.Write(b)
}

// Decode reads one JSON value into v (a *Request or *Response), turning
// the numbers of documents back into int64 (no fraction, no exponent)
// and float64.
func Decode(line []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(line))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		return err
	}
	if r, ok := v.(*Response); ok {
		for _, doc := range r.Documents {
			if _, err := numbers(doc.Value, 0); err != nil {
				return err
			}
		}
	}
	return nil
}

// numbers replaces the json.Numbers inside v in place and returns v (or
// the number that replaces it).
func numbers(v any, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("render: value nested too deeply")
	}
	var err error
	switch x := v.(type) {
	case json.Number:
		return number(x)
	case map[string]any:
		for k, c := range x {
			if x[k], err = numbers(c, depth+1); err != nil {
				return nil, err
			}
		}
	case []any:
		for i, c := range x {
			if x[i], err = numbers(c, depth+1); err != nil {
				return nil, err
			}
		}
	}
	return v, nil
}

func number(n json.Number) (any, error) {
	s := string(n)
	if !bytes.ContainsAny([]byte(s), ".eE") {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, fmt.Errorf("render: number %s: %w", s, err)
	}
	return f, nil
}

// tooLongError is a line over the limit of [ReadLine].
type tooLongError struct{ limit int64 }

func (e *tooLongError) Error() string { return fmt.Sprintf("line over %d bytes", e.limit) }

// ReadLine reads one line (a request or a response) of at most max
// bytes. The end of r before any byte is io.EOF; within a line,
// io.ErrUnexpectedEOF.
func ReadLine(r *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if int64(len(line))+int64(len(chunk)) > max {
			return nil, &tooLongError{limit: max}
		}
		line = append(line, chunk...)
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF) && len(line) > 0:
			return nil, io.ErrUnexpectedEOF
		default:
			return nil, err
		}
	}
}
