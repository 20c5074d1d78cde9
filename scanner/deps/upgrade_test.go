package deps_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// TestUpgradeFixesAllAdvisories: the suggested upgrade is the smallest
// version no advisory affects, not the smallest fix of each advisory.
func TestUpgradeFixesAllAdvisories(t *testing.T) {
	a := map[string]any{"id": "GHSA-aaaa-aaaa-aaaa", "affected": []any{affected("npm", "pkg", ev("introduced", "0"), ev("fixed", "1.2.0"))}}
	// Fixed in 1.1.0, broken again from 1.2.0 to 1.3.0: 1.2.0 is no fix.
	b := map[string]any{"id": "GHSA-bbbb-bbbb-bbbb", "affected": []any{affected("npm", "pkg", ev("introduced", "0"), ev("fixed", "1.1.0"), ev("introduced", "1.2.0"), ev("fixed", "1.3.0"))}}
	c := map[string]any{"id": "GHSA-cccc-cccc-cccc", "affected": []any{affected("npm", "pkg", ev("introduced", "0"), ev("fixed", "2.0.1"))}}
	unfixed := map[string]any{"id": "GHSA-dddd-dddd-dddd", "affected": []any{affected("npm", "pkg", ev("introduced", "0"))}}
	tests := []struct {
		name      string
		advs      []map[string]any
		wantTo    string
		wantMajor bool
	}{
		{"one advisory", []map[string]any{a}, "1.2.0", false},
		{"fix inside another range is skipped", []map[string]any{a, b}, "1.3.0", false},
		{"major bump", []map[string]any{a, b, c}, "2.0.1", true},
		{"no version fixes all", []map[string]any{a, unfixed}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := t.TempDir()
			writeDB(t, db, map[string][]map[string]any{"npm": tt.advs})
			root := t.TempDir()
			lock := `{"name": "app", "lockfileVersion": 3, "packages": {"": {"name": "app", "dependencies": {"pkg": "^1.0.0"}},
			  "node_modules/pkg": {"version": "1.0.0"}}}`
			if err := os.WriteFile(filepath.Join(root, "package-lock.json"), []byte(lock), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := deps.New(deps.Options{Offline: true, DBDir: db, HTTPClient: failingClient(t)})
			if err != nil {
				t.Fatal(err)
			}
			fs, err := s.Scan(context.Background(), targetOf(t, s, root))
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != len(tt.advs) {
				t.Fatalf("%d findings, want %d", len(fs), len(tt.advs))
			}
			for _, f := range fs {
				p := f.Package
				if p.UpgradeTo != tt.wantTo || p.UpgradeMajor != tt.wantMajor {
					t.Errorf("%s: upgrade %q major %v, want %q %v", f.RuleID, p.UpgradeTo, p.UpgradeMajor, tt.wantTo, tt.wantMajor)
				}
				if p.Direct == nil || !*p.Direct {
					t.Errorf("%s: direct = %v, want true", f.RuleID, p.Direct)
				}
			}
		})
	}
}
