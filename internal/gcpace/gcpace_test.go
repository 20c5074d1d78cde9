package gcpace

import (
	"runtime/debug"
	"testing"
)

func TestTightLowersAndRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	old := debug.SetGCPercent(150)
	defer debug.SetGCPercent(old)
	restore := Tight(GatePercent)
	if got := debug.SetGCPercent(GatePercent); got != GatePercent {
		t.Errorf("GOGC during the phase %d, want %d", got, GatePercent)
	}
	if got := Ceil(400); got != GatePercent {
		t.Errorf("Ceil(400) during the phase = %d, want %d", got, GatePercent)
	}
	if got := Ceil(10); got != 10 {
		t.Errorf("Ceil(10) = %d, want 10: a lower setting stays", got)
	}
	restore()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GOGC after the phase %d, want 150", got)
	}
	if got := Ceil(400); got != 400 {
		t.Errorf("Ceil(400) after the phase = %d, want 400", got)
	}
}

func TestTightHonoursGOGC(t *testing.T) {
	t.Setenv("GOGC", "123")
	old := debug.SetGCPercent(123)
	defer debug.SetGCPercent(old)
	Tight(GatePercent)()
	if got := debug.SetGCPercent(123); got != 123 {
		t.Errorf("GOGC=123 in the environment, Tight left %d", got)
	}
}

func TestTightLeavesGCOff(t *testing.T) {
	t.Setenv("GOGC", "")
	old := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(old)
	restore := Tight(GatePercent)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC was off, Tight set %d", got)
	}
	restore()
}
