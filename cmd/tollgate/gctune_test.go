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
		{gcHeadroom, 100},             // from here on: the default
		{gcHeadroom * 4, 100},         // never below it
		{gcHeadroom * 100 / 101, 100},
	} {
		if got := gcPercent(tc.live); got != tc.want {
			t.Errorf("gcPercent(%d MB) = %d, want %d", tc.live>>20, got, tc.want)
		}
	}
}

// TestGCPercentBoundsPeak: the heap a collection lets grow is at most
// max(2 x live, live + gcHeadroom), so a large live heap keeps GOGC=100's
// peak and a small one grows by the headroom at most.
func TestGCPercentBoundsPeak(t *testing.T) {
	for live := uint64(1 << 20); live < 1<<30; live += 3 << 20 {
		goal := live + live*uint64(gcPercent(live))/100
		if limit := max(2*live, live+gcHeadroom); goal > limit {
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
