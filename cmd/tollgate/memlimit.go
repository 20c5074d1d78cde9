package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is the soft memory limit the CLI sets when the user
// has not set GOMEMLIMIT. It is a backstop, not the defence: every parser
// and evaluator works under its own budgets (docs/hardening.md), which keep
// a scan far below it; near the limit the garbage collector works harder
// instead of letting the heap grow to the runner's limit.
const defaultMemoryLimit = 2 << 30

// setDefaultMemoryLimit applies defaultMemoryLimit unless GOMEMLIMIT is set.
func setDefaultMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
