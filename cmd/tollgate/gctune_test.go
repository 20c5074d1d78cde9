package main

import (
	"runtime/debug"
	"testing"
)

func TestGCPercent(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int64
	}{
		{0, gcMaxPercent},
		{1 << 20, gcMaxPercent},       // tiny heap: the cap
		{gcHeadroom / 3, 300},         // a few small files' scan
		{gcHeadroom / 3 * 1, 300},     // same, steps of 25
		{gcHeadroom * 100 / 290, 275}, // rounded down to a step
		{gcHeadroom, 100},             // the headroom is the live heap
		{gcHeadroom * 100 / 101, 100},
		{gcHeadroom * 100 / 60, 50},    // 80 MB is 60%: rounded down
		{gcHeadroom * 2, 50},           // from here on: half the live heap
		{gcHeadroom * 4, gcMinPercent}, // never below it
	} {
		if got := gcPercent(tc.live); got != tc.want {
			t.Errorf("gcPercent(%d MB) = %d, want %d", tc.live>>20, got, tc.want)
		}
	}
}

// TestGCPercentBoundsPeak: the heap a collection lets grow is at most
// max(1.5 x live, live + gcHeadroom): a large live heap grows by half of
// itself (GOGC=100 doubled it), a small one by the headroom at most.
func TestGCPercentBoundsPeak(t *testing.T) {
	for live := uint64(1 << 20); live < 1<<30; live += 3 << 20 {
		goal := live + live*uint64(gcPercent(live))/100
		if limit := max(live+live/2, live+gcHeadroom); goal > limit {
			t.Fatalf("live %d MB: goal %d MB over %d MB", live>>20, goal>>20, limit>>20)
		}
	}
}

// TestTuneGCHonoursGOGC: with GOGC in the environment the CLI leaves the
// collector as the user set it.
func TestTuneGCHonoursGOGC(t *testing.T) {
	t.Setenv("GOGC", "123")
	old := debug.SetGCPercent(123)
	defer debug.SetGCPercent(old)
	tuneGC()
	if got := debug.SetGCPercent(123); got != 123 {
		t.Errorf("GOGC=123 in the environment, tuneGC set %d", got)
	}
}
