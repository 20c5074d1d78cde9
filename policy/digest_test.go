package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/policy"
)

// TestDigest: the digest follows the policies' and data's content, not
// their file names or load order.
func TestDigest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.rego", "package org\n\nimport rego.v1\n\nx := 1\n")
	b := write("b.rego", "package org2\n\nimport rego.v1\n\ny := 2\n")
	a2 := write("renamed.rego", "package org\n\nimport rego.v1\n\nx := 1\n")
	d1 := write("d1.yaml", "limits: {max: 3}\n")
	d2 := write("d2.json", `{"limits": {"max": 4}}`)
	digest := func(opts ...policy.Option) string {
		t.Helper()
		g, err := policy.New(ctx, opts...)
		if err != nil {
			t.Fatal(err)
		}
		return g.Digest()
	}
	plain := digest()
	ab := digest(policy.WithPolicy(a, b))
	for name, c := range map[string]struct {
		got  string
		same bool
	}{
		"default again": {digest(), true},
		"order":         {digest(policy.WithPolicy(b, a)), true},
		"renamed":       {digest(policy.WithPolicy(b, a2)), true},
		"added policy":  {digest(policy.WithPolicy(a)), false},
		"no default":    {digest(policy.WithPolicy(a, b), policy.WithoutDefaultPolicy()), false},
		"data":          {digest(policy.WithData(d1)), false},
		"other data":    {digest(policy.WithData(d2)), false},
	} {
		base := plain
		if name == "order" || name == "renamed" || name == "no default" {
			base = ab
		}
		if (c.got == base) != c.same {
			t.Errorf("%s: digest %s vs %s, same = %v, want %v", name, c.got, base, c.got == base, c.same)
		}
	}
	if digest(policy.WithData(d1)) == digest(policy.WithData(d2)) {
		t.Error("different data, same digest")
	}
}
