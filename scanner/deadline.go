package scanner

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DeadlineError is the cause of a context ended by a deadline set with
// [WithDeadline]: it names what ran out of time and how to raise the limit.
// It matches [context.DeadlineExceeded] with errors.Is.
type DeadlineError struct {
	// What was being done, e.g. "scan" or "IaC checks on k8s/app.yaml".
	What string
	// Limit is the deadline that ran out.
	Limit time.Duration
	// Setting names the flag or option that sets the limit (optional).
	Setting string
}

func (e *DeadlineError) Error() string {
	s := fmt.Sprintf("%s did not finish within %s", e.What, e.Limit)
	if e.Setting != "" {
		s += " (raise it with " + e.Setting + ")"
	}
	return s
}

// Is makes errors.Is(err, context.DeadlineExceeded) true.
func (e *DeadlineError) Is(target error) bool { return target == context.DeadlineExceeded }

// WithDeadline bounds ctx by d; d <= 0 means no bound of its own. When
// the bound ends the context, [Cause] returns a *DeadlineError naming
// what and setting. Every deadline in tollgate (the whole scan, one
// file's Rego checks, the gate, the OSV API) is made here, so that all of
// them report the same way.
func WithDeadline(ctx context.Context, d time.Duration, what, setting string) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, d, &DeadlineError{What: what, Limit: d, Setting: setting})
}

// Cause returns why ctx ended: a *DeadlineError from [WithDeadline], the
// signal from signal.NotifyContext, or ctx.Err(). It returns nil while ctx
// is live.
func Cause(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	if c := context.Cause(ctx); c != nil {
		return c
	}
	return ctx.Err()
}

// DeadlineOf returns the *DeadlineError in err's chain or in ctx's cause,
// if any. Libraries (OPA, net/http) often return a bare
// context.DeadlineExceeded; ctx still knows which limit it was.
func DeadlineOf(ctx context.Context, err error) (*DeadlineError, bool) {
	var de *DeadlineError
	if errors.As(err, &de) {
		return de, true
	}
	if errors.As(Cause(ctx), &de) {
		return de, true
	}
	return nil, false
}
