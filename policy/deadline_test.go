package policy_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

// A user policy that loops for far longer than the gate's deadline ends the
// decision with a policy error naming its file and line, not a pass.
func TestDecideTimeoutNamesRule(t *testing.T) {
	slow := `package tollgate.gate

deny contains {"msg": "never"} if {
	some i in numbers.range(1, 20000)
	some j in numbers.range(1, 20000)
	i * j == -1
}
`
	g, err := policy.New(context.Background(), policy.WithModule("slow.rego", slow), policy.WithTimeout(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = g.Decide(context.Background(), policy.BuildInput(result(), policy.InputOptions{Config: policy.DefaultConfig(), Now: now}))
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %s with a 200ms deadline", took)
	}
	if !errors.Is(err, policy.ErrPolicy) {
		t.Fatalf("err = %v, want ErrPolicy", err)
	}
	var de *scanner.DeadlineError
	if !errors.As(err, &de) || de.Limit != 200*time.Millisecond {
		t.Errorf("err = %v, want a 200ms DeadlineError", err)
	}
	for _, want := range []string{"policy rule deny at slow.rego:3", "did not finish within 200ms", "--policy-timeout"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// The default policy decides well inside a short deadline: the deadline
// does not change ordinary decisions.
func TestDecideWithinDeadline(t *testing.T) {
	d := decide(t, result(finding("R1", scanner.SeverityHigh, "a.go")), policy.DefaultConfig(), policy.InputOptions{}, policy.WithTimeout(5*time.Second))
	if d.Pass {
		t.Errorf("decision = %+v, want a deny for the HIGH finding", d)
	}
}
