package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/policy"
)

// TestExamplePolicies runs the Rego tests of every example policy in
// examples/policies with the default policy loaded, as `tollgate policy
// test` does.
func TestExamplePolicies(t *testing.T) {
	dirs, err := os.ReadDir("../examples/policies")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		n++
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join("../examples/policies", d.Name())
			results, err := policy.RunTests(context.Background(), []string{dir}, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(results) < 2 {
				t.Fatalf("%s has %d tests, want at least a deny and a pass case", dir, len(results))
			}
			for _, r := range results {
				if !r.Pass {
					t.Errorf("%s.%s (%s) failed %s", r.Package, r.Name, r.Location, r.Error)
				}
			}
			// The policy must also load into a gate as --policy would.
			if _, err := policy.New(context.Background(), policy.WithPolicy(filepath.Join(dir, "policy.rego"))); err != nil {
				t.Fatal(err)
			}
		})
	}
	if n < 6 {
		t.Errorf("%d example policies, want 6", n)
	}
}
