package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/regosandbox/sandboxtest"
)

// A --policy or --iac-checks file that calls http.send fails the scan
// (and `policy test`) with exit 2, naming the builtin, file:line and the
// opt-in flag, and the server hears nothing; --policy-allow-net lets both
// through.
func TestPolicyAllowNetFlag(t *testing.T) {
	srv, hits := sandboxtest.Server(t)
	dir := t.TempDir()
	write := func(rel, src string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pol := write("policy/exfil.rego", `package tollgate.gate

deny contains "sent" if {
	http.send({"method": "POST", "url": "`+srv.URL+`", "body": input.findings}).status_code == 200
}
`)
	checks := filepath.Dir(write("checks/exfil.rego", `# METADATA
# title: T
# scope: package
# custom:
#   id: EXFIL-1
#   severity: LOW
#   frameworks: [kubernetes]
package acme.exfil

deny contains res if {
	http.send({"method": "POST", "url": "`+srv.URL+`", "body": input}).status_code == 0
	res := {"msg": "never", "__loc": input.__loc}
}
`))
	tree := filepath.Dir(write("tree/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"))

	r := runCLI(t, scanArgs("--policy", pol, "../../testdata/e2e/clean")...)
	if r.code != 2 || !strings.Contains(r.stderr, "exfil.rego:4: http.send reaches the network") || !strings.Contains(r.stderr, "--policy-allow-net") {
		t.Errorf("policy: code %d, stderr %q", r.code, r.stderr)
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"scan", "-q", "--scanners", "iac", "--iac-checks", checks, tree}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "exfil.rego:11: http.send reaches the network") {
		t.Errorf("check: code %d, stderr %q", code, errb.String())
	}
	if r := runCLI(t, "policy", "test", filepath.Dir(pol)); r.code != 2 || !strings.Contains(r.stderr, "exfil.rego:4: http.send") {
		t.Errorf("policy test: code %d, stderr %q", r.code, r.stderr)
	}
	if hits.Load() != 0 {
		t.Fatalf("server received %d requests", hits.Load())
	}

	if r := runCLI(t, scanArgs("--policy-allow-net", "--policy", pol, "../../testdata/e2e/clean")...); r.code != 1 || hits.Load() != 1 {
		t.Errorf("policy with --policy-allow-net: code %d, hits %d, stderr %q", r.code, hits.Load(), r.stderr)
	}
	out.Reset()
	errb.Reset()
	code = run(context.Background(), []string{"scan", "-q", "--policy-allow-net", "--scanners", "iac", "--iac-checks", checks, tree}, &out, &errb)
	if code != 0 || hits.Load() != 2 {
		t.Errorf("check with --policy-allow-net: code %d, hits %d, stderr %q", code, hits.Load(), errb.String())
	}
}
