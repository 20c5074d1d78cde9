package deps

import (
	"context"
	"os"
	"testing"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
	"google.golang.org/protobuf/proto"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// TestLoadThroughRecords: the first load of an ecosystem decodes the JSON
// and stores records beside the cached index; the next reads every
// advisory from them, and each advisory is the same message either way
// (every advisory of the shared database's ecosystems). A corrupt records
// file is not used, and is rewritten.
func TestLoadThroughRecords(t *testing.T) {
	dir := SharedDB(t)
	cache := t.TempDir()
	load := func(eco string) *ecoIndex {
		t.Helper()
		idx, err := newLocalDB(dir, cache).get(context.Background(), eco, nil)
		if err != nil {
			t.Fatalf("%s: %v", eco, err)
		}
		if idx.recordsErr != nil {
			t.Fatalf("%s: %v", eco, idx.recordsErr)
		}
		return idx
	}
	same := func(eco string, a, b *ecoIndex) {
		t.Helper()
		if len(a.byName) != len(b.byName) {
			t.Fatalf("%s: %d names, then %d", eco, len(a.byName), len(b.byName))
		}
		for k, vs := range a.byName {
			ws := b.byName[k]
			if len(vs) != len(ws) {
				t.Fatalf("%s %s: %d advisories, then %d", eco, k, len(vs), len(ws))
			}
			for i := range vs {
				if !proto.Equal(vs[i], ws[i]) {
					t.Fatalf("%s %s: %s differs when read from the records", eco, k, vs[i].GetId())
				}
			}
		}
	}
	for _, eco := range []string{"npm", "PyPI", "Go", "crates.io", "RubyGems", "Packagist", "Maven", "NuGet", "Hex"} {
		first := load(eco)
		if first.fromRecords != 0 {
			t.Fatalf("%s: %d advisories from records on the first load", eco, first.fromRecords)
		}
		second := load(eco)
		if n := countAdvisories(second.byName); second.fromRecords < n {
			t.Errorf("%s: %d of %d advisories from the records", eco, second.fromRecords, n)
		}
		same(eco, first, second)
	}

	path := osvdb.RecordsPath(load("npm").index.Path)
	b, err := os.ReadFile(path)
	if err == nil {
		b[len(b)/2] ^= 1 // one bit flipped in the middle
		err = os.WriteFile(path, b, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
	if idx := load("npm"); idx.fromRecords != 0 {
		t.Errorf("%d advisories read from a corrupt records file", idx.fromRecords)
	}
	if idx := load("npm"); idx.fromRecords == 0 {
		t.Error("the corrupt records file was not rewritten")
	}
}

func countAdvisories(byName map[string][]*osvschema.Vulnerability) int {
	seen := map[*osvschema.Vulnerability]bool{}
	for _, vs := range byName {
		for _, v := range vs {
			seen[v] = true
		}
	}
	return len(seen)
}
