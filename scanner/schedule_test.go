package scanner_test

import (
	"context"
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// overlapScanner records which scanners were running at the same time.
type overlapScanner struct {
	name    string
	running *sync.Map // name -> struct{}
	mu      *sync.Mutex
	beside  map[string]map[string]bool // name -> names seen running beside it
	delay   time.Duration
	heavyAt *atomic.Int32
	heavyMx *atomic.Int32
	heavy   bool
}

func (s *overlapScanner) Name() string                   { return s.name }
func (s *overlapScanner) Match(string, fs.DirEntry) bool { return true }
func (s *overlapScanner) Scan(ctx context.Context, _ scanner.Target) ([]scanner.Finding, error) {
	s.running.Store(s.name, struct{}{})
	if s.heavy {
		n := s.heavyAt.Add(1)
		for {
			m := s.heavyMx.Load()
			if n <= m || s.heavyMx.CompareAndSwap(m, n) {
				break
			}
		}
		defer s.heavyAt.Add(-1)
	}
	defer s.running.Delete(s.name)
	end := time.Now().Add(s.delay)
	for time.Now().Before(end) {
		s.running.Range(func(k, _ any) bool {
			if k.(string) != s.name {
				s.mu.Lock()
				s.beside[s.name][k.(string)] = true
				s.mu.Unlock()
			}
			return true
		})
		time.Sleep(time.Millisecond)
	}
	return nil, nil
}

func TestRunHeavyScannersOneAtATime(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "x"})
	var running sync.Map
	var mu sync.Mutex
	var at, most atomic.Int32
	beside := map[string]map[string]bool{}
	mk := func(name string, heavy bool, d time.Duration) scanner.Scanner {
		beside[name] = map[string]bool{}
		return &overlapScanner{name: name, running: &running, mu: &mu, beside: beside, delay: d, heavyAt: &at, heavyMx: &most, heavy: heavy}
	}
	// the heavy ones first, so that without the schedule they would
	// start together; the light one lasts through both
	ss := []scanner.Scanner{mk(scanner.KindIaC, true, 60*time.Millisecond), mk(scanner.KindDeps, true, 60*time.Millisecond), mk(scanner.KindSecrets, false, 150*time.Millisecond)}
	if _, err := scanner.Run(context.Background(), root, ss, scanner.WithConcurrency(3)); err != nil {
		t.Fatal(err)
	}
	if most.Load() != 1 {
		t.Errorf("%d heavy scanners ran at once, want 1", most.Load())
	}
	if beside[scanner.KindIaC][scanner.KindDeps] || beside[scanner.KindDeps][scanner.KindIaC] {
		t.Error("deps and iac ran at the same time")
	}
	if !beside[scanner.KindSecrets][scanner.KindIaC] || !beside[scanner.KindSecrets][scanner.KindDeps] {
		t.Errorf("the light scanner did not run beside both heavy ones: %v", beside[scanner.KindSecrets])
	}

	// WithHeavy() with no names lets them run together again
	at.Store(0)
	most.Store(0)
	if _, err := scanner.Run(context.Background(), root, ss, scanner.WithConcurrency(3), scanner.WithHeavy()); err != nil {
		t.Fatal(err)
	}
	if most.Load() != 2 {
		t.Errorf("without heavy scanners %d ran at once, want 2", most.Load())
	}
}

