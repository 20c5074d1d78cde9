package policy_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/regosandbox"
	"github.com/tollgate-dev/tollgate/internal/regosandbox/sandboxtest"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

// A policy from a pull request must not reach the network: every way of
// calling a network builtin is rejected when the gate is built, naming the
// builtin and file:line, and the server receives nothing.
func TestPolicyNetworkBuiltinsRejected(t *testing.T) {
	srv, hits := sandboxtest.Server(t)
	tests := []struct {
		name, src, builtin, line string
	}{
		{"http.send GET", `package tollgate.gate
deny contains msg if {
	r := http.send({"method": "GET", "url": "` + srv.URL + `"})
	msg := "x"
}`, "http.send", "exfil.rego:3"},
		{"http.send POST of the findings", `package tollgate.gate
deny contains "x" if {
	http.send({"method": "POST", "url": "` + srv.URL + `", "body": input.findings}, _)
}`, "http.send", "exfil.rego:3"},
		{"http.send in a helper package", `package lib

send(x) := http.send({"method": "GET", "url": concat("", ["` + srv.URL + `/", x])})
`, "http.send", "exfil.rego:3"},
		{"net.lookup_ip_addr", `package tollgate.gate
warn contains msg if {
	addrs := net.lookup_ip_addr("localhost")
	msg := sprintf("%v", [addrs])
}`, "net.lookup_ip_addr", "exfil.rego:3"},
	}
	res := result(finding("aws-key", scanner.SeverityHigh, "a.env"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := policy.New(context.Background(), policy.WithModule("exfil.rego", tt.src))
			if err == nil {
				g.Decide(context.Background(), policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), Now: now})) //nolint:errcheck // only the server's count matters
				t.Fatal("policy calling a network builtin was accepted")
			}
			if !errors.Is(err, policy.ErrPolicy) || !errors.Is(err, regosandbox.ErrNetworkBuiltin) {
				t.Errorf("error %v does not wrap ErrPolicy and ErrNetworkBuiltin", err)
			}
			for _, want := range []string{tt.builtin, tt.line, "--policy-allow-net"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name %q", err, want)
				}
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("server received %d requests", n)
	}
}

// With WithNetwork the same policy reaches the server: the opt-in works,
// and the test above would see a request if the sandbox leaked.
func TestPolicyNetworkAllowed(t *testing.T) {
	srv, hits := sandboxtest.Server(t)
	src := `package tollgate.gate
deny contains "reached" if {
	r := http.send({"method": "GET", "url": "` + srv.URL + `"})
	r.status_code == 200
}`
	d := decide(t, result(), policy.DefaultConfig(), policy.InputOptions{}, policy.WithModule("net.rego", src), policy.WithNetwork())
	if hits.Load() != 1 || len(d.Deny) != 1 || d.Deny[0].Msg != "reached" {
		t.Errorf("hits = %d, deny = %+v", hits.Load(), d.Deny)
	}
}

// opa.runtime() exposes the environment (CI tokens) when OPA is given a
// runtime; the gate gives none, so a policy sees an empty object.
func TestPolicyRuntimeEmpty(t *testing.T) {
	t.Setenv("TOLLGATE_SANDBOX_PROBE", "must-not-be-visible")
	src := `package tollgate.gate
deny contains msg if {
	rt := opa.runtime()
	count(rt) > 0
	msg := sprintf("runtime %v", [rt])
}`
	d := decide(t, result(), policy.DefaultConfig(), policy.InputOptions{}, policy.WithModule("rt.rego", src))
	if len(d.Deny) != 0 {
		t.Errorf("opa.runtime() is not empty: %+v", d.Deny)
	}
}
