package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/tollgate-dev/tollgate/scanner"
)

// Exit codes of the CLI contract.
const (
	exitPass  = 0
	exitFail  = 1
	exitError = 2
)

// exitError carries an exit code with an error; any other error exits 2.
type codedError struct {
	code int
	err  error
}

func (e *codedError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}
func (e *codedError) Unwrap() error { return e.err }
func (e *codedError) ExitCode() int { return e.code }

// app holds what commands share; tests build one with their own registry
// and clock.
type app struct {
	stdout, stderr io.Writer
	// registry builds the scanners for a scan from its settings.
	registry func(scanSettings) scanner.Registry
	now      func() time.Time
	// isTTY reports whether stdout is a terminal (for colour).
	isTTY bool
	// stderrTTY reports whether stderr is a terminal (for the progress line).
	stderrTTY bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr, registry: defaultRegistry, now: time.Now, isTTY: isTerminal(stdout), stderrTTY: isTerminal(stderr)}
	return a.run(ctx, args)
}

func (a *app) run(ctx context.Context, args []string) (code int) {
	// Last line of defence: a bug must not show the user a Go stack trace.
	// Scanners recover their own panics; this catches the rest.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(a.stderr, "tollgate: internal error: %v (please report it)\n", r)
			code = exitError
		}
	}()
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitPass
	}
	var ce *codedError
	if errors.As(err, &ce) {
		if ce.err != nil {
			fmt.Fprintf(a.stderr, "tollgate: %v\n", ce.err)
		}
		return ce.code
	}
	fmt.Fprintf(a.stderr, "tollgate: %v\n", err)
	return exitError
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "tollgate",
		Short: "Security gate for CI: dependencies, secrets and IaC, decided by OPA policy",
		Long: `tollgate scans a source tree for vulnerable dependencies, hard-coded secrets
and infrastructure-as-code misconfigurations, lets an OPA (Rego) policy decide
pass or fail, and writes SARIF, JSON, table, Markdown and JUnit reports.

Exit codes: 0 gate passed, 1 gate failed, 2 usage or runtime error.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &codedError{code: exitError, err: fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(a.scanCmd(), a.mergeCmd(), a.configCmd(), a.versionCmd(), a.rulesCmd(), a.policyCmd(), newDBCmd(a.stdout, a.stderr))
	return root
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == ""
}
