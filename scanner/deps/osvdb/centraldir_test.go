package osvdb_test

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// zipJSONCount counts ".json" entries the way archive/zip lists them.
func zipJSONCount(t *testing.T, path string) int {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".json") {
			n++
		}
	}
	return n
}

// TestStatusCountsAdvisoriesFromCentralDirectory: Status counts each
// archive's advisories from its central directory alone, with the count
// archive/zip gives (deflated, stored, with a long comment, exactly
// 65,535 entries, the shared database); a damaged directory is an error in the status, not a
// wrong count.
func TestStatusCountsAdvisoriesFromCentralDirectory(t *testing.T) {
	dir := t.TempDir()
	put := func(eco string, files [][2]string, method uint16) string {
		t.Helper()
		p := filepath.Join(dir, "osv-scalibr", eco, "all.zip")
		writeZipMethod(t, p, files, method)
		return p
	}
	zips := map[string]string{
		"npm":       put("npm", indexFiles, zip.Deflate),
		"PyPI":      put("PyPI", indexFiles[:3], zip.Store),
		"crates.io": put("crates.io", nil, zip.Deflate),
	}
	// A comment longer than the first look at the file's end (1 KiB)
	// and one just short of the 20 bytes of a zip64 locator before it.
	for eco, n := range map[string]int{"RubyGems": 60000, "Hex": 1024 - 22 - 10} {
		p := put(eco, indexFiles[:2], zip.Deflate)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// The comment length is the last field of the end record.
		b = append(b[:len(b)-2], byte(n), byte(n>>8))
		if err := os.WriteFile(p, append(b, strings.Repeat("c", n)...), 0o644); err != nil {
			t.Fatal(err)
		}
		zips[eco] = p
	}
	if !testing.Short() {
		files := make([][2]string, 0, 65535)
		for i := range 65535 {
			files = append(files, [2]string{fmt.Sprintf("RUSTSEC-%d.json", i), "{}"})
		}
		zips["Go"] = put("Go", files, zip.Store) // no zip64 records needed
	}
	check := func(dir string, zips map[string]string) {
		t.Helper()
		st, err := osvdb.Status(dir, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if len(st) != len(zips) {
			t.Fatalf("%d ecosystems, want %d", len(st), len(zips))
		}
		for _, s := range st {
			if want := zipJSONCount(t, zips[s.Ecosystem]); s.Advisories != want || s.Error != "" {
				t.Errorf("%s: %d advisories (error %q), archive/zip counts %d", s.Ecosystem, s.Advisories, s.Error, want)
			}
		}
	}
	check(dir, zips)

	shared := filepath.Join("..", "..", "..", "..", "shared", "osv-db")
	if ents, err := os.ReadDir(filepath.Join(shared, "osv-scalibr")); err == nil {
		sz := map[string]string{}
		for _, e := range ents {
			if p := filepath.Join(shared, "osv-scalibr", e.Name(), "all.zip"); e.IsDir() {
				if _, err := os.Stat(p); err == nil {
					sz[e.Name()] = p
				}
			}
		}
		check(shared, sz)
	}

	// Cut the archive inside its central directory, keeping the end
	// record: the walk runs out of headers before the announced count.
	b, err := os.ReadFile(zips["npm"])
	if err != nil {
		t.Fatal(err)
	}
	cd := strings.Index(string(b), "PK\x01\x02")
	eocd := strings.LastIndex(string(b), "PK\x05\x06")
	damaged := append(append([]byte{}, b[:cd+60]...), b[eocd:]...)
	if err := os.WriteFile(zips["npm"], damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := osvdb.Status(dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range st {
		if s.Ecosystem == "npm" && (s.Error == "" || s.Advisories != 0) {
			t.Errorf("damaged central directory: %d advisories, error %q", s.Advisories, s.Error)
		}
	}
}
