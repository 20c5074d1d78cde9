package deps

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/purl"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// BenchmarkUpgradeForStdlib computes the one upgrade for Go's standard
// library 1.13 (an old go directive), the package with the most
// advisories in the shared DB: the hot path of small scans. cpu-ns/op is
// the process CPU time per call, steadier than wall time on a busy
// machine.
func BenchmarkUpgradeForStdlib(b *testing.B) {
	db := newLocalDB(SharedDB(b), b.TempDir())
	idx, err := db.get(context.Background(), "Go", map[string]bool{"stdlib": true})
	if err != nil {
		b.Fatal(err)
	}
	pkg := &extractor.Package{Name: "stdlib", Version: "1.13", PURLType: purl.TypeGolang}
	d := dep{pkg: pkg, ecosystem: "Go", name: "stdlib", version: "1.13"}
	vs := affecting(idx.candidates(d), pkg)
	if len(vs) < 50 {
		b.Fatalf("%d stdlib advisories affect 1.13, want many", len(vs))
	}
	want := upgradeFor(d, vs, newVersionOrder("Go"))
	b.ReportMetric(float64(len(vs)), "advisories")
	start := cpuTime()
	for b.Loop() {
		if got := upgradeFor(d, vs, newVersionOrder("Go")); got != want {
			b.Fatalf("upgrade %q, want %q", got, want)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoadEcosystem loads every advisory of the shared DB's PyPI
// archive through its (stored) index: "json" with no records, so the
// zip's JSON entries are decoded (and records written, as on the first
// scan after an update), "records" from the records an earlier load
// stored.
func BenchmarkLoadEcosystem(b *testing.B) {
	dir := SharedDB(b)
	for _, fromRecords := range []bool{false, true} {
		name := map[bool]string{false: "json", true: "records"}[fromRecords]
		b.Run(name, func(b *testing.B) {
			cache := b.TempDir()
			load := func() *ecoIndex {
				idx, err := newLocalDB(dir, cache).get(context.Background(), "PyPI", nil)
				if err != nil {
					b.Fatal(err)
				}
				if !fromRecords {
					os.Remove(osvdb.RecordsPath(idx.index.Path))
				}
				return idx
			}
			load() // stores the index (and records)
			start := cpuTime()
			for b.Loop() {
				if idx := load(); (idx.fromRecords > 0) != fromRecords {
					b.Fatalf("%d advisories from records", idx.fromRecords)
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}
