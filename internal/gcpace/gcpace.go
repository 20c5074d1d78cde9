package gcpace

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

// GatePercent is the GOGC in force while the gate decides.
const GatePercent = 25

// ceiling is the GOGC ceiling of the current phase, 0 for none.
var ceiling atomic.Int64

// Ceil is p, or the current phase's ceiling when that is lower.
func Ceil(p int64) int64 {
	if c := ceiling.Load(); c > 0 && c < p {
		return c
	}
	return p
}

// Tight lowers GOGC to percent until the returned function is called; that
// function restores the previous value and collects once, so that the
// next phase starts from the live data alone instead of inheriting the
// heap goal of this one. Call it from the one goroutine that runs the
// scan's phases, not around work that runs beside something else's.
func Tight(percent int) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(percent)
	if prev < 0 {
		debug.SetGCPercent(prev)
		return func() {}
	}
	ceiling.Store(int64(percent))
	return func() {
		ceiling.Store(0)
		debug.SetGCPercent(prev)
		runtime.GC()
	}
}
