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

	// A damaged header: the file is not used at all, and is rewritten.
	path := osvdb.RecordsPath(load("npm").index.Path)
	flip := func(at func(size int) int) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err == nil {
			b[at(len(b))] ^= 1
			err = os.WriteFile(path, b, 0o600)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	flip(func(int) int { return 12 })
	if idx := load("npm"); idx.fromRecords != 0 {
		t.Errorf("%d advisories read from a records file with a damaged header", idx.fromRecords)
	}
	all := load("npm").fromRecords
	if all == 0 {
		t.Fatal("the damaged records file was not rewritten")
	}
	// A damaged record: that advisory comes from the JSON.
	flip(func(size int) int { return size - 1 })
	if idx := load("npm"); idx.fromRecords != all-1 {
		t.Errorf("%d advisories from the records with one damaged, want %d", idx.fromRecords, all-1)
	}
	if got := load("npm").fromRecords; got != all {
		t.Errorf("after the rewrite %d advisories from the records, want %d", got, all)
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
