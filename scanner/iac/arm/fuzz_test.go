package arm

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: no template, however hostile, panics or escapes the budgets.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "iac", "arm", "*.json"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"$schema": "deploymentTemplate.json", "variables": {"a": "[variables('b')]", "b": "[concat(variables('a'), variables('a'))]"},
	 "resources": [{"type": "A.B/c", "name": "[variables('a')]", "copy": {"name": "l", "count": 99999}}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, _ = Parse(context.Background(), "f.json", src, Options{Budgets: Budgets{Steps: 100_000}})
	})
}
