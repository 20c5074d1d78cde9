package cicd

import (
	"context"
	"errors"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

func TestParseGitHub(t *testing.T) {
	src := "on:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
	docs, err := ParseGitHub(context.Background(), ".github/workflows/ci.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Kind != KindGitHub {
		t.Fatalf("docs = %v", docs)
	}
	if _, ok := docs[0].Value["on"]; !ok {
		t.Error(`"on" must stay a string key, not the YAML 1.1 boolean`)
	}
	step := docs[0].Value["jobs"].(map[string]any)["build"].(map[string]any)["steps"].([]any)[0].(map[string]any)
	if step["__loc"].(map[string]any)["start_line"] != 7 {
		t.Errorf("step loc = %v", step["__loc"])
	}
}

func TestParseGitLabError(t *testing.T) {
	_, err := ParseGitLab(context.Background(), ".gitlab-ci.yml", []byte("build:\n  script: [\n"))
	var fe *scanner.ParseError
	if !errors.As(err, &fe) || fe.Line == 0 || fe.Kind != scanner.ParseKindYAML {
		t.Fatalf("err = %v", err)
	}
}
