package policy

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/internal/memtest"
	"github.com/tollgate-dev/tollgate/scanner"
)

// realisticFindings are n findings shaped like a dense scan's: dependency
// findings sharing their advisory's long description and references,
// IaC findings sharing their check's texts, a few secrets; some are Go
// standard library findings from a go directive.
func realisticFindings(n int) []scanner.Finding {
	desc := strings.Repeat("An advisory's details, as long as the OSV record has them. ", 40)
	refs := []string{"https://github.com/advisories/GHSA-xxxx", "https://nvd.nist.gov/vuln/detail/CVE-2026-1", "https://example.com/fix"}
	frameworks := []string{"cis", "nsa"}
	fs := make([]scanner.Finding, n)
	for i := range fs {
		f := &fs[i]
		switch i % 7 {
		case 0, 1, 2:
			adv := i % 300
			f.Scanner, f.RuleID = "deps", fmt.Sprintf("GHSA-%04d", adv)
			f.Title, f.Description = fmt.Sprintf("Flaw %d in a package", adv), desc
			f.Severity, f.Score = scanner.Severity(adv%6), 7.5
			f.Location = scanner.Location{Path: fmt.Sprintf("org%d/proj%d/package-lock.json", i%40, i%400), StartLine: i%900 + 1, EndLine: i%900 + 1}
			version := fmt.Sprintf("1.%d.0", i%5)
			direct := i%2 == 0
			f.Package = &scanner.Package{Ecosystem: "npm", Name: fmt.Sprintf("pkg%d", adv), Version: version, PURL: "pkg:npm/pkg@" + version,
				FixedVersions: []string{"1.9.0", "2.0.0"}, Fix: "1.9.0", Direct: &direct}
			f.Aliases, f.References, f.CWEs = []string{fmt.Sprintf("CVE-2026-%d", adv)}, refs, []string{"CWE-79"}
			f.Remediation = "Upgrade pkg to 1.9.0 or later."
			f.Tags = []string{"dependency", "vulnerability"}
			f.Evidence = "npm/pkg@" + version
			f.Properties = map[string]any{"fixable": true, "lockfile": "package-lock.json", "cvss_vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
			if i%50 == 0 {
				f.Scanner, f.Package.Ecosystem, f.Properties["stdlib_version_source"] = "deps", "Go", "go-directive"
			}
		case 3, 4, 5:
			chk := i % 330
			f.Scanner, f.RuleID = "iac", fmt.Sprintf("TG-K8S-%04d", chk)
			f.Title, f.Description = fmt.Sprintf("Check %d failed", chk), fmt.Sprintf("Container %d in Deployment web does something it should not.", i)
			f.Severity = scanner.Severity(chk%5 + 1)
			f.Location = scanner.Location{Path: fmt.Sprintf("org%d/proj%d/k8s/deploy%d.yaml", i%40, i%400, i%6), StartLine: i%60 + 1, EndLine: i%60 + 3}
			f.References, f.Remediation, f.CWEs, f.Tags = refs, "Set securityContext.runAsNonRoot: true.", []string{"CWE-250"}, frameworks
			f.Evidence = fmt.Sprintf("Deployment/default/web%d", i)
			f.Properties = map[string]any{"kind": "kubernetes", "message": f.Description, "resource": f.Evidence, "block_start_line": 3}
		default:
			f.Scanner, f.RuleID, f.Title = "secrets", "aws-access-key-id", "AWS access key"
			f.Severity = scanner.SeverityHigh
			f.Location = scanner.Location{Path: fmt.Sprintf("org%d/proj%d/.env", i%40, i%400), StartLine: 3, StartColumn: 5, EndLine: 3, EndColumn: 25}
			f.Snippet, f.Evidence = "AWS_KEY=AKIA****", fmt.Sprintf("hmac:%032x", i)
			f.Remediation = "Revoke the key."
		}
		f.Fingerprint = scanner.Fingerprint(f.RuleID, f.Location.Path, f.Evidence)
	}
	return fs
}

// fullGate is g with the lean input turned off.
func fullGate(g *Gate) *Gate {
	c := *g
	c.fields = nil
	return &c
}

// chunkedGate is g deciding n findings at a time before its decision.
func chunkedGate(g *Gate, n int) *Gate {
	c := *g
	c.chunk = n
	return &c
}

func TestDefaultPolicyReadsOnlyNamedFields(t *testing.T) {
	g, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if g.fields == nil {
		t.Fatal("the default policy alone should get the lean input")
	}
	for _, k := range []string{"findings", "severity_rank", "new", "suppressed", "rule_id", "fingerprint", "location", "path", "start_line", "exception", "properties", "stdlib_version_source"} {
		if !g.fields[k] {
			t.Errorf("the default policy reads %q but the lean input would leave it out", k)
		}
	}
	// The long texts are what made the input big; the default policy does
	// not read them.
	for _, k := range []string{"description", "references", "remediation", "aliases", "snippet", "evidence", "counts"} {
		if g.fields[k] {
			t.Errorf("%q is built for the default policy: the lean input lost its point", k)
		}
	}
	withUser, err := New(context.Background(), WithModule("user.rego", "package tollgate.gate\n\ndeny contains \"x\" if false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if withUser.fields != nil {
		t.Error("a user policy must see the whole input")
	}
}

// TestDefaultPolicyLeanInputDecidesAlike checks the lean input against the
// whole input: same decision for every case the default policy handles.
func TestDefaultPolicyLeanInputDecidesAlike(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)
	past, future := now.AddDate(0, -1, 0), now.AddDate(1, 0, 0)
	g, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	full := fullGate(g)
	fs := realisticFindings(2000)
	for i := range fs {
		if i%13 == 0 {
			fs[i].Severity = scanner.SeverityUnknown
		}
	}
	ex := &Exceptions{Entries: []ExceptionEntry{
		{Exception: scanner.Exception{ID: "GHSA-0003", Reason: "not reachable", Owner: "web", Expires: &past, Source: ".tollgate.yaml:2"}, RuleID: "GHSA-0003"},
		{Exception: scanner.Exception{ID: "TG-K8S-0004", Reason: "accepted", Expires: &future, Source: ".tollgate.yaml:6"}, RuleID: "TG-K8S-0004"},
		{Exception: scanner.Exception{ID: "stale", Reason: "gone", Source: ".tollgate.yaml:9"}, RuleID: "NOPE-1"},
	}}
	baseline := Baseline{}
	for i := 0; i < len(fs); i += 5 {
		baseline[fs[i].Fingerprint] = true
	}
	cases := map[string]struct {
		cfg  Config
		opts InputOptions
		errs []scanner.ScanError
	}{
		"default":                   {cfg: DefaultConfig()},
		"fail on low, unknown none": {cfg: Config{FailOn: "low", UnknownSeverity: "none"}},
		"fail on none":              {cfg: Config{FailOn: "none", UnknownSeverity: "HIGH"}},
		"exceptions and baseline":   {cfg: DefaultConfig(), opts: InputOptions{Exceptions: ex, Baseline: baseline}},
		"expired allowed":           {cfg: Config{FailOn: "critical", UnknownSeverity: "LOW", AllowExpiredExceptions: true}, opts: InputOptions{Exceptions: ex}},
		"scanner error":             {cfg: DefaultConfig(), errs: []scanner.ScanError{{Scanner: "iac", Err: errTest}}},
		"scanner error allowed":     {cfg: Config{FailOn: "high", UnknownSeverity: "HIGH", AllowScannerErrors: true}, errs: []scanner.ScanError{{Scanner: "iac", Err: errTest}}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			res := &scanner.Result{Root: "/src", Findings: append([]scanner.Finding(nil), fs...), Errors: c.errs,
				Scanners: []scanner.ScannerStats{{Name: "deps"}, {Name: "iac"}, {Name: "secrets"},
					{Name: "deps", Extra: map[string]any{"db": map[string]any{"missing": []any{map[string]any{"ecosystem": "Hex", "packages": 3}}}}}}}
			o := c.opts
			o.Config, o.Now = c.cfg, now
			lean, err := g.Decide(ctx, BuildInput(res, o))
			if err != nil {
				t.Fatal(err)
			}
			whole, err := full.Decide(ctx, BuildInput(res, o))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(whole, lean); d != "" {
				t.Errorf("lean input decides differently (-whole +lean):\n%s", d)
			}
			chunked, err := chunkedGate(g, 97).Decide(ctx, BuildInput(res, o))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(whole, chunked); d != "" {
				t.Errorf("deciding in chunks decides differently (-whole +chunked):\n%s", d)
			}
			for name, g := range map[string]*Gate{"lean": g, "whole": full, "chunked": chunkedGate(g, 97)} {
				fromResult, err := g.DecideResult(ctx, res, o)
				if err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(whole, fromResult); d != "" {
					t.Errorf("DecideResult (%s input) decides differently from Decide (-Decide +DecideResult):\n%s", name, d)
				}
			}
			if len(whole.Deny)+len(whole.Warn) == 0 && c.cfg.FailOn != "none" {
				t.Error("the case decided nothing: it tests nothing")
			}
		})
	}
}

