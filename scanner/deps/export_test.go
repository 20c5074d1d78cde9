package deps

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDB returns the real OSV database of the integration tests and
// benchmarks (TOLLGATE_TEST_OSV_DB overrides ../shared/osv-db), or skips.
// Internal and external tests share it.
func SharedDB(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("TOLLGATE_TEST_OSV_DB")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "osv-db")
	}
	if _, err := os.Stat(filepath.Join(dir, "osv-scalibr")); err != nil {
		t.Skipf("no OSV database at %s (set TOLLGATE_TEST_OSV_DB)", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
