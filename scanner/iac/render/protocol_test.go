package render

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

func roundTrip(t *testing.T, docs []Document, err error) ([]Document, error) {
	t.Helper()
	resp := NewResponse(docs, err)
	var buf bytes.Buffer
	if err := EncodeResponse(&buf, &resp); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("\n")); n != 1 || !bytes.HasSuffix(buf.Bytes(), []byte("\n")) {
		t.Fatalf("response is %d lines, want one line: %q", n, buf.String())
	}
	var got Response
	if err := Decode(buf.Bytes(), &got); err != nil {
		t.Fatalf("decode %s: %v", buf.String(), err)
	}
	return got.Result()
}

// Documents cross with their exact values: integers stay int64 (even
// beyond float64's precision), floats stay float64 (even when integral),
// strings with every kind of escape survive, nesting is kept.
func TestProtocolDocumentsRoundTrip(t *testing.T) {
	value := map[string]any{
		"apiVersion": "apps/v1",
		"kind":       "Deployment",
		"spec": map[string]any{
			"replicas": int64(3),
			"big":      int64(math.MaxInt64),
			"negative": int64(-9007199254740993), // not exact as a float64
			"ratio":    0.25,
			"integral": float64(2),
			"huge":     1e300,
			"tiny":     -1.5e-7,
			"ports":    []any{map[string]any{"containerPort": int64(8080), "hostPort": int64(0)}, int64(443)},
			"empty":    []any{},
			"nothing":  nil,
			"on":       true,
			"off":      false,
			"text":     "quote \" backslash \\ newline \n tab \t nul \x00 del \x7f <html> & é 日本 \u2028",
			"invalid":  "bad \xff utf-8",
		},
		"__loc":  map[string]any{"start_line": int64(1), "end_line": int64(40)},
		"__keys": map[string]any{"spec": map[string]any{"start_line": int64(5), "end_line": int64(40)}},
	}
	in := []Document{{Kind: "kubernetes", Path: "chart/templates/deploy.yaml", Value: value}, {Kind: "kubernetes", Path: "b.yaml", Value: map[string]any{}}}
	got, err := roundTrip(t, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	// the one lossy case: invalid UTF-8 becomes U+FFFD, as in any JSON
	value["spec"].(map[string]any)["invalid"] = "bad \ufffd utf-8"
	if d := cmp.Diff(in, got); d != "" {
		t.Errorf("documents (-sent +received):\n%s", d)
	}
	// Go ints (the parsers' line annotations, counts) arrive as int64
	got, _ = roundTrip(t, []Document{{Kind: "k", Path: "p", Value: map[string]any{"n": 7, "m": int32(-2), "f": float32(0.5)}}}, nil)
	if d := cmp.Diff(map[string]any{"n": int64(7), "m": int64(-2), "f": 0.5}, got[0].Value); d != "" {
		t.Errorf("Go ints (-want +got):\n%s", d)
	}
}

func TestProtocolRefusesNonFiniteFloats(t *testing.T) {
	for _, f := range []float64{math.Inf(1), math.NaN()} {
		resp := NewResponse([]Document{{Kind: "k", Path: "p", Value: map[string]any{"x": f}}}, nil)
		if err := EncodeResponse(&bytes.Buffer{}, &resp); err == nil {
			t.Errorf("%v encoded", f)
		}
	}
}

// Errors cross as what they are: a ParseError with every field, its
// budget (bare or wrapped in a message of the renderer's), the scan-wide
// alias budget, and plain errors, joined as the renderer joined them.
func TestProtocolErrorsRoundTrip(t *testing.T) {
	budget := &scanner.BudgetError{Budget: BudgetHelmRangeItems, Limit: 100000, Detail: "the templates ask for more"}
	tests := []struct {
		name string
		err  error
		want []error // the leaves after the trip
	}{
		{"no error", nil, nil},
		{"parse error with every field", &scanner.ParseError{Kind: scanner.ParseKindHelm, Path: "c/templates/a.yaml", Line: 12, Err: errors.New("rendered output is not valid YAML")},
			[]error{&scanner.ParseError{Kind: scanner.ParseKindHelm, Path: "c/templates/a.yaml", Line: 12, Err: errors.New("rendered output is not valid YAML")}}},
		{"budget", &scanner.ParseError{Kind: scanner.ParseKindHelm, Path: "c/Chart.yaml", Err: budget},
			[]error{&scanner.ParseError{Kind: scanner.ParseKindHelm, Path: "c/Chart.yaml", Err: budget}}},
		{"plain error", fmt.Errorf("helm values file: %w", io.ErrUnexpectedEOF), []error{errors.New("helm values file: unexpected EOF")}},
		{"scan alias budget", &yamldoc.ScanBudgetError{Limit: 100000}, []error{&yamldoc.ScanBudgetError{Limit: 100000}}},
		{"joined", errors.Join(&scanner.ParseError{Kind: scanner.ParseKindKustomize, Path: "k/kustomization.yaml", Line: 3, Err: errors.New("remote")}, errors.New("plain")),
			[]error{&scanner.ParseError{Kind: scanner.ParseKindKustomize, Path: "k/kustomization.yaml", Line: 3, Err: errors.New("remote")}, errors.New("plain")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, got := roundTrip(t, nil, tc.err)
			if tc.err == nil {
				if got != nil {
					t.Fatalf("got %v", got)
				}
				return
			}
			if got.Error() != tc.err.Error() {
				t.Errorf("message %q, want %q", got.Error(), tc.err.Error())
			}
			leaves := []error{got}
			if j, ok := got.(interface{ Unwrap() []error }); ok {
				leaves = j.Unwrap()
			}
			if d := cmp.Diff(tc.want, leaves, cmp.Comparer(sameError)); d != "" {
				t.Errorf("errors (-want +got):\n%s", d)
			}
		})
	}
	// a budget the renderer wrapped keeps its message and stays a budget,
	// so the finding (title, evidence, description) is the same
	wrapped := &scanner.ParseError{Kind: scanner.ParseKindHelm, Path: "c/Chart.yaml", Err: fmt.Errorf("chart: %w", budget)}
	_, got := roundTrip(t, nil, wrapped)
	if d := cmp.Diff(wrapped.Finding("iac"), got.(*scanner.ParseError).Finding("iac")); d != "" {
		t.Errorf("finding of a wrapped budget (-in-process +received):\n%s", d)
	}
}

// sameError compares errors by type, fields and message.
func sameError(a, b error) bool {
	if fmt.Sprintf("%T", a) != fmt.Sprintf("%T", b) || a.Error() != b.Error() {
		return false
	}
	var pa, pb *scanner.ParseError
	if errors.As(a, &pa) != errors.As(b, &pb) {
		return false
	}
	if pa != nil {
		var ba, bb *scanner.BudgetError
		if errors.As(pa.Err, &ba) != errors.As(pb.Err, &bb) || (ba != nil && *ba != *bb) {
			return false
		}
		return pa.Kind == pb.Kind && pa.Path == pb.Path && pa.Line == pb.Line && pa.Finding("iac").Title == pb.Finding("iac").Title
	}
	return true
}

func TestReadLineLimit(t *testing.T) {
	r := bufio.NewReaderSize(strings.NewReader(strings.Repeat("x", 100)+"\nshort\npartial"), 16)
	if _, err := ReadLine(r, 50); err == nil {
		t.Fatal("a 101-byte line read under a 50-byte limit")
	}
	r = bufio.NewReaderSize(strings.NewReader("short\npartial"), 16)
	if l, err := ReadLine(r, 50); err != nil || string(l) != "short\n" {
		t.Fatalf("got %q, %v", l, err)
	}
	if _, err := ReadLine(r, 50); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("a cut line: %v, want unexpected EOF", err)
	}
	if _, err := ReadLine(r, 50); !errors.Is(err, io.EOF) {
		t.Fatalf("the end: %v, want EOF", err)
	}
}
