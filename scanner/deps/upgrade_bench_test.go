package deps

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/purl"
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
