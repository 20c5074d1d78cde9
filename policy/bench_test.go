package policy_test

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

// manyFindings builds n findings across every severity and scanner.
func manyFindings(n int) *scanner.Result {
	kinds := []string{"deps", "secrets", "iac"}
	fs := make([]scanner.Finding, n)
	for i := range fs {
		fs[i] = scanner.Finding{Scanner: kinds[i%3], RuleID: fmt.Sprintf("RULE-%d", i%500), Title: "a finding title",
			Description: "a description of moderate length that policies may or may not read",
			Severity:    scanner.Severity(i % 6), Location: scanner.Location{Path: fmt.Sprintf("src/pkg%d/file%d.go", i%100, i), StartLine: i%400 + 1},
			Evidence: fmt.Sprint(i)}
		fs[i].Fingerprint = scanner.Fingerprint(fs[i].RuleID, fs[i].Location.Path, fs[i].Evidence)
	}
	return &scanner.Result{Root: "/src", Findings: fs}
}

// BenchmarkGateDecide100k measures one gate decision over 100,000
// findings with the default policy: building the input and one
// evaluation of the prepared query.
func BenchmarkGateDecide100k(b *testing.B) {
	ctx := context.Background()
	g, err := policy.New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	res := manyFindings(100_000)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		in := policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), Now: now})
		d, err := g.Decide(ctx, in)
		if err != nil {
			b.Fatal(err)
		}
		if d.Pass {
			b.Fatal("expected denies")
		}
	}
	// CPU seconds per decision (all threads, GC included): a figure that
	// survives a busy machine better than wall time.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGateInput100k isolates building the input document.
func BenchmarkGateInput100k(b *testing.B) {
	res := manyFindings(100_000)
	for b.Loop() {
		_ = policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), Now: now})
	}
}
