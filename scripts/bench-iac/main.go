// Command bench-iac runs tollgate's IaC scanner over a directory and prints
// what it found and how long it took. scripts/bench-iac.sh generates the
// benchmark tree and runs it under /usr/bin/time -v.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac"
)

func main() {
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench-iac:", err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "bench-iac:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bench-iac DIR")
		os.Exit(2)
	}
	if err := run(context.Background(), flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "bench-iac:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string) error {
	start := time.Now()
	s, err := iac.New(iac.Options{})
	if err != nil {
		return err
	}
	setup := time.Since(start)
	res, err := scanner.Run(ctx, dir, []scanner.Scanner{s})
	if err != nil {
		return err
	}
	byRule := map[string]int{}
	for _, f := range res.Findings {
		byRule[f.RuleID]++
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	out := map[string]any{
		"checks":        len(s.Checks()),
		"setup_seconds": setup.Seconds(),
		"scan_seconds":  res.Duration.Seconds(),
		"total_seconds": time.Since(start).Seconds(),
		"files":         res.Scanners[0].Files,
		"bytes":         res.Scanners[0].Bytes,
		"findings":      len(res.Findings),
		"errors":        len(res.Errors),
		"stats":         s.Stats(),
		"rules_hit":     len(rules),
	}
	for _, e := range res.Errors {
		fmt.Fprintln(os.Stderr, "scan error:", e.Error())
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
