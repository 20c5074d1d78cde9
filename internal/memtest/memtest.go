package memtest

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// HeapPeak polls the heap's object bytes (live and not yet collected,
// what RSS follows) every millisecond until stop is called, and stop
// returns the largest value seen.
func HeapPeak() (stop func() uint64) {
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

// LargestAllocation runs f with every allocation profiled and returns the
// size of the largest single allocation f made (averaged per call site,
// which for a one-off allocation is its size). A test asserts with it
// that code never holds a copy of something large, whatever the garbage
// collector's timing.
func LargestAllocation(f func()) uint64 {
	prev := runtime.MemProfileRate
	runtime.MemProfileRate = 1
	defer func() { runtime.MemProfileRate = prev }()
	before := profileBySite()
	f()
	// The profile is published as of the last completed cycle.
	runtime.GC()
	runtime.GC()
	var largest uint64
	for site, r := range profileBySite() {
		b := before[site]
		objs, bytes := r.AllocObjects-b.AllocObjects, r.AllocBytes-b.AllocBytes
		if objs > 0 {
			largest = max(largest, uint64(bytes/objs))
		}
	}
	return largest
}

func profileBySite() map[[32]uintptr]runtime.MemProfileRecord {
	runtime.GC()
	var rs []runtime.MemProfileRecord
	for {
		n, ok := runtime.MemProfile(nil, true)
		rs = make([]runtime.MemProfileRecord, n+50)
		if n, ok = runtime.MemProfile(rs, true); ok {
			rs = rs[:n]
			break
		}
	}
	m := make(map[[32]uintptr]runtime.MemProfileRecord, len(rs))
	for _, r := range rs {
		m[r.Stack0] = r
	}
	return m
}
