package scanner_test

import (
	"context"
	"io/fs"
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
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	slow := &lineScanner{name: scanner.KindDeps, delay: time.Hour}
	waiting := &lineScanner{name: scanner.KindIaC}
	_, err := scanner.Run(ctx, root, []scanner.Scanner{slow, waiting})
	ie, ok := err.(*scanner.IncompleteError)
	if !ok {
		t.Fatalf("err = %v, want an IncompleteError", err)
	}
	if len(ie.Running) != 1 || ie.Running[0] != scanner.KindDeps {
		t.Errorf("running %v, want only deps (iac was waiting, not running)", ie.Running)
	}
	if len(waiting.seen) != 0 {
		t.Error("iac ran although it was waiting for deps when the scan was cancelled")
	}
}
