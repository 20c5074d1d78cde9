// Command secretscan runs only the secrets scanner over a tree and prints
// the findings as JSON lines (redacted, as in every report) and the stats
// to stderr. It is the driver of scripts/bench-secrets.sh until the CLI
// exists; it takes the same inputs the CLI will wire up.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

func main() {
	os.Exit(run())
}

func run() int {
	var (
		rules   = flag.String("rules", "", "extra rule file (YAML or gitleaks TOML)")
		since   = flag.String("git-since", "", "scan lines added in REF..HEAD instead of the tree")
		quiet   = flag.Bool("q", false, "print only the stats")
		noSkips = flag.Bool("no-default-excludes", false, "also scan node_modules, vendor, ...")
		cpuprof = flag.String("cpuprofile", "", "write a CPU profile")
	)
	flag.Parse()
	root := flag.Arg(0)
	if root == "" {
		root = "."
	}
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		defer f.Close()
		_ = pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts := secrets.Options{GitSince: *since}
	if *rules != "" {
		opts.ExtraRuleFiles = []string{*rules}
	}
	s, err := secrets.New(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var ro []scanner.Option
	if *noSkips {
		ro = append(ro, scanner.WithDefaultExcludes())
	}
	res, err := scanner.Run(ctx, root, []scanner.Scanner{s}, ro...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	enc := json.NewEncoder(os.Stdout)
	if !*quiet {
		for _, f := range res.Findings {
			_ = enc.Encode(f)
		}
	}
	st, _ := json.Marshal(map[string]any{"walk": res.Walk, "scanners": res.Scanners, "duration_ms": res.Duration.Milliseconds(), "findings": len(res.Findings)})
	fmt.Fprintln(os.Stderr, string(st))
	for _, e := range res.Errors {
		fmt.Fprintln(os.Stderr, "error:", e.Error())
	}
	if len(res.Errors) > 0 {
		return 2
	}
	return 0
}
