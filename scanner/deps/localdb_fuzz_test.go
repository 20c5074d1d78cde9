package deps

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// FuzzLoadLocalDB: the offline advisory archive is downloaded data. With
// raw set the bytes are the whole all.zip; otherwise they are one advisory
// inside a well-formed archive, which reaches the index builder and the
// OSV decoder. Loading must never panic, for every advisory or only the
// scanned packages' ones.
func FuzzLoadLocalDB(f *testing.F) {
	for _, p := range []string{"../../testdata/demo-osv-db/src/npm/GHSA-35jh-r3h4-6jhm.json", "../../testdata/demo-osv-db/src/PyPI/GHSA-68w8-qjq3-2gfm.json"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false)
	}
	zb, err := os.ReadFile("../../testdata/demo-osv-db/osv-scalibr/npm/all.zip")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(zb, true)
	f.Add([]byte(`{"id":"X","withdrawn":"2020-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"lodash"}}]}`), false)
	f.Add([]byte(`{"id":"X","affected":[{"package":{"ecosystem":"npm","name" : "lod\u0061sh"}}], "name":`), false)
	f.Fuzz(func(t *testing.T, b []byte, raw bool) {
		dir := t.TempDir()
		p := osvdb.ZipPath(dir, "npm")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if raw {
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		} else {
			writeZip(t, p, b)
		}
		for _, need := range []map[string]bool{nil, {"lodash": true}} {
			idx, err := newLocalDB(dir, t.TempDir()).get(context.Background(), "npm", need)
			if err == nil && idx.count > 0 && idx.byName == nil {
				t.Fatal("advisories counted but not indexed")
			}
		}
	})
}

func writeZip(t *testing.T, p string, entry []byte) {
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	w, err := zw.Create("GHSA-fuzz.json")
	if err == nil {
		_, err = w.Write(entry)
	}
	if err == nil {
		err = zw.Close()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}
