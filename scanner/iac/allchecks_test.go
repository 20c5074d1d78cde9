package iac

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestEveryCheckOverEveryFixture runs every built-in check over every file of
// the repository (all fixture trees, examples and docs) and fails on any
// evaluation error: a check that errors ends a user's scan with exit 2, so a
// fixture that provokes one (an eval_conflict_error from a function with
// several outputs, a type error) is a bug in the check. Parse errors of the
// deliberately malformed fixtures are not evaluation errors and are allowed.
func TestEveryCheckOverEveryFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("scans the whole repository")
	}
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scanners) != 1 || res.Scanners[0].Files < 50 {
		t.Fatalf("scanned too little: %+v", res.Scanners)
	}
	for _, e := range res.Errors {
		for _, err := range unjoin(e.Err) {
			msg := err.Error()
			if strings.Contains(msg, "evaluate checks") || strings.Contains(msg, "eval_") {
				t.Errorf("check evaluation error: %v", err)
			}
		}
	}
}

// unjoin flattens errors.Join trees so each file's error is judged alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}
