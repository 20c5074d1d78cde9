package html_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	stdhtml "html"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/report/html"
	"github.com/tollgate-dev/tollgate/scanner"
)

// maxReportBytes is the size budget of a 10,000-finding report.
const maxReportBytes = 5 << 20

func render(t testing.TB, in *html.Input) string {
	t.Helper()
	r, err := html.New()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, in); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// synthetic is n findings shaped like a large real scan: 40 rules over
// the three scanners, with descriptions, remediation and references per
// rule, and per finding its own path, snippet and (for deps) package; a
// tenth excepted, a third in the baseline; one deny per rule.
func synthetic(n int) *html.Input {
	kinds := []string{scanner.KindDeps, scanner.KindSecrets, scanner.KindIaC}
	expires := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	fs := make([]scanner.Finding, n)
	byRule := map[string][]string{}
	var rules []string
	for i := range fs {
		rule := i % 40
		kind := kinds[rule%3]
		f := scanner.Finding{
			Scanner:     kind,
			RuleID:      fmt.Sprintf("TG-SYN-%04d", rule),
			Title:       fmt.Sprintf("Synthetic problem number %d of a kind seen in real trees", rule),
			Description: strings.Repeat(fmt.Sprintf("Rule %d explains at some length why this matters and what an attacker could do. ", rule), 4),
			Remediation: fmt.Sprintf("Change the setting that rule %d checks, or add an exception with an owner and an expiry.", rule),
			References:  []string{fmt.Sprintf("https://example.com/advisories/TG-SYN-%04d", rule), "https://example.com/docs/hardening"},
			Severity:    scanner.Severity(1 + i%5),
			Location:    scanner.Location{Path: fmt.Sprintf("services/svc-%03d/internal/handlers/handler_%04d.go", i%300, i), StartLine: 10 + i%500, StartColumn: 3},
			Snippet:     fmt.Sprintf(`cfg.Set("endpoint_%d", "https://internal.example/api/v2/resource?id=****")`, i),
			Gate:        &scanner.GateStatus{New: i%3 != 0},
		}
		if kind == scanner.KindDeps {
			f.Package = &scanner.Package{Ecosystem: "npm", Name: fmt.Sprintf("package-%d", i%700), Version: "1.2.3", Fix: "1.2.4"}
			f.Aliases = []string{fmt.Sprintf("CVE-2026-%05d", rule)}
		}
		if i%10 == 0 {
			f.Gate.Exception = &scanner.Exception{ID: f.RuleID, Reason: "accepted for the migration", Owner: "team-platform", Expires: &expires, Source: ".tollgate.yaml:3"}
		}
		f.Fingerprint = scanner.Fingerprint(f.RuleID, f.Location.Path, fmt.Sprint(i))
		if _, ok := byRule[f.RuleID]; !ok {
			rules = append(rules, f.RuleID)
		}
		byRule[f.RuleID] = append(byRule[f.RuleID], f.Fingerprint)
		fs[i] = f
	}
	d := scanner.Decision{}
	for _, r := range rules {
		d.Deny = append(d.Deny, scanner.Reason{Msg: fmt.Sprintf("HIGH %s: Synthetic problem (%d findings)", r, len(byRule[r])), Rule: "severity-threshold", Fingerprints: byRule[r]})
	}
	return &html.Input{Tool: "tollgate test", Scanners: kinds, Gate: html.Gate{FailOn: "high", Baseline: true}, Decision: d,
		Result: &scanner.Result{Findings: fs, Started: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC), Duration: 17 * time.Second}}
}

