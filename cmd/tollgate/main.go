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
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, restore the default: a second Ctrl-C kills
	// at once if the orderly stop takes too long.
	go func() { <-ctx.Done(); stop() }()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
