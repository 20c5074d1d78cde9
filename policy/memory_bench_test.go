package policy

import (
	"context"
	"io"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// heapPeak polls the heap's object bytes (live and not yet collected, what
// RSS follows) until stop is called, and returns the largest value seen.
func heapPeak() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		return peak.Load()
	}
}

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
		stop := heapPeak()
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
