package policy

import (
	"context"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/memtest"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// BenchmarkGateAndJSONReport100k is the gate and the JSON report over
// 100,000 realistic findings, as `tollgate scan` runs them after the scan.
// peak-heap-B/finding is how far the heap rises above the findings
// themselves while deciding and writing, per finding (garbage included,
// so it depends on GOGC like RSS does).
func BenchmarkGateAndJSONReport100k(b *testing.B) {
	const n = 100_000
	ctx := context.Background()
	g, err := New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	w, err := report.New("json", report.Options{})
	if err != nil {
		b.Fatal(err)
	}
	res := &scanner.Result{Root: "/src", Findings: realisticFindings(n)}
	var worst uint64
	b.ReportAllocs()
	for b.Loop() {
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		stop := memtest.HeapPeak()
		d, err := g.DecideResult(ctx, res, InputOptions{Config: DefaultConfig(), Now: time.Now()})
		if err != nil {
			b.Fatal(err)
		}
		if err := w.Write(io.Discard, &report.Report{ToolName: "tollgate", Result: res, Decision: d}); err != nil {
			b.Fatal(err)
		}
		if peak := stop(); peak > base.HeapAlloc {
			worst = max(worst, peak-base.HeapAlloc)
		}
	}
	b.ReportMetric(float64(worst)/n, "peak-heap-B/finding")
}
