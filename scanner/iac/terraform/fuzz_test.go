package terraform_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

// FuzzParseModule feeds arbitrary main.tf content through the evaluator; it
// must never panic.
func FuzzParseModule(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixtures, "*", "*.tf"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`locals { a = local.a }`))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"m/main.tf": {Data: src}, "m/child/main.tf": {Data: src}}
		_, _ = terraform.ParseModule(context.Background(), fsys, "m", terraform.Options{})
		_, _ = terraform.ParsePlan(context.Background(), "p.json", src)
	})
}
