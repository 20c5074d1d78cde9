// Command memprof runs what `tollgate scan` runs (the scanners, the
// policy gate, a JSON report) on a tree and says where the memory goes:
// the Go heap after each phase, and a heap profile taken when the heap
// peaks. scripts/bench.sh measures the peak RSS; this tells what it is.
//
//	memprof [-scanners deps,secrets,iac] [-osv-db DIR] [-heap FILE] [-phase-profiles DIR] TREE
//	go tool pprof -sample_index=inuse_space -top FILE
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/tollgate-dev/tollgate/internal/gcpace"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/iac"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

func main() {
	names := flag.String("scanners", "deps,secrets,iac", "scanners to run")
	db := flag.String("osv-db", "../shared/osv-db", "offline OSV database")
	heap := flag.String("heap", "heap.pprof", "heap profile written at the largest sampled heap")
	conc := flag.Int("concurrency", 0, "scanners run at once (0: the number of CPUs, as the CLI)")
	heavy := flag.String("heavy", strings.Join(scanner.DefaultHeavy(), ","), "scanners that never run together (scanner.WithHeavy)")
	phases := flag.String("phase-profiles", "", "also write DIR/PHASE.pprof after each phase, after a collection (live data only)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: memprof [-scanners LIST] [-osv-db DIR] [-heap FILE] TREE")
		flag.PrintDefaults()
	}
	if flag.Parse(); flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(context.Background(), flag.Arg(0), strings.Split(*names, ","), *db, *heap, *phases, runOptions(*conc, *heavy)); err != nil {
		fmt.Fprintln(os.Stderr, "memprof:", err)
		os.Exit(1)
	}
}

// sampler polls the heap and rewrites the profile whenever the in-use heap
// grows by a quarter over the last profile.
type sampler struct {
	path     string
	phaseDir string
	mu       sync.Mutex
	peak     uint64
	profiled uint64
	phase    string
	peakAt   string
	// phasePeak and phaseProfiled are the same for the current phase
	// (-phase-profiles writes DIR/peak-PHASE.pprof).
	phasePeak, phaseProfiled uint64
	// cpu is the process's CPU time when the current phase began.
	cpu time.Duration
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (s *sampler) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.HeapInuse > s.peak {
		s.peak, s.peakAt = m.HeapInuse, s.phase
	}
	if m.HeapInuse > s.profiled+s.profiled/4 {
		s.profiled = m.HeapInuse
		writeProfile(s.path)
	}
	s.phasePeak = max(s.phasePeak, m.HeapInuse)
	if s.phaseDir != "" && s.phase != "" && m.HeapInuse > s.phaseProfiled+s.phaseProfiled/8 {
		s.phaseProfiled = m.HeapInuse
		writeProfile(filepath.Join(s.phaseDir, "peak-"+s.phase+".pprof"))
	}
}

func writeProfile(path string) {
	if f, err := os.Create(path); err == nil {
		_ = pprof.WriteHeapProfile(f)
		f.Close()
	}
}

// enter ends the current phase: it prints the heap, and with -phase-profiles
// writes a profile of what is still live once the phase is over.
func (s *sampler) enter(phase string) {
	s.sample()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.mu.Lock()
	prev, prevPeak, prevCPU := s.phase, s.phasePeak, s.cpu
	now := cpuTime()
	s.phase, s.phasePeak, s.phaseProfiled, s.cpu = phase, 0, 0, now
	s.mu.Unlock()
	live := ""
	if prev != "" {
		live = fmt.Sprintf(", %s took %.1f CPU-s", prev, (now - prevCPU).Seconds())
	}
	if s.phaseDir != "" && prev != "" {
		runtime.GC()
		var l runtime.MemStats
		runtime.ReadMemStats(&l)
		live += fmt.Sprintf(", largest sampled %5d MiB, live after %5d MiB", prevPeak>>20, l.HeapAlloc>>20)
		writeProfile(filepath.Join(s.phaseDir, prev+".pprof"))
	}
	fmt.Fprintf(os.Stderr, "%-8s heap in use %5d MiB, sys %5d MiB%s\n", phase, m.HeapInuse>>20, m.Sys>>20, live)
}

// runOptions are the scan's scheduling options from the flags.
func runOptions(conc int, heavy string) []scanner.Option {
	var opts []scanner.Option
	if conc > 0 {
		opts = append(opts, scanner.WithConcurrency(conc))
	}
	var hs []string
	if heavy != "" {
		hs = strings.Split(heavy, ",")
	}
	return append(opts, scanner.WithHeavy(hs...))
}

func run(ctx context.Context, root string, names []string, db, heap, phaseDir string, opts []scanner.Option) error {
	runtime.MemProfileRate = 64 << 10
	s := &sampler{path: heap, phaseDir: phaseDir}
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				s.sample()
			}
		}
	}()
	defer close(stop)

	s.enter("setup")
	var ss []scanner.Scanner
	for _, n := range names {
		var sc scanner.Scanner
		var err error
		switch n {
		case deps.Name:
			sc, err = deps.New(deps.Options{Offline: true, DBDir: db})
		case secrets.Name:
			sc, err = secrets.New(secrets.Options{})
		case iac.Name:
			sc, err = iac.New(iac.Options{})
		default:
			err = fmt.Errorf("unknown scanner %q", n)
		}
		if err != nil {
			return err
		}
		ss = append(ss, sc)
	}
	s.enter("scan")
	res, err := scanner.Run(ctx, root, ss, opts...)
	if err != nil {
		return err
	}
	s.enter("gate")
	gate, err := policy.New(ctx)
	if err != nil {
		return err
	}
	// paced as the CLI paces it
	restore := gcpace.Tight(gcpace.GatePercent)
	d, err := gate.DecideResult(ctx, res, policy.InputOptions{Config: policy.DefaultConfig(), ToolVersion: "memprof", Now: time.Now()})
	restore()
	if err != nil {
		return err
	}
	s.enter("report")
	w, err := report.New("json", report.Options{})
	if err != nil {
		return err
	}
	if err := w.Write(io.Discard, &report.Report{ToolName: "tollgate", Result: res, Scanners: names, Decision: d}); err != nil {
		return err
	}
	s.enter("done")
	fmt.Fprintf(os.Stderr, "findings %d, errors %d; largest sampled heap %d MiB during %s; profile in %s\n",
		len(res.Findings), len(res.Errors), s.peak>>20, s.peakAt, heap)
	return nil
}