// TestTenThousandFindings: a 10,000-finding report stays within 5 MB and
// still holds every finding as a table row.
func TestTenThousandFindings(t *testing.T) {
	out := render(t, synthetic(10000))
	t.Logf("10,000 findings: %d bytes (%.2f MB)", len(out), float64(len(out))/(1<<20))
	if len(out) > maxReportBytes {
		t.Errorf("report is %d bytes, budget %d", len(out), maxReportBytes)
	}
	if n := strings.Count(out, `<tr id="f`); n != 10000 {
		t.Errorf("rows = %d, want 10000", n)
	}
	if !strings.Contains(out, `<tr id="f10000"`) {
		t.Error("the last finding has no row")
	}
	// The verdict lists each reason's first findings, not all of them.
	if n := strings.Count(out, `<li class="more">… and 240 more</li>`); n != 40 {
		t.Errorf("reasons with a \"more\" line = %d, want 40", n)
	}
}

func BenchmarkRender10000(b *testing.B) {
	in := synthetic(10000)
	r, err := html.New()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := r.Render(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/report")
}

// TestCSPHashesMatchTheInlineScriptAndStyle: the policy allows exactly
// the page's inline script and style sheet (by hash), nothing external.
func TestCSPHashesMatchTheInlineScriptAndStyle(t *testing.T) {
	out := render(t, synthetic(3))
	r, err := html.New()
	if err != nil {
		t.Fatal(err)
	}
	csp := r.CSP()
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(out)
	if m == nil || stdhtml.UnescapeString(m[1]) != csp {
		t.Fatalf("page has no CSP meta with %q: %v", csp, m)
	}
	if !strings.HasPrefix(csp, "default-src 'none';") || strings.Contains(csp, "unsafe") || strings.Contains(csp, "http") {
		t.Errorf("CSP %q is not closed", csp)
	}
	for _, m := range []struct{ tag, directive string }{{"script", "script-src"}, {"style", "style-src"}} {
		re := regexp.MustCompile(`(?s)<` + m.tag + `>(.*?)</` + m.tag + `>`)
		bodies := re.FindAllStringSubmatch(out, -1)
		if len(bodies) != 1 {
			t.Fatalf("%d inline <%s> elements, want 1", len(bodies), m.tag)
		}
		sum := sha256.Sum256([]byte(bodies[0][1]))
		want := m.directive + " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	for _, external := range []string{`src="http`, `href="//`, `@import`, `url(`, `<link`} {
		if strings.Contains(out, external) {
			t.Errorf("page references something external: %q", external)
		}
	}
}

// hostile is a finding whose every attacker-controlled field carries a
// payload.
func hostile() scanner.Finding {
	p := `</script><script>window.pwned=1</script>"><img src=x onerror=window.pwned=2>` + "\u202Eexe.txt"
	return scanner.Finding{Scanner: scanner.KindIaC, RuleID: "USER-" + p, Title: p, Description: p, Remediation: p, Snippet: p,
		Severity: scanner.SeverityHigh, Location: scanner.Location{Path: "dir/" + p + ".yaml", StartLine: 1},
		References: []string{"javascript:window.pwned=3", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>", "//evil.example/x", "https://example.com/ok?a=1&b=2"},
		Aliases:    []string{p}, CWEs: []string{p}, Package: &scanner.Package{Ecosystem: p, Name: p, Version: p},
		Fingerprint: "fp-" + p, Gate: &scanner.GateStatus{New: true, Exception: &scanner.Exception{ID: p, Reason: p, Owner: p, Source: p}}}
}

// TestHostileFieldsAreEscaped: payloads in every field come out as text,
// links only for http(s), and the right-to-left override as a marker.
func TestHostileFieldsAreEscaped(t *testing.T) {
	f := hostile()
	in := &html.Input{Tool: "tollgate", Scanners: []string{f.Scanner}, Result: &scanner.Result{Findings: []scanner.Finding{f}},
		Decision: scanner.Decision{Deny: []scanner.Reason{{Msg: f.Title, Rule: f.Title, Policy: f.Title, Fingerprints: []string{f.Fingerprint}}},
			Warn: []scanner.Reason{{Msg: f.Title}}},
		Sources: []html.Source{{Name: f.Title, Note: f.Title, Counts: map[string]int{"HIGH": 1}, Findings: 1}}}
	out := render(t, in)
	for _, bad := range []string{"<script>window", "<img", `href="javascript`, `href="JaVaScRiPt`, `href="data:`, `href="//evil`, "\u202E"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	if n := strings.Count(out, "<script"); n != 2 { // the JSON data block and the script
		t.Errorf("%d <script> tags, want 2", n)
	}
	for _, want := range []string{
		`<a href="https://example.com/ok?a=1&amp;b=2" rel="noreferrer noopener">`,
		`<span class="nolink">javascript:window.pwned=3</span>`,
		`<span class="nolink">//evil.example/x</span>`,
		"⟪U&#43;202E⟫exe.txt", // html/template escapes "+"
		`&lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=window.pwned=2&gt;`,
		`<section id="sources">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestSectionsAreDataDriven: the per-source table renders only for a
// report that has sources, and charts only when there are findings.
func TestSectionsAreDataDriven(t *testing.T) {
	empty := render(t, &html.Input{Tool: "tollgate", Result: &scanner.Result{}, Decision: scanner.Decision{Pass: true}})
	for _, absent := range []string{`<section id="sources">`, `<section id="charts">`, `<section id="rules">`, `<table id="table"`} {
		if strings.Contains(empty, absent) {
			t.Errorf("empty report has %s", absent)
		}
	}
	if !strings.Contains(empty, `<p class="none">No findings.</p>`) || !strings.Contains(empty, `class="verdict pass"`) {
		t.Error("empty report does not say it passed with no findings")
	}
	in := synthetic(5)
	in.Sources = []html.Source{{Name: "repo-a", Pass: true}, {Name: "repo-b", Counts: map[string]int{"HIGH": 2, "LOW": 1}, Findings: 3, New: 1}}
	out := render(t, in)
	for _, want := range []string{`<section id="sources">`, `<td class="src">repo-b</td>`, `<span class="sev sev-high">HIGH 2</span> <span class="sev sev-low">LOW 1</span>`, `id="chart-baseline"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	names := []string{}
	for _, s := range html.Sections() {
		names = append(names, s.Template)
	}
	if got := strings.Join(names, ","); got != "verdict.gohtml,sources.gohtml,charts.gohtml,findings.gohtml,rules.gohtml" {
		t.Errorf("sections = %s", got)
	}
}

// TestRenderConcurrently: one Renderer (templates parsed once) serves
// concurrent renders with identical output.
func TestRenderConcurrently(t *testing.T) {
	r, err := html.New()
	if err != nil {
		t.Fatal(err)
	}
	in := synthetic(50)
	outs := make([]string, 4)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := r.Render(&buf, in); err != nil {
				t.Error(err)
			}
			outs[i] = buf.String()
		})
	}
	wg.Wait()
	for i := range outs {
		if outs[i] != outs[0] || outs[i] == "" {
			t.Fatal("concurrent renders differ")
		}
	}
}

// TestPageSizeMatchesStyle: while the page loads, style.css lays out only
// the first page of rows, the page the script then shows: the two sizes
// must agree, or rows would be missing or laid out for nothing.
func TestPageSizeMatchesStyle(t *testing.T) {
	out := render(t, synthetic(3))
	m := regexp.MustCompile(`<script type="application/json" id="tg-config">(.*?)</script>`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no config block")
	}
	var cfg struct{ PageSize int }
	if err := json.Unmarshal([]byte(m[1]), &cfg); err != nil || cfg.PageSize < 1 {
		t.Fatalf("config %s: %v", m[1], err)
	}
	css, err := os.ReadFile("style.css")
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("html.js:not(.paged) #table tbody tr:nth-child(n+%d) { display: none; }", cfg.PageSize+1); !strings.Contains(string(css), want) {
		t.Errorf("style.css lacks %q", want)
	}
}
