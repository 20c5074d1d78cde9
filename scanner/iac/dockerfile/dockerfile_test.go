package dockerfile

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

func TestParseStages(t *testing.T) {
	src := `ARG GO=1.22
FROM golang:${GO} AS build
RUN go build \
    -o /app .

FROM build AS test
RUN go test ./...

FROM gcr.io/distroless/static
COPY --from=build /app /app
USER nonroot
CMD ["/app"]
`
	docs, err := Parse(context.Background(), "Dockerfile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	stages := docs[0].Value["stages"].([]any)
	if len(stages) != 3 {
		t.Fatalf("stages = %d", len(stages))
	}
	s0 := stages[0].(map[string]any)
	if s0["base"] != "golang:1.22" || s0["name"] != "build" || s0["final"] != false {
		t.Errorf("stage 0 = %v", s0)
	}
	if !cmp.Equal(s0["__loc"], map[string]any{"start_line": 2, "end_line": 4}) {
		t.Errorf("stage 0 loc = %v", s0["__loc"])
	}
	run := s0["instructions"].([]any)[1].(map[string]any)
	if run["cmd"] != "run" || !cmp.Equal(run["__loc"], map[string]any{"start_line": 3, "end_line": 4}) {
		t.Errorf("run = %v", run)
	}
	if stages[1].(map[string]any)["from_stage"] != true {
		t.Error("FROM build not recognised as a stage reference")
	}
	s2 := stages[2].(map[string]any)
	if s2["final"] != true {
		t.Error("last stage not final")
	}
	ins := s2["instructions"].([]any)
	cp := ins[1].(map[string]any)
	if !cmp.Equal(cp["flags"], []any{"--from=build"}) {
		t.Errorf("copy flags = %v", cp["flags"])
	}
	cmdI := ins[3].(map[string]any)
	if cmdI["exec_form"] != true || !cmp.Equal(cmdI["value"], []any{"/app"}) {
		t.Errorf("cmd = %v", cmdI)
	}
}

func TestEnvPairs(t *testing.T) {
	src := "FROM alpine:3.20\nENV A=1 B=\"two words\"\nENV C 3 4\nLABEL x=y\n"
	docs, err := Parse(context.Background(), "Dockerfile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ins := docs[0].Value["stages"].([]any)[0].(map[string]any)["instructions"].([]any)
	for i, want := range [][]any{{"A", "1", "B", "two words"}, {"C", "3 4"}, {"x", "y"}} {
		if got := ins[i+1].(map[string]any)["value"]; !cmp.Equal(got, want) {
			t.Errorf("instruction %d value = %#v, want %#v", i+1, got, want)
		}
	}
}

func TestParseError(t *testing.T) {
	_, err := Parse(context.Background(), "Dockerfile", []byte("FROM alpine\nRUN <<EOF\n"))
	var fe *scanner.FileError
	if err != nil && !errors.As(err, &fe) {
		t.Fatalf("err = %v", err)
	}
}
