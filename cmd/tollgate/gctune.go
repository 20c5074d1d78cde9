package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"

	"github.com/tollgate-dev/tollgate/internal/gcpace"
)

// The garbage collector's default (GOGC=100) lets the heap grow by the
// live heap between collections. A scan of many small IaC files keeps a
// small live heap (the compiled checks, 30-40 MB) and allocates a lot
// (every evaluation builds OPA values), so it collects every few
// milliseconds: a fifth of its CPU time. The CLI therefore lets the heap
// grow by gcHeadroom: after each collection it sets GOGC to
// gcHeadroom/live (between gcMinPercent and gcMaxPercent). A small live
// heap gets the headroom, a large one (past twice the headroom: the end
// of a big scan, 130,000 findings and the lockfiles' packages) grows by
// half of itself, so the peak heap is at most max(1.5 x live, live +
// gcHeadroom). GOGC=100 let that large heap double: on the 1.1 GB
// benchmark tree the floor of 50 took the peak RSS from 366-370 to
// 318-356 MiB for 0-3% more CPU (docs/performance.md). GOGC set in the
// environment turns this off, and the soft memory limit (see memlimit.go)
// stays the backstop.
const (
	gcHeadroom   = 80 << 20
	gcMinPercent = 50
	gcMaxPercent = 400
)

// tuneGC starts the tuning unless the user set GOGC.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	t := &gcTuner{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.set(gcMaxPercent)
	t.arm()
}

type gcTuner struct {
	sample  []metrics.Sample
	percent atomic.Int64
}

// gcSentinel is garbage as soon as it is armed: its finalizer runs after
// the next collection (large enough to stay out of the tiny allocator,
// whose objects may never be finalized).
type gcSentinel struct{ _ [32]byte }

func (t *gcTuner) arm() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		t.adjust()
		t.arm()
	})
}

// adjust sets GOGC from the live heap the last collection left.
func (t *gcTuner) adjust() {
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	// within the ceiling of a paced phase (internal/gcpace: the gate)
	t.set(gcpace.Ceil(gcPercent(t.sample[0].Value.Uint64())))
}

func (t *gcTuner) set(p int64) {
	if t.percent.Swap(p) != p {
		debug.SetGCPercent(int(p))
	}
}

// gcPercent is the GOGC that lets a heap of live bytes grow by gcHeadroom,
// within [gcMinPercent, gcMaxPercent], in steps of 25 so that small changes of the
// live heap do not reset it after every collection.
func gcPercent(live uint64) int64 {
	if live == 0 {
		return gcMaxPercent
	}
	p := int64(gcHeadroom*100/live) / 25 * 25
	return min(max(p, gcMinPercent), gcMaxPercent)
}
