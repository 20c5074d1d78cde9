// Package gcpace paces the garbage collector around the phases of a scan
// whose live data jumps: the policy gate builds its input from every
// finding, so for the length of one decision the live heap is the
// findings twice over (once as Go values, once as the policy's terms).
// With GOGC=100 the heap may grow to twice that before a collection, and
// that doubled peak was the whole scan's peak RSS (docs/performance.md,
// "Where the memory goes").
//
// The gate is short (a few CPU-seconds on 130,000 findings), so a lower
// GOGC for its length costs little CPU: the heap stays within a quarter
// of the live data instead of doubling it. Nothing is paced when the user
// set GOGC or GOGC is off: that choice is theirs.
//
// GOGC is process-wide, and so is this package's one piece of state: the
// ceiling in force, which a GC tuner that sets GOGC after each collection
// (the CLI's, cmd/tollgate/gctune.go) applies through [Ceil] so that it
// does not undo the pacing mid-phase.
package gcpace
