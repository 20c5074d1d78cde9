package policy_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
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

// `tollgate policy test` on a pull request's policies is the same risk: a
// test that calls http.send is rejected unless WithNetwork; a test that
// mocks it with `with` still runs.
func TestRunTestsNetwork(t *testing.T) {
	srv, hits := sandboxtest.Server(t)
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("p.rego", "package tollgate.gate\n\ndeny contains \"x\" if input.x\n")
	write("p_test.rego", `package tollgate.gate_test

test_mock if {
	{"status_code": 200} == http.send({"method": "GET", "url": "x"}) with http.send as {"status_code": 200}
}
`)
	if _, err := policy.RunTests(context.Background(), []string{dir}, true); !errors.Is(err, regosandbox.ErrNetworkBuiltin) || !strings.Contains(err.Error(), "p_test.rego:4: http.send") {
		t.Fatalf("a test calling http.send (even mocked in the same expression) must be named: %v", err)
	}
	write("p_test.rego", `package tollgate.gate_test

import data.tollgate.gate

mock_send(_) := {"status_code": 200}

test_mock if {
	count(gate.deny) == 1 with input as {"x": true} with http.send as mock_send
}
`)
	res, err := policy.RunTests(context.Background(), []string{dir}, true)
	if err != nil || len(res) != 1 || !res[0].Pass {
		t.Fatalf("mock-only test: %v %+v", err, res)
	}
	write("p_test.rego", `package tollgate.gate_test

test_exfil if {
	http.send({"method": "POST", "url": "`+srv.URL+`", "body": "data"}).status_code == 200
}
`)
	if _, err := policy.RunTests(context.Background(), []string{dir}, true); !errors.Is(err, regosandbox.ErrNetworkBuiltin) {
		t.Fatalf("err = %v", err)
	}
	if hits.Load() != 0 {
		t.Fatalf("server received %d requests", hits.Load())
	}
	res, err = policy.RunTests(context.Background(), []string{dir}, true, policy.WithNetwork())
	if err != nil || len(res) != 1 || !res[0].Pass || hits.Load() != 1 {
		t.Fatalf("with WithNetwork: %v %+v, hits %d", err, res, hits.Load())
	}
}
