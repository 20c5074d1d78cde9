// Command tollgate scans a source tree for vulnerable dependencies,
// hard-coded secrets and IaC misconfigurations, gates the findings with an
// OPA policy and writes reports. Exit codes: 0 gate passed, 1 gate failed,
// 2 usage or runtime error.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	scalibrlog "github.com/google/osv-scalibr/log"
)

func main() {
	setDefaultMemoryLimit()
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, restore the default: a second Ctrl-C kills
	// at once if the orderly stop takes too long.
	go func() { <-ctx.Done(); stop() }()
	// osv-scalibr logs through a process-wide logger that writes to
	// stderr ("Starting filesystem walk ..." on image scans); the program,
	// not the library, decides: silence it. Errors reach the user as
	// scanner errors.
	scalibrlog.SetLogger(silentLogger{})
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// silentLogger discards osv-scalibr's log lines.
type silentLogger struct{}

func (silentLogger) Errorf(string, ...any) {}
func (silentLogger) Error(...any)          {}
func (silentLogger) Warnf(string, ...any)  {}
func (silentLogger) Warn(...any)           {}
func (silentLogger) Infof(string, ...any)  {}
func (silentLogger) Info(...any)           {}
func (silentLogger) Debugf(string, ...any) {}
func (silentLogger) Debug(...any)          {}
