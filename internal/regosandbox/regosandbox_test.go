package regosandbox

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

func TestNetworkBuiltins(t *testing.T) {
	got := NetworkBuiltins()
	for _, want := range []string{"http.send", "net.lookup_ip_addr"} {
		if !slices.Contains(got, want) {
			t.Errorf("NetworkBuiltins() = %v, missing %s", got, want)
		}
	}
	for _, pure := range []string{"net.cidr_contains", "time.now_ns", "opa.runtime"} {
		if slices.Contains(got, pure) {
			t.Errorf("%s is not a network builtin", pure)
		}
	}
}

func TestCapabilities(t *testing.T) {
	has := func(c *ast.Capabilities, name string) bool {
		return slices.ContainsFunc(c.Builtins, func(b *ast.Builtin) bool { return b.Name == name })
	}
	off := Capabilities(false)
	if has(off, "http.send") || has(off, "net.lookup_ip_addr") || !has(off, "net.cidr_contains") {
		t.Error("sandboxed capabilities: wrong builtins")
	}
	if off.AllowNet == nil || len(off.AllowNet) != 0 {
		t.Errorf("AllowNet = %#v, want empty (nil allows every host)", off.AllowNet)
	}
	on := Capabilities(true)
	if !has(on, "http.send") || on.AllowNet != nil {
		t.Error("opted-in capabilities must be OPA's own")
	}
	// The capabilities alone (without Check) make the compiler refuse a call.
	m := ast.MustParseModuleWithOpts("package p\nx := http.send({})\n", ast.ParserOptions{RegoVersion: ast.RegoV1})
	c := ast.NewCompiler().WithCapabilities(off)
	c.Compile(map[string]*ast.Module{"p.rego": m})
	if !c.Failed() || !strings.Contains(c.Errors.Error(), "http.send") {
		t.Errorf("compiler accepted http.send: %v", c.Errors)
	}
}

func TestCheck(t *testing.T) {
	src := `package p
a := http.send({"url": "x"})
b if net.lookup_ip_addr("h", _)
c := count([1 | net.lookup_ip_addr("h")])
d := net.cidr_contains("10.0.0.0/8", "10.1.1.1")
`
	m, err := ast.ParseModuleWithOpts("f.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	err = Check(m)
	if !errors.Is(err, ErrNetworkBuiltin) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"f.rego:2: http.send", "f.rego:3: net.lookup_ip_addr", "f.rego:4: net.lookup_ip_addr"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q missing from %v", want, err)
		}
	}
	if strings.Contains(err.Error(), "cidr") || strings.Count(err.Error(), "reaches the network") != 3 {
		t.Errorf("wrong calls reported: %v", err)
	}
}