// A heavy scanner waiting for another must not hold the only slot a light
// one could use: with a concurrency of 2, secrets runs beside deps while
// iac waits.
func TestRunWaitingHeavyScannerHoldsNoSlot(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "x"})
	var running sync.Map
	var mu sync.Mutex
	var at, most atomic.Int32
	beside := map[string]map[string]bool{}
	mk := func(name string, heavy bool) scanner.Scanner {
		beside[name] = map[string]bool{}
		return &overlapScanner{name: name, running: &running, mu: &mu, beside: beside, delay: 50 * time.Millisecond, heavyAt: &at, heavyMx: &most, heavy: heavy}
	}
	ss := []scanner.Scanner{mk(scanner.KindDeps, true), mk(scanner.KindIaC, true), mk(scanner.KindSecrets, false)}
	if _, err := scanner.Run(context.Background(), root, ss, scanner.WithConcurrency(2)); err != nil {
		t.Fatal(err)
	}
	if !beside[scanner.KindSecrets][scanner.KindDeps] && !beside[scanner.KindSecrets][scanner.KindIaC] {
		t.Errorf("secrets ran beside no heavy scanner: %v", beside[scanner.KindSecrets])
	}
	if most.Load() != 1 {
		t.Errorf("%d heavy scanners ran at once, want 1", most.Load())
	}
}

func TestRunCancelledWhileWaitingForHeavyScanner(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "BAD\n"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{})
	slow := &blockingScanner{name: scanner.KindIaC, started: started}
	waiting := &lineScanner{name: scanner.KindDeps}
	go func() { <-started; cancel() }()
	_, err := scanner.Run(ctx, root, []scanner.Scanner{waiting, slow})
	ie, ok := err.(*scanner.IncompleteError)
	if !ok {
		t.Fatalf("err = %v, want an IncompleteError", err)
	}
	// iac may or may not have noticed ctx yet; deps, waiting, is never
	// named as running
	if slices.Contains(ie.Running, scanner.KindDeps) {
		t.Errorf("running %v names deps, which was waiting", ie.Running)
	}
	time.Sleep(20 * time.Millisecond) // iac returns; deps must still not start
	if len(waiting.seen) != 0 {
		t.Error("deps ran although it was waiting for iac when the scan was cancelled")
	}
}

// blockingScanner says when it started and runs until ctx ends.
type blockingScanner struct {
	name    string
	started chan struct{}
}

func (s *blockingScanner) Name() string                   { return s.name }
func (s *blockingScanner) Match(string, fs.DirEntry) bool { return true }
func (s *blockingScanner) Scan(ctx context.Context, _ scanner.Target) ([]scanner.Finding, error) {
	close(s.started)
	<-ctx.Done()
	return nil, ctx.Err()
}

// orderScanner records when it started.
type orderScanner struct {
	name   string
	mu     *sync.Mutex
	starts *[]string
}

func (s *orderScanner) Name() string                   { return s.name }
func (s *orderScanner) Match(string, fs.DirEntry) bool { return true }
func (s *orderScanner) Scan(context.Context, scanner.Target) ([]scanner.Finding, error) {
	s.mu.Lock()
	*s.starts = append(*s.starts, s.name)
	s.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	return nil, nil
}

// The heavy scanners run in the order WithHeavy names them (by default iac,
// then deps), whatever the order of the scanners given to Run.
func TestRunHeavyScannersInTheirOrder(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "x"})
	for _, tc := range []struct {
		heavy []string
		want  []string
	}{
		{scanner.DefaultHeavy(), []string{scanner.KindIaC, scanner.KindDeps}},
		{[]string{scanner.KindDeps, scanner.KindIaC}, []string{scanner.KindDeps, scanner.KindIaC}},
	} {
		for range 20 {
			var mu sync.Mutex
			var starts []string
			mk := func(n string) scanner.Scanner { return &orderScanner{name: n, mu: &mu, starts: &starts} }
			ss := []scanner.Scanner{mk(scanner.KindDeps), mk(scanner.KindIaC)}
			if _, err := scanner.Run(context.Background(), root, ss, scanner.WithConcurrency(2), scanner.WithHeavy(tc.heavy...)); err != nil {
				t.Fatal(err)
			}
			if len(starts) != 2 || starts[0] != tc.want[0] || starts[1] != tc.want[1] {
				t.Fatalf("heavy %v: started %v, want %v", tc.heavy, starts, tc.want)
			}
		}
	}
}
