// Command bench-deps generates a large lockfile set and scans it offline
// with the deps scanner; scripts/bench-deps.sh drives it.
//
//	bench-deps gen DIR        write DIR/package-lock.json (5,000 npm) and
//	                          DIR/requirements.txt (5,000 PyPI)
//	bench-deps scan DIR DB    scan DIR offline against DB, print a summary
//	bench-deps time CMD ARG…  run CMD and print "wall user sys maxrss-KiB" on
//	                          stderr as /usr/bin/time -f '%e %U %S %M' does,
//	                          but to the millisecond (GNU time truncates to
//	                          10 ms, a tenth of a small scan)
package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

const perEcosystem = 5000

func main() {
	if err := run(os.Args[1:]); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			os.Exit(exit.ExitCode()) // the timed command's own status
		}
		fmt.Fprintln(os.Stderr, "bench-deps:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	switch {
	case len(args) == 3 && args[0] == "gen":
		return gen(args[1], args[2])
	case len(args) == 3 && args[0] == "scan":
		return scan(args[1], args[2])
	case len(args) >= 2 && args[0] == "time":
		return timeCommand(args[1:])
	}
	return fmt.Errorf("usage: bench-deps gen DIR DB | scan DIR DB | time CMD [ARG...]")
}

// realNames returns package names with advisories in the DB, so that the
// generated set produces findings, not only misses.
func realNames(db, eco string, n int) ([]string, error) {
	zr, err := zip.OpenReader(filepath.Join(db, "osv-scalibr", eco, "all.zip"))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	seen := map[string]bool{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		var v struct {
			Affected []struct {
				Package struct{ Name string } `json:"package"`
			} `json:"affected"`
		}
		if json.Unmarshal(b, &v) == nil {
			for _, a := range v.Affected {
				seen[a.Package.Name] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for k := range seen {
		names = append(names, k)
	}
	sort.Strings(names)
	if len(names) > n {
		names = names[:n]
	}
	return names, nil
}

func gen(dir, db string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	npmReal, err := realNames(db, "npm", 400)
	if err != nil {
		return err
	}
	pyReal, err := realNames(db, "PyPI", 2000)
	if err != nil {
		return err
	}
	pkgs := map[string]any{"": map[string]any{"name": "bench", "version": "1.0.0"}}
	for i := range perEcosystem {
		name := fmt.Sprintf("bench-npm-%d", i)
		if i < len(npmReal) {
			name = npmReal[i]
		}
		pkgs["node_modules/"+name] = map[string]any{
			"version":   fmt.Sprintf("%d.%d.%d", i%3, i%10, i%7),
			"resolved":  "https://example.invalid/" + name + ".tgz",
			"integrity": "sha512-fake",
		}
	}
	lock := map[string]any{"name": "bench", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": pkgs}
	b, err := json.MarshalIndent(lock, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "package-lock.json"), b, 0o644); err != nil {
		return err
	}
	var req strings.Builder
	for i := range perEcosystem {
		name := fmt.Sprintf("bench-py-%d", i)
		if i < len(pyReal) {
			name = pyReal[i]
		}
		fmt.Fprintf(&req, "%s==%d.%d.%d\n", name, i%4, i%10, i%5)
	}
	return os.WriteFile(filepath.Join(dir, "requirements.txt"), []byte(req.String()), 0o644)
}

func scan(dir, db string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	s, err := deps.New(deps.Options{Offline: true, DBDir: db})
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := scanner.Run(context.Background(), abs, []scanner.Scanner{s})
	if err != nil {
		return err
	}
	for _, e := range res.Errors {
		return fmt.Errorf("scan error: %w", e.Err)
	}
	st := s.Stats()
	pairs := map[string]bool{}
	for _, f := range res.Findings {
		pairs[f.RuleID+" "+f.Package.Name+"@"+f.Package.Version] = true
	}
	fmt.Printf("packages=%v lockfiles=%v findings=%d wall=%s\n", st["packages"], st["lockfiles"], len(res.Findings), time.Since(start).Round(time.Millisecond))
	return nil
}

// timeCommand runs the command with the standard streams passed through
// and prints its wall time, user and system CPU time (seconds, three
// decimals) and peak RSS (KiB) on stderr, as the last line.
func timeCommand(args []string) error {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return err
	}
	ps := cmd.ProcessState
	fmt.Fprintf(os.Stderr, "%.3f %.3f %.3f %d\n", wall.Seconds(), ps.UserTime().Seconds(), ps.SystemTime().Seconds(), maxRSSKiB(ps))
	return err
}
