package osvdb_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

func adv(id, eco string, names ...string) string {
	aff := ""
	for i, n := range names {
		if i > 0 {
			aff += ","
		}
		aff += fmt.Sprintf(`{"package":{"ecosystem":%q,"name":%q}}`, eco, n)
	}
	return fmt.Sprintf(`{"id":%q,"affected":[%s]}`, id, aff)
}

// writeZip writes files (in the given order) as a deflated zip.
func writeZip(t *testing.T, path string, files [][2]string) {
	t.Helper()
	writeZipMethod(t, path, files, zip.Deflate)
}

func writeZipMethod(t *testing.T, path string, files [][2]string, method uint16) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

var indexFiles = [][2]string{
	{"GHSA-1.json", adv("GHSA-1", "npm", "LoDash", "underscore")},
	{"GHSA-2.json", `{"id":"GHSA-2","affected":[{"package":{"ecosystem":"npm","name":"lo\u0064ash"}}]}`},
	{"PYSEC-1.json", adv("PYSEC-1", "PyPI", "Django_Rest.Framework")},
	{"GHSA-W.json", `{"id":"GHSA-W","withdrawn":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"lodash"}}]}`},
	{"broken.json", `{"id":`},
	{"README.md", "not an advisory"},
}

func TestIndexLookupAndRead(t *testing.T) {
	zp := filepath.Join(t.TempDir(), "all.zip")
	writeZip(t, zp, indexFiles)
	ix, err := osvdb.BuildIndex(context.Background(), zp)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Advisories() != 3 || ix.Skipped != 2 {
		t.Errorf("advisories %d skipped %d, want 3 and 2 (withdrawn + broken)", ix.Advisories(), ix.Skipped)
	}
	f, err := os.Open(zp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids := func(keys ...string) []string {
		need := map[string]bool{}
		for _, k := range keys {
			need[k] = true
		}
		var out []string
		for _, n := range ix.Lookup(need) {
			b, err := ix.Read(f, n)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b[:bytes.IndexByte(b[1:], ',')+1]))
		}
		return out
	}
	tests := []struct {
		name string
		keys []string
		want []string
	}{
		{"case-folded and escaped names", []string{osvdb.NameKey("npm", "lodash")}, []string{`{"id":"GHSA-1"`, `{"id":"GHSA-2"`}},
		{"second affected package", []string{"underscore"}, []string{`{"id":"GHSA-1"`}},
		{"no repeats", []string{"lodash", "underscore"}, []string{`{"id":"GHSA-1"`, `{"id":"GHSA-2"`}},
		{"PEP 503", []string{osvdb.NameKey("PyPI", "django-rest-framework")}, []string{`{"id":"PYSEC-1"`}},
		{"unknown", []string{"left-pad"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, ids(tc.keys...)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestOpenIndexStaleCorruptMissing: the zip is the source of truth; an
// index that is missing, corrupt or built for another zip is rebuilt and
// never used as it is.
func TestOpenIndexStaleCorruptMissing(t *testing.T) {
	ctx := context.Background()
	db := t.TempDir()
	zp := filepath.Join(db, "osv-scalibr", "npm", "all.zip")
	writeZip(t, zp, indexFiles[:2])
	cache := t.TempDir()
	open := func(want osvdb.IndexState, wantAdvisories int) *osvdb.OpenedIndex {
		t.Helper()
		oi, err := osvdb.OpenIndex(ctx, zp, cache)
		if err != nil {
			t.Fatal(err)
		}
		if oi.State != want || oi.Advisories() != wantAdvisories {
			t.Fatalf("state %s with %d advisories, want %s with %d", oi.State, oi.Advisories(), want, wantAdvisories)
		}
		if oi.WriteErr != nil {
			t.Fatal(oi.WriteErr)
		}
		return oi
	}
	oi := open(osvdb.IndexBuilt, 2) // missing
	if filepath.Dir(oi.Path) != cache {
		t.Errorf("index of an unmanaged DB written to %s, want the cache dir", oi.Path)
	}
	open(osvdb.IndexFresh, 2)

	corruptions := map[string]func([]byte) []byte{
		"flipped byte": func(b []byte) []byte { b[len(b)/2] ^= 0xff; return b },
		"truncated":    func(b []byte) []byte { return b[:len(b)-5] },
		"empty":        func([]byte) []byte { return nil },
		"other file":   func([]byte) []byte { return []byte(`{"not":"an index"}`) },
	}
	for name, corrupt := range corruptions {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(oi.Path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(oi.Path, corrupt(b), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := osvdb.ReadIndex(oi.Path, zp); !errors.Is(err, osvdb.ErrIndexCorrupt) {
				t.Errorf("ReadIndex = %v, want ErrIndexCorrupt", err)
			}
			open(osvdb.IndexRebuiltCorrupt, 2)
			open(osvdb.IndexFresh, 2)
		})
	}

	t.Run("stale: zip replaced", func(t *testing.T) {
		writeZip(t, zp, indexFiles[:3])
		if _, err := osvdb.ReadIndex(oi.Path, zp); !errors.Is(err, osvdb.ErrIndexStale) {
			t.Errorf("ReadIndex = %v, want ErrIndexStale", err)
		}
		open(osvdb.IndexRebuiltStale, 3)
		open(osvdb.IndexFresh, 3)
	})
	t.Run("stale: same size, other content", func(t *testing.T) {
		// Same names and lengths, one advisory's package renamed: only
		// the CRC in the central directory differs.
		files := [][2]string{indexFiles[0], indexFiles[1], {"PYSEC-1.json", adv("PYSEC-1", "PyPI", "Django_Rest.Framewor_")}}
		writeZip(t, zp, files)
		if _, err := osvdb.ReadIndex(oi.Path, zp); !errors.Is(err, osvdb.ErrIndexStale) {
			t.Fatalf("ReadIndex = %v, want ErrIndexStale", err)
		}
		oi := open(osvdb.IndexRebuiltStale, 3)
		if got := oi.Lookup(map[string]bool{"django-rest-framewor-": true}); len(got) != 1 {
			t.Errorf("rebuilt index lookup = %v", got)
		}
	})
}

func TestIndexLocation(t *testing.T) {
	db := t.TempDir()
	zp := filepath.Join(db, "osv-scalibr", "npm", "all.zip")
	writeZip(t, zp, indexFiles[:1])
	cache := t.TempDir()
	if got := osvdb.IndexLocation(zp, ""); got != "" {
		t.Errorf("unmanaged DB without cache dir: %q, want in memory", got)
	}
	if got := osvdb.IndexLocation(zp, cache); filepath.Dir(got) != cache {
		t.Errorf("unmanaged DB: %q, want in %s", got, cache)
	}
	// A DB written by `db update` keeps its index beside the zips.
	if err := os.WriteFile(filepath.Join(db, "tollgate-db.json"), []byte(`{"version":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := osvdb.IndexLocation(zp, cache); got != osvdb.IndexPath(zp) {
		t.Errorf("managed DB: %q, want %q", got, osvdb.IndexPath(zp))
	}
}

// TestIndexZip64: the public npm archive has more than 65,535 entries,
// so its end records are zip64.
func TestIndexZip64(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 70,000 zip entries")
	}
	files := make([][2]string, 0, 70000)
	for i := range 70000 {
		files = append(files, [2]string{fmt.Sprintf("MAL-%d.json", i), adv(fmt.Sprintf("MAL-%d", i), "npm", fmt.Sprintf("pkg-%d", i%1000))})
	}
	db := t.TempDir()
	zp := filepath.Join(db, "osv-scalibr", "npm", "all.zip")
	writeZipMethod(t, zp, files, zip.Store) // stored: keeps the test fast
	if st, err := osvdb.Status(db, time.Now()); err != nil || len(st) != 1 || st[0].Advisories != 70000 {
		t.Errorf("Status of a zip64 archive = %+v, %v; want 70,000 advisories", st, err)
	}
	ix, err := osvdb.BuildIndex(context.Background(), zp)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "idx")
	if err := ix.WriteIndex(p); err != nil {
		t.Fatal(err)
	}
	back, err := osvdb.ReadIndex(p, zp)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(back.Lookup(map[string]bool{"pkg-7": true})); got != 70 {
		t.Errorf("pkg-7 has %d advisories, want 70", got)
	}
}

// FuzzReadIndex: an index file is read back from disk, where anything
// may have happened to it; ReadIndex must never panic.
func FuzzReadIndex(f *testing.F) {
	dir := f.TempDir()
	zp := filepath.Join(dir, "all.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("GHSA-1.json")
	w.Write([]byte(adv("GHSA-1", "npm", "lodash")))
	zw.Close()
	if err := os.WriteFile(zp, buf.Bytes(), 0o644); err != nil {
		f.Fatal(err)
	}
	ix, err := osvdb.BuildIndex(context.Background(), zp)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(ix.Marshal())
	f.Add([]byte("TGIDX1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "idx")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if ix, err := osvdb.ReadIndex(p, zp); err == nil {
			zf, _ := os.Open(zp)
			defer zf.Close()
			for _, n := range ix.Lookup(map[string]bool{"lodash": true}) {
				ix.Read(zf, n) //nolint:errcheck // only panics matter
			}
		}
	})
}
