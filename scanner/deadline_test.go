package scanner_test

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// stuckScanner ignores ctx, as a scanner stuck in a library call would,
// and says what it is working on.
type stuckScanner struct {
	name    string
	release chan struct{}
}

func (s *stuckScanner) Name() string                   { return s.name }
func (s *stuckScanner) Match(string, fs.DirEntry) bool { return true }
func (s *stuckScanner) Scan(context.Context, scanner.Target) ([]scanner.Finding, error) {
	<-s.release
	return nil, nil
}
func (s *stuckScanner) InProgress() []string { return []string{"checks on big.yaml"} }

func TestRunDeadlineNamesWhatWasRunning(t *testing.T) {
	root := writeTree(t, map[string]string{"big.yaml": "a: 1\n", "x.txt": "BAD\n"})
	stuck := &stuckScanner{name: "iac", release: make(chan struct{})}
	defer close(stuck.release)
	fast := &lineScanner{name: "fast"}
	ctx, cancel := scanner.WithDeadline(context.Background(), 100*time.Millisecond, "scan", "--timeout")
	defer cancel()
	start := time.Now()
	_, err := scanner.Run(ctx, root, []scanner.Scanner{fast, stuck})
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("Run waited %s for a scanner that ignores ctx", took)
	}
	var ie *scanner.IncompleteError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want *IncompleteError", err)
	}
	if want := []string{"iac (checks on big.yaml)"}; strings.Join(ie.Running, "|") != strings.Join(want, "|") {
		t.Errorf("Running = %q, want %q", ie.Running, want)
	}
	var de *scanner.DeadlineError
	if !errors.As(err, &de) || de.Setting != "--timeout" || de.Limit != 100*time.Millisecond {
		t.Errorf("err = %v, want a DeadlineError for --timeout", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(%v, DeadlineExceeded) = false", err)
	}
	for _, want := range []string{"scan did not finish within 100ms (raise it with --timeout)", "still running: iac (checks on big.yaml)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

func TestRunDeadlineDuringWalk(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "x\n"})
	ctx, cancel := scanner.WithDeadline(context.Background(), time.Nanosecond, "scan", "--timeout")
	defer cancel()
	<-ctx.Done()
	_, err := scanner.Run(ctx, root, []scanner.Scanner{&lineScanner{name: "s"}})
	var ie *scanner.IncompleteError
	if !errors.As(err, &ie) || len(ie.Running) != 1 || !strings.HasPrefix(ie.Running[0], "walk") {
		t.Fatalf("err = %v, want an IncompleteError naming the walk", err)
	}
}

func TestWithDeadline(t *testing.T) {
	ctx, cancel := scanner.WithDeadline(context.Background(), 0, "nothing", "")
	if _, ok := ctx.Deadline(); ok {
		t.Error("d = 0 set a deadline")
	}
	if scanner.Cause(ctx) != nil {
		t.Error("Cause of a live context is not nil")
	}
	cancel()
	if !errors.Is(scanner.Cause(ctx), context.Canceled) {
		t.Errorf("Cause after cancel = %v", scanner.Cause(ctx))
	}
	if _, ok := scanner.DeadlineOf(ctx, ctx.Err()); ok {
		t.Error("DeadlineOf found a deadline in a plain cancel")
	}

	ctx, cancel = scanner.WithDeadline(context.Background(), time.Millisecond, "OSV API", "--osv-timeout")
	defer cancel()
	<-ctx.Done()
	// Libraries return the bare ctx.Err(); DeadlineOf still finds the limit.
	de, ok := scanner.DeadlineOf(ctx, ctx.Err())
	if !ok || de.What != "OSV API" {
		t.Fatalf("DeadlineOf = %v, %v", de, ok)
	}
}
