package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/iac"
)

// Default deadline of the whole scan. Generous: a 1 GB tree scans in a few
// minutes; the point is that a stuck run ends with a message naming what
// was stuck instead of holding the CI job until the runner kills it.
const defaultScanTimeout = 30 * time.Minute

// addTimeoutFlags registers the deadlines. Every one of them is made with
// scanner.WithDeadline and reported the same way: exit 2, naming what did
// not finish and the flag that raises the limit. 0 means no limit.
func addTimeoutFlags(fl *pflag.FlagSet, f *scanFlags) {
	fl.DurationVar(&f.timeout, "timeout", defaultScanTimeout, "deadline of the whole scan, e.g. 10m; 0 = none")
	fl.DurationVar(&f.policyTimeout, "policy-timeout", policy.DefaultTimeout, "deadline of the gate's policy evaluation; 0 = none")
	fl.DurationVar(&f.iacEvalTimeout, "iac-eval-timeout", iac.DefaultEvalTimeout, "IaC scanner: deadline of the checks on one file; 0 = none")
	fl.DurationVar(&f.osvTimeout, "osv-timeout", deps.DefaultAPITimeout, "dependency scanner: deadline of all OSV API requests, retries included; 0 = none")
	fl.DurationVar(&f.osvRequestTimeout, "osv-request-timeout", deps.DefaultRequestTimeout, "dependency scanner: deadline of one OSV API request; 0 = none")
}

// noLimit maps the CLI's "0 = no limit" to the libraries' options, where
// 0 means the default and a negative value means none.
func noLimit(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}

func (o output) describe() string {
	if o.path == "" || o.path == "-" {
		return "the " + o.format + " report"
	}
	return o.path
}

// writeFileAtomic writes path through a temporary file in the same
// directory and renames it into place, so that a failed or interrupted
// write never leaves a truncated report (a half SARIF file that an upload
// step would take for the whole result).
//
// Only regular files are replaced that way: renaming over /dev/null, a
// named pipe or a terminal would replace the device itself (as root, for
// every process on the machine), so those are written in place, and a
// symbolic link is followed to the file it names.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return writeInPlace(path, write)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("report %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	werr := write(tmp)
	// CreateTemp makes the file 0600; a report is as readable as any
	// file the user creates.
	cherr := tmp.Chmod(0o644)
	cerr := tmp.Close()
	if err := errors.Join(werr, cherr, cerr); err != nil {
		return fmt.Errorf("report %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("report %s: %w", path, err)
	}
	return nil
}

// writeInPlace writes to an existing non-regular file (a device, a pipe).
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("report %s: %w", path, err)
	}
	werr := write(f)
	if err := errors.Join(werr, f.Close()); err != nil {
		return fmt.Errorf("report %s: %w", path, err)
	}
	return nil
}
