package policy_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/fuzzseed"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

// FuzzParseExceptions: .tollgate.yaml is part of the repository under scan
// (a pull request can change it). Parsing must never panic, every error
// wraps ErrInvalidExceptions, and a file that parses can be matched
// against findings.
func FuzzParseExceptions(f *testing.F) {
	fuzzseed.AddFiles(f, "../.tollgate.yaml")
	f.Add([]byte("allow_permanent_exceptions: true\nexceptions:\n  - id: X\n    reason: accepted\n  - package: minimist@1.2.5\n    reason: r\n  - path: \"legacy/**\"\n    scanner: secrets\n    reason: r\n    fingerprint: abc\n"))
	f.Add([]byte("exceptions:\n  - path: \"[\"\n    reason: \"\"\n    expires: 2027-13-01\n    bogus: 1\n"))
	res := result(depFinding("GHSA-35jh-r3h4-6jhm", []string{"CVE-2021-23337"}, "lodash", "4.17.20"),
		finding("aws-key", scanner.SeverityHigh, "legacy/old.env"))
	f.Fuzz(func(t *testing.T, src []byte) {
		x, err := policy.ParseExceptions(".tollgate.yaml", src)
		if err != nil {
			if !errors.Is(err, policy.ErrInvalidExceptions) {
				t.Fatalf("error %v does not wrap ErrInvalidExceptions", err)
			}
			return
		}
		policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), Now: now, Exceptions: x})
	})
}

// FuzzLoadBaseline: --baseline reads a JSON report or SARIF that an
// earlier job produced; whatever its bytes, LoadBaseline must not panic
// and every error wraps ErrInvalidBaseline.
func FuzzLoadBaseline(f *testing.F) {
	fuzzseed.AddFiles(f, "../report/testdata/report.json.golden", "../report/testdata/report.sarif.golden")
	f.Add([]byte(`{"findings":[{"fingerprint":"a"},{"fingerprint":""}]}`))
	f.Add([]byte(`{"runs":[{"results":[{"partialFingerprints":{"tollgate/v1":"a"}},{}]}]}`))
	f.Add([]byte(`{"runs":null,"findings":null}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		p := filepath.Join(t.TempDir(), "base.json")
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := policy.LoadBaseline(p)
		if err != nil && !errors.Is(err, policy.ErrInvalidBaseline) {
			t.Fatalf("error %v does not wrap ErrInvalidBaseline", err)
		}
		if err == nil && b == nil {
			t.Fatal("nil baseline without an error")
		}
		if b.Has("") {
			t.Fatal("empty fingerprint in the baseline")
		}
	})
}
