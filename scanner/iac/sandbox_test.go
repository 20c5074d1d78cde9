package iac

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/regosandbox"
	"github.com/tollgate-dev/tollgate/internal/regosandbox/sandboxtest"
	"github.com/tollgate-dev/tollgate/scanner"
)

const netCheckMeta = `# METADATA
# title: T
# scope: package
# custom:
#   id: NET-1
#   severity: LOW
#   frameworks: [kubernetes]
package acme.net

`

// A user check (--iac-checks, possibly from the pull request) must not
// reach the network: New rejects each network builtin with file:line and
// the server receives nothing; AllowNet opts in.
func TestUserCheckNetworkBuiltins(t *testing.T) {
	srv, hits := sandboxtest.Server(t)
	send := netCheckMeta + `deny contains res if {
	r := http.send({"method": "POST", "url": "` + srv.URL + `", "body": input})
	res := {"msg": "sent", "__loc": input.__loc}
}
`
	tests := map[string]struct{ file, src, want string }{
		"http.send in a check": {"c.rego", send, "c.rego:11: http.send"},
		"net.lookup_ip_addr in a check": {"c.rego", netCheckMeta + `deny contains res if {
	count(net.lookup_ip_addr("localhost")) > 0
	res := {"msg": "resolved", "__loc": input.__loc}
}
`, "c.rego:11: net.lookup_ip_addr"},
		"http.send in a library module": {"lib.rego", "package acme.lib\n\nget(u) := http.send({\"method\": \"GET\", \"url\": u})\n", "lib.rego:3: http.send"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, tt.file, tt.src)
			_, err := New(Options{ExtraCheckDirs: []string{dir}})
			if !errors.Is(err, regosandbox.ErrNetworkBuiltin) || !strings.Contains(err.Error(), filepath.ToSlash(dir)+"/"+tt.want) {
				t.Errorf("err = %v, want ErrNetworkBuiltin naming %s", err, tt.want)
			}
		})
	}
	if hits.Load() != 0 {
		t.Fatalf("server received %d requests", hits.Load())
	}

	dir := t.TempDir()
	writeFile(t, dir, "c.rego", send)
	s, err := New(Options{ExtraCheckDirs: []string{dir}, AllowNet: true})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	writeFile(t, root, "d.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n")
	if _, err := scanner.Run(context.Background(), root, []scanner.Scanner{s}); err != nil {
		t.Fatal(err)
	}
	if hits.Load() == 0 {
		t.Error("with AllowNet the check did not reach the server; the test above proves nothing")
	}
}
