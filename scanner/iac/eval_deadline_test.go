package iac

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// A user check that loops for far longer than the per-document deadline
// ends the evaluation with an error naming the file and the check.
func TestEvalTimeoutNamesFileAndCheck(t *testing.T) {
	// The check loops for minutes; the deadline is 200ms.
	checks := filepath.Join("..", "..", "testdata", "timeouts")
	s, err := New(Options{ExtraCheckDirs: []string{checks}, EvalTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	writeFile(t, root, "deploy/d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n")
	start := time.Now()
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("took %s; the deadline is 200ms per evaluation", took)
	}
	if len(res.Errors) != 1 {
		t.Fatalf("errors = %v, want one", res.Errors)
	}
	got := res.Errors[0].Error()
	for _, want := range []string{"deploy/d.yaml", "ACME-SLOW", "did not finish within 200ms", "--iac-eval-timeout"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q lacks %q", got, want)
		}
	}
	var de *scanner.DeadlineError
	if !errors.As(&res.Errors[0], &de) {
		t.Errorf("error %v does not carry a DeadlineError", res.Errors[0])
	}
	if p := s.InProgress(); len(p) != 0 {
		t.Errorf("InProgress after the scan = %v", p)
	}
}
