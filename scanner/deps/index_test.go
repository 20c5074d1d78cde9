package deps_test

import (
	"context"
	"os"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// TestOfflineScanIndex: an offline scan reads the advisories through the
// per-ecosystem index, builds it on first use for a DB tollgate did not
// write (in Options.IndexDir, never beside the zips), and rebuilds it
// when it is stale or corrupt, with the same findings every time.
func TestOfflineScanIndex(t *testing.T) {
	db := t.TempDir()
	writeDB(t, db, testDB())
	root := t.TempDir()
	copyFixture(t, root, map[string]string{"web/package-lock.json": "npm-v3/package-lock.json"})
	cache := t.TempDir()
	scan := func(wantState string) []string {
		t.Helper()
		s, err := deps.New(deps.Options{Offline: true, DBDir: db, IndexDir: cache, HTTPClient: failingClient(t)})
		if err != nil {
			t.Fatal(err)
		}
		res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
		if err != nil || len(res.Errors) != 0 {
			t.Fatalf("scan: %v %v", err, res.Errors)
		}
		npm := s.Stats()["db"].(map[string]any)["ecosystems"].(map[string]any)["npm"].(map[string]any)
		if npm["index_state"] != wantState || npm["index_path"] == "" {
			t.Errorf("npm db stats = %v, want index_state %s and a path", npm, wantState)
		}
		var ids []string
		for _, f := range res.Findings {
			ids = append(ids, f.RuleID+" "+f.Package.Name)
		}
		return ids
	}
	first := scan(string(osvdb.IndexBuilt))
	if len(first) == 0 {
		t.Fatal("no findings")
	}
	if _, err := os.Stat(osvdb.IndexPath(osvdb.ZipPath(db, "npm"))); !os.IsNotExist(err) {
		t.Errorf("index written beside the zips of a DB tollgate does not manage: %v", err)
	}
	check := func(state string) {
		t.Helper()
		if got := scan(state); len(got) != len(first) {
			t.Errorf("%s: findings %v, want %v", state, got, first)
		}
	}
	check(string(osvdb.IndexFresh))

	p := osvdb.IndexLocation(osvdb.ZipPath(db, "npm"), cache)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/3] ^= 0x55
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	check(string(osvdb.IndexRebuiltCorrupt))

	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	check(string(osvdb.IndexBuilt))

	// A new advisory in the zip: the old index is stale and must not hide it.
	advs := testDB()
	advs["npm"] = append(advs["npm"], map[string]any{"id": "GHSA-new0-new0-new0", "affected": []any{
		affected("npm", "lodash", map[string]string{"introduced": "0"}, map[string]string{"fixed": "99.0.0"})}})
	writeDB(t, db, advs)
	if got := scan(string(osvdb.IndexRebuiltStale)); len(got) != len(first)+1 {
		t.Errorf("after the zip changed: %v, want one more than %v", got, first)
	}
}