// inputBytesPerFinding is the heap the policy input of n findings holds,
// per finding, once built.
func inputBytesPerFinding(t *testing.T, g *Gate, n int) float64 {
	t.Helper()
	res := &scanner.Result{Root: "/src", Findings: realisticFindings(n)}
	in := BuildInput(res, InputOptions{Config: DefaultConfig(), Now: time.Now()})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v, _, err := toValue(in, findingSource{input: in.Findings}, g.fields)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	runtime.KeepAlive(in)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
}

// TestPolicyInputMemoryPerFinding bounds what the policy input costs per
// finding: 130,000 findings once took 1.8 KB each as OPA values, on top
// of the findings themselves.
func TestPolicyInputMemoryPerFinding(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 50,000 findings")
	}
	g, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		g    *Gate
		max  float64
	}{{"default policy (lean)", g, 1250}, {"user policy (whole input)", fullGate(g), 2400}} {
		got := inputBytesPerFinding(t, c.g, 50_000)
		t.Logf("%s: %.0f bytes per finding", c.name, got)
		if got > c.max {
			t.Errorf("%s: the policy input takes %.0f bytes per finding, over the %.0f budget", c.name, got, c.max)
		}
	}
}

// TestDecideLeavesNoInputBehind: once Decide returns, one collection
// frees the policy input. OPA's pooled evaluation states used to keep it
// until a second one, so the heap goal after the gate counted it twice.
func TestDecideLeavesNoInputBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 30,000 findings")
	}
	const n = 30_000
	g, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res := &scanner.Result{Root: "/src", Findings: realisticFindings(n)}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := g.Decide(context.Background(), BuildInput(res, InputOptions{Config: DefaultConfig(), Now: time.Now()}))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / n
	t.Logf("left after Decide and one collection: %.0f bytes per finding", per)
	// The decision itself (reasons listing fingerprints) stays, a few
	// dozen bytes per finding; the input was about 1,000.
	if per > 300 {
		t.Errorf("Decide left %.0f bytes per finding alive after a collection", per)
	}
	runtime.KeepAlive(res)
	runtime.KeepAlive(d)
}

