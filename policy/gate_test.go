package policy_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func result(fs ...scanner.Finding) *scanner.Result {
	for i := range fs {
		if fs[i].Fingerprint == "" {
			fs[i].Fingerprint = scanner.Fingerprint(fs[i].RuleID, fs[i].Location.Path, fs[i].Evidence)
		}
	}
	return &scanner.Result{Root: "/src", Findings: fs, Scanners: []scanner.ScannerStats{{Name: "secrets"}}}
}

func finding(rule string, sev scanner.Severity, path string) scanner.Finding {
	return scanner.Finding{Scanner: "secrets", RuleID: rule, Title: "t " + rule, Severity: sev,
		Location: scanner.Location{Path: path, StartLine: 3}, Evidence: rule + path}
}

func decide(t *testing.T, res *scanner.Result, cfg policy.Config, o policy.InputOptions, opts ...policy.Option) scanner.Decision {
	t.Helper()
	g, err := policy.New(context.Background(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	o.Config, o.Now = cfg, now
	d, err := g.Decide(context.Background(), policy.BuildInput(res, o))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDefaultPolicyThresholds(t *testing.T) {
	res := func() *scanner.Result {
		return result(finding("crit", scanner.SeverityCritical, "a"), finding("high", scanner.SeverityHigh, "b"),
			finding("med", scanner.SeverityMedium, "c"), finding("low", scanner.SeverityLow, "d"),
			finding("info", scanner.SeverityInfo, "e"), finding("unk", scanner.SeverityUnknown, "f"))
	}
	tests := []struct {
		failOn, unknownAs string
		wantDenied        int
	}{
		{"critical", "high", 1},
		{"high", "high", 3}, // crit, high, unknown-as-high
		{"high", "low", 2},
		{"medium", "high", 4},
		{"low", "high", 5},
		{"none", "high", 0},
	}
	for _, tt := range tests {
		t.Run(tt.failOn+"/"+tt.unknownAs, func(t *testing.T) {
			d := decide(t, res(), policy.Config{FailOn: tt.failOn, UnknownSeverity: tt.unknownAs}, policy.InputOptions{})
			if len(d.Deny) != tt.wantDenied || d.Pass != (tt.wantDenied == 0) {
				t.Fatalf("deny = %d (pass %v), want %d: %+v", len(d.Deny), d.Pass, tt.wantDenied, d.Deny)
			}
			for _, r := range d.Deny {
				if r.Rule != "severity-threshold" || len(r.Fingerprints) != 1 || !strings.HasPrefix(r.Policy, "default.rego:") {
					t.Errorf("reason not attributed: %+v", r)
				}
			}
		})
	}
}

func TestUserPolicyDeniesOnItsOwnCondition(t *testing.T) {
	dir := t.TempDir()
	src := `package tollgate.gate

deny contains {"msg": sprintf("no secrets allowed in %s", [f.location.path]), "fingerprint": f.fingerprint} if {
	some f in input.findings
	f.scanner == "secrets"
	startswith(f.location.path, "prod/")
}
`
	file := filepath.Join(dir, "nosecrets.rego")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := result(finding("low", scanner.SeverityLow, "prod/app.env"), finding("low", scanner.SeverityLow, "dev/app.env"))
	d := decide(t, res, policy.Config{FailOn: "none"}, policy.InputOptions{}, policy.WithPolicy(dir))
	want := []scanner.Reason{{Msg: "no secrets allowed in prod/app.env", Fingerprints: []string{res.Findings[0].Fingerprint}, Policy: file + ":3"}}
	if d.Pass || cmp.Diff(want, d.Deny) != "" {
		t.Errorf("decision = %+v\n%s", d, cmp.Diff(want, d.Deny))
	}
}

func TestBrokenPolicyNamesFileAndLine(t *testing.T) {
	tests := map[string]string{
		"parse":   "package tollgate.gate\n\ndeny contains msg if {\n\tmsg := \n}\n",
		"compile": "package tollgate.gate\n\ndeny contains msg if {\n\tmsg := undefined_fn(1)\n}\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "broken.rego")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := policy.New(context.Background(), policy.WithPolicy(file))
			if !errors.Is(err, policy.ErrPolicy) || !strings.Contains(err.Error(), "broken.rego:") {
				t.Fatalf("err = %v, want ErrPolicy naming broken.rego:LINE", err)
			}
		})
	}
	if _, err := policy.New(context.Background(), policy.WithPolicy("/does/not/exist.rego")); !errors.Is(err, policy.ErrPolicy) {
		t.Errorf("missing policy file: %v", err)
	}
}

func TestRuntimeErrorIsAnError(t *testing.T) {
	src := "package tollgate.gate\n\ndeny contains msg if {\n\tmsg := sprintf(\"%d\", [1 / 0])\n}\n"
	g, err := policy.New(context.Background(), policy.WithModule("div.rego", src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = g.Decide(context.Background(), policy.BuildInput(result(), policy.InputOptions{Config: policy.DefaultConfig(), Now: now}))
	if !errors.Is(err, policy.ErrPolicy) || !strings.Contains(err.Error(), "div.rego:4") {
		t.Fatalf("err = %v", err)
	}
}

func TestScannerErrorsFailClosed(t *testing.T) {
	res := result()
	res.Errors = []scanner.ScanError{{Scanner: "deps", Err: errors.New("package-lock.json: unexpected end of JSON input")}}
	d := decide(t, res, policy.DefaultConfig(), policy.InputOptions{})
	if d.Pass || len(d.Deny) != 1 || d.Deny[0].Rule != "scanner-error" {
		t.Fatalf("decision = %+v", d)
	}
	cfg := policy.DefaultConfig()
	cfg.AllowScannerErrors = true
	d = decide(t, res, cfg, policy.InputOptions{})
	if !d.Pass || len(d.Warn) != 1 {
		t.Fatalf("allowed errors still denied: %+v", d)
	}
}
