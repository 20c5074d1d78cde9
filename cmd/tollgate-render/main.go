// Command tollgate-render renders Helm charts and builds Kustomize
// overlays for tollgate, which starts it (one process per scan) and talks
// to it over stdin and stdout: newline-delimited JSON requests and
// responses, one at a time (package scanner/iac/render). It is a separate
// program so that tollgate does not link Helm, Kustomize and the
// Kubernetes client and API types, which cost every run about 56 MB of
// memory whether the tree has charts or not.
//
// It is not meant to be run by hand; install it next to tollgate:
//
//	go install github.com/tollgate-dev/tollgate/cmd/tollgate-render@latest
//
// tollgate looks for it with --renderer, then TOLLGATE_RENDER, then next
// to its own executable, then on PATH.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/tollgate-dev/tollgate/scanner/iac/render/inproc"
)

// version is set at build time like tollgate's (-X main.version=...).
var version = "dev"

func main() {
	os.Exit(run())
}

func run() int {
	if len(os.Args) > 1 && (os.Args[1] == "version" || os.Args[1] == "--version") {
		fmt.Println(buildVersion())
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := inproc.Serve(ctx, os.Stdin, os.Stdout, buildVersion()); err != nil {
		fmt.Fprintln(os.Stderr, "tollgate-render:", err)
		return 2
	}
	return 0
}

func buildVersion() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return version
}