// TestDefaultPolicyFiltersFindings keeps default.rego in the shape the
// chunked gate relies on (see Gate.relevant): input.findings is read only
// as `some f in input.findings`, a per-finding filter, in the rules
// listed here, and decided_findings covers each filter. A new rule that
// reads the findings otherwise (counts them, compares two of them) would
// decide differently on a big scan: change Gate.relevant first.
func TestDefaultPolicyFiltersFindings(t *testing.T) {
	m, err := ast.ParseModuleWithOpts(DefaultPolicyFile, defaultPolicy, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	findings := ast.MustParseRef("input.findings")
	allowed := map[string]bool{"go_directive_findings": true, "candidates": true, "deny": true, "decided_findings": true}
	covered := map[string]bool{}
	reads := map[string]int{}
	for _, r := range m.Rules {
		name := r.Head.Name.String()
		if len(r.Head.Reference) > 0 {
			name = r.Head.Reference[0].Value.String()
		}
		filters := 0
		ast.WalkExprs(r, func(e *ast.Expr) bool {
			if sd, ok := e.Terms.(*ast.SomeDecl); ok && len(sd.Symbols) == 1 {
				if call, ok := sd.Symbols[0].Value.(ast.Call); ok && len(call) == 3 && call[2].Equal(ast.RefTerm(findings...)) {
					filters++
				}
			}
			return false
		})
		refs := 0
		ast.WalkRefs(r, func(ref ast.Ref) bool {
			if ref.HasPrefix(findings) {
				refs++
			}
			return false
		})
		if name == "decided_findings" {
			ast.WalkVars(r, func(v ast.Var) bool {
				covered[string(v)] = true
				return false
			})
		}
		if refs == 0 {
			continue
		}
		reads[name] += refs
		if !allowed[name] {
			t.Errorf("rule %s (%s) reads input.findings: the chunked gate (Gate.relevant) would decide it on part of them", name, r.Location)
		}
		if refs != filters {
			t.Errorf("rule %s (%s) reads input.findings %d times, %d of them as a per-finding filter", name, r.Location, refs, filters)
		}
	}
	for name := range allowed {
		if reads[name] == 0 && name != "decided_findings" {
			t.Errorf("rule %s no longer reads input.findings: update this test and Gate.relevant's comment", name)
		}
	}
	for _, filter := range []string{"go_directive_findings", "candidates"} {
		if !covered[filter] {
			t.Errorf("decided_findings does not cover %s", filter)
		}
	}
}

// TestChunkedGateHoldsLessThanTheWholeInput: the default policy deciding a
// big scan in chunks keeps only the findings some reason names, not the
// whole input, so the heap rises far less while it decides.
func TestChunkedGateHoldsLessThanTheWholeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 50,000 findings")
	}
	const n = 50_000
	ctx := context.Background()
	g, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res := &scanner.Result{Root: "/src", Findings: realisticFindings(n)}
	o := InputOptions{Config: Config{FailOn: "critical", UnknownSeverity: "LOW"}, Now: time.Now()}
	// Collecting often, the heap's peak follows what is live rather than
	// how much garbage the runtime lets pile up.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	rise := func(g *Gate) (uint64, scanner.Decision) {
		var base runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&base)
		stop := memtest.HeapPeak()
		d, err := g.DecideResult(ctx, res, o)
		peak := stop()
		if err != nil {
			t.Fatal(err)
		}
		return peak - min(peak, base.HeapAlloc), d
	}
	whole, dw := rise(chunkedGate(g, n))
	chunked, dc := rise(chunkedGate(g, 4096))
	if d := cmp.Diff(dw, dc); d != "" {
		t.Fatalf("chunked decision differs (-whole +chunked):\n%s", d)
	}
	if len(dc.Deny) == 0 {
		t.Fatal("nothing denied: the case tests nothing")
	}
	t.Logf("heap rise deciding %d findings: whole input %d MB, in chunks %d MB", n, whole>>20, chunked>>20)
	if chunked*2 > whole {
		t.Errorf("deciding in chunks raised the heap by %d MB, the whole input by %d MB: expected under half", chunked>>20, whole>>20)
	}
}
