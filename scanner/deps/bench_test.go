package deps_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// genTree writes n npm packages (package-lock.json v3) and n PyPI
// requirements, the first ones named after packages the shared DB has
// advisories for.
func genTree(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	npmReal := []string{"lodash", "qs", "express", "minimist", "jquery", "marked", "hapi", "sequelize"}
	pyReal := []string{"django", "requests", "flask", "pyyaml", "jinja2", "urllib3", "pillow", "numpy"}
	pkgs := map[string]any{"": map[string]any{"name": "bench"}}
	var req strings.Builder
	for i := range n {
		npmName, pyName := fmt.Sprintf("bench-npm-%d", i), fmt.Sprintf("bench-py-%d", i)
		if i < len(npmReal) {
			npmName, pyName = npmReal[i], pyReal[i]
		}
		pkgs["node_modules/"+npmName] = map[string]any{"version": fmt.Sprintf("%d.%d.%d", i%3, i%10, i%7)}
		fmt.Fprintf(&req, "%s==%d.%d.%d\n", pyName, i%4, i%10, i%5)
	}
	js, _ := json.Marshal(map[string]any{"name": "bench", "lockfileVersion": 3, "packages": pkgs})
	os.WriteFile(filepath.Join(dir, "package-lock.json"), js, 0o644)
	os.WriteFile(filepath.Join(dir, "requirements.txt"), []byte(req.String()), 0o644)
	return dir
}

// BenchmarkOfflineScan scans 5,000 npm + 5,000 PyPI packages against the
// shared database (skipped when absent).
func BenchmarkOfflineScan(b *testing.B) {
	db := sharedDB(b)
	root := genTree(b, 5000)
	for b.Loop() {
		s, err := deps.New(deps.Options{Offline: true, DBDir: db})
		if err != nil {
			b.Fatal(err)
		}
		res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
		if err != nil || len(res.Errors) > 0 {
			b.Fatalf("%v %v", err, res.Errors)
		}
	}
}

// BenchmarkLoadDB measures loading and indexing the PyPI and npm archives.
func BenchmarkLoadDB(b *testing.B) {
	db := sharedDB(b)
	root := genTree(b, 8)
	for b.Loop() {
		s, _ := deps.New(deps.Options{Offline: true, DBDir: db})
		if _, err := scanner.Run(context.Background(), root, []scanner.Scanner{s}); err != nil {
			b.Fatal(err)
		}
	}
}
