package osvdb_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// FuzzValidate: downloaded archives are untrusted; Validate must never
// panic, whatever the bytes.
func FuzzValidate(f *testing.F) {
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "all.zip")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		osvdb.Validate(p) //nolint:errcheck // only panics matter
	})
}
