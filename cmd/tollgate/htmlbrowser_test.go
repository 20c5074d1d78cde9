package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The HTML report in a real browser (docs/html-report.md): the report of
// testdata/demo and of a hostile tree load with no payload running, no
// console error and no CSP violation, and the filters leave only the rows
// asked for. .ci/run installs Chromium and sets TOLLGATE_CI, so there the
// test cannot skip.

// screenshotFile is the README's picture of the report, rewritten with
// go test ./cmd/tollgate -run TestHTMLReportInBrowser -update.
const screenshotFile = "../../docs/images/report.png"

// browserPath finds Chromium or Chrome: $TOLLGATE_CHROME, else the usual
// names on PATH. Without one the test skips, except in CI.
func browserPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TOLLGATE_CHROME"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("TOLLGATE_CHROME=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("TOLLGATE_CI") != "" || os.Getenv("CI") != "" {
		t.Fatal("no Chromium or Chrome on PATH: CI must run the browser test (apt-get install chromium)")
	}
	t.Skip("no Chromium or Chrome on PATH (set TOLLGATE_CHROME to use another)")
	return ""
}

// hostile payloads: each would set a window.__pwned* global or change
// document.title if it ran.
const (
	payloadScript = `</script><script>window.__pwned1=1;document.title="pwned1"</script>`
	payloadImg    = `"><img src=x onerror="window.__pwned2=1;document.title='pwned2'">`
	payloadJSURL  = `javascript:window.__pwned3=1;document.title='pwned3'`
	rlo           = "\u202E"
)

// hostileReportTree writes a tree whose file names, file contents (so
// snippets and resource names) and user-check metadata and messages carry
// the payloads, and returns the tree and the user-check directory.
func hostileReportTree(t *testing.T) (tree, checks string) {
	t.Helper()
	dir := t.TempDir()
	tree, checks = filepath.Join(dir, "tree"), filepath.Join(dir, "checks")
	pod := func(name string) []byte {
		return fmt.Appendf(nil, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: %q\nspec:\n  containers:\n    - name: %q\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n",
			name, "c"+payloadImg)
	}
	writeTree(t, tree, hostileTree{
		// "/" cannot be in a file name: the </script> payload spans folders.
		"k8s/a" + payloadScript + ".yaml":                        pod("web" + payloadScript),
		"k8s/b" + payloadImg + "invoice" + rlo + "lmay.exe.yaml": pod("api" + payloadImg + rlo),
		"config/" + payloadImg + ".env":                          []byte("# " + payloadScript + "\nAWS_ACCESS_KEY_ID=AKIAT3STF4KEDEM2KEY7 # " + payloadImg + rlo + "\n"),
	})
	writeTree(t, checks, hostileTree{"hostile.rego": []byte(`# METADATA
# title: ` + yamlString("User check "+payloadScript) + `
# description: ` + yamlString("Description "+payloadImg) + `
# scope: package
# custom:
#   id: ACME-HOSTILE-1
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: ` + yamlString("Remediation "+payloadScript) + `
#   references:
#     - ` + yamlString(payloadJSURL) + `
#     - ` + yamlString("data:text/html,<script>window.__pwned4=1</script>") + `
#     - https://example.com/ok?a=1&b=2
package acme.hostile

import data.lib.iac
import data.lib.k8s

deny contains res if {
	input.kind == "Pod"
	res := iac.result(sprintf("pod %s is hostile <script>window.__pwned5=1</script> \u202e", [k8s.metadata.name]), k8s.metadata)
}
`)})
	return tree, checks
}

// manySecretsTree writes files×lines distinct fake AWS access key ids
// (AKIA and 16 base-32 characters from a fixed seed) in files under ten
// folders, svcN/settingsM.env: one secrets finding per line.
func manySecretsTree(t *testing.T, files, lines int) string {
	t.Helper()
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	rng := rand.New(rand.NewPCG(1, 2))
	tree := hostileTree{}
	for f := range files {
		var b strings.Builder
		for range lines {
			key := make([]byte, 16)
			for i := range key {
				key[i] = alphabet[rng.IntN(len(alphabet))]
			}
			fmt.Fprintf(&b, "AWS_ACCESS_KEY_ID=AKIA%s\n", key)
		}
		tree[fmt.Sprintf("svc%d/settings%d.env", f%10, f)] = []byte(b.String())
	}
	dir := t.TempDir()
	writeTree(t, dir, tree)
	return dir
}

// yamlString quotes s for YAML: a JSON string is a YAML double-quoted one.
func yamlString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}

// browserCheck is what the page reports about itself after loading.
type browserCheck struct {
	Title     string   `json:"title"`
	Pwned     []string `json:"pwned"`
	BadLinks  []string `json:"badLinks"`
	Rows      int      `json:"rows"`
	Shown     int      `json:"shown"`
	HasRLO    bool     `json:"hasRLO"`
	Markers   bool     `json:"markers"`
	CountText string   `json:"countText"`
	Scripts   int      `json:"scripts"`
}

const checkJS = `(() => {
  const rows = Array.from(document.querySelectorAll("#table tbody tr"));
  return {
    title: document.title,
    pwned: Object.keys(window).filter(k => k.startsWith("__pwned")),
    badLinks: Array.from(document.querySelectorAll("[href],[src],[action],[formaction]"))
      .map(e => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action") || e.getAttribute("formaction"))
      .filter(h => !/^(https?:\/\/|#)/i.test(h)),
    rows: rows.length,
    shown: rows.filter(r => !r.hidden).length,
    hasRLO: document.body.innerText.includes("\u202e") || document.body.innerHTML.includes("\u202e"),
    markers: document.body.innerText.includes("⟪U+202E⟫"),
    countText: document.getElementById("f-count") ? document.getElementById("f-count").textContent : "",
    scripts: document.scripts.length,
  };
})()`

// shownRows returns severity, scanner and text of the rows the table shows.
const shownRowsJS = `Array.from(document.querySelectorAll("#table tbody tr")).filter(r => !r.hidden)
  .map(r => [r.cells[0].textContent, r.cells[1].textContent, r.cells[3].textContent])`

func TestHTMLReportInBrowser(t *testing.T) {
	chrome := browserPath(t)
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.html")
	scanHTML(t, demo, "--offline", "--osv-db", demoDB, "../../testdata/demo")
	tree, checks := hostileReportTree(t)
	hostile := filepath.Join(dir, "hostile.html")
	scanHTML(t, hostile, "--scanners", "iac,secrets", "--iac-checks", checks, tree)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(filepath.Join(dir, "profile")))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox (CI containers)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	version, err := chromedp.Run(browserCtx, chromedp.Evaluate[string](`navigator.userAgent`))
	if err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	t.Logf("browser: %s (%s)", chrome, version)

	t.Run("demo", func(t *testing.T) {
		ctx, console := openReport(t, browserCtx, demo, false)
		_, findings, _ := jsonFindings(t, "--offline", "--osv-db", demoDB, "../../testdata/demo")
		var severities []string
		for _, f := range findings {
			severities = append(severities, f["severity"].(string))
		}
		c := pageCheck(t, ctx)
		if c.Rows != len(findings) || c.Shown != c.Rows || !strings.HasPrefix(c.Title, "tollgate: FAIL") {
			t.Errorf("demo page: %+v, want %d rows all shown", c, len(findings))
		}
		screenshot(t, ctx)
		filterBySeverity(t, ctx, severities)
		filterByText(t, ctx, "settings.env")
		sortByLocation(t, ctx)
		expandFinding(t, ctx)
		console.check(t)
		noScript(t, browserCtx, demo, len(findings))
	})

	t.Run("10000 findings", func(t *testing.T) {
		big := filepath.Join(dir, "big.html")
		scanHTML(t, big, "--scanners", "secrets", manySecretsTree(t, 100, 101))
		info, err := os.Stat(big)
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > 5<<20 {
			t.Errorf("report of 10,100 findings is %d bytes, budget 5 MiB", info.Size())
		}
		start := time.Now()
		ctx, console := openReport(t, browserCtx, big, false)
		loaded := time.Since(start)
		c := pageCheck(t, ctx)
		if c.Rows < 10000 || c.Shown != 100 {
			t.Errorf("big page: %d rows, %d shown; want >= 10,000 rows, one page of 100 shown", c.Rows, c.Shown)
		}
		start = time.Now()
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("f-text"), "svc3/")); err != nil {
			t.Fatal(err)
		}
		count, err := chromedp.Run(ctx, chromedp.Poll[string](`(t => t.startsWith("1010 of") ? t : null)(document.getElementById("f-count").textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		filtered := time.Since(start)
		if shown := pageCheck(t, ctx).Shown; shown != 100 {
			t.Errorf("after the search: %q, %d rows shown, want a page of 100", count, shown)
		}
		t.Logf("%d findings: %d bytes; loaded and scripted in %v; search (typing, debounce, filter) in %v", c.Rows, info.Size(),
			loaded.Round(time.Millisecond), filtered.Round(time.Millisecond))
		console.check(t)
	})

	t.Run("hostile", func(t *testing.T) {
		// Once as shipped, once with the CSP bypassed: the escaping alone
		// must stop every payload, the CSP is a second wall.
		for _, bypassCSP := range []bool{false, true} {
			ctx, console := openReport(t, browserCtx, hostile, bypassCSP)
			c := pageCheck(t, ctx)
			if len(c.Pwned) > 0 || !strings.HasPrefix(c.Title, "tollgate: FAIL") || len(c.BadLinks) > 0 || c.Scripts != 2 {
				t.Errorf("bypassCSP=%v: a payload got through: %+v", bypassCSP, c)
			}
			if c.HasRLO || !c.Markers {
				t.Errorf("bypassCSP=%v: the right-to-left override is not shown as a marker: %+v", bypassCSP, c)
			}
			if c.Rows < 5 {
				t.Errorf("bypassCSP=%v: %d rows, the hostile tree has at least 5 findings", bypassCSP, c.Rows)
			}
			// Open every finding (copies the rule details in) and look again.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true)`)); err != nil {
				t.Fatal(err)
			}
			time.Sleep(200 * time.Millisecond)
			if c := pageCheck(t, ctx); len(c.Pwned) > 0 || !strings.HasPrefix(c.Title, "tollgate: FAIL") || len(c.BadLinks) > 0 {
				t.Errorf("bypassCSP=%v: after expanding: %+v", bypassCSP, c)
			}
			rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](shownRowsJS))
			if err != nil {
				t.Fatal(err)
			}
			var medium int
			for _, r := range rows {
				if r[0] == "MEDIUM" {
					medium++
				}
			}
			if medium == 0 {
				t.Fatalf("no MEDIUM row (the user check) in %v", rows)
			}
			selectSeverity(t, ctx, "MEDIUM")
			rows, err = chromedp.Run(ctx, chromedp.Evaluate[[][]string](shownRowsJS))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != medium || slices.ContainsFunc(rows, func(r []string) bool { return r[0] != "MEDIUM" }) {
				t.Errorf("after choosing MEDIUM the table shows %v, want the %d MEDIUM rows", rows, medium)
			}
			console.check(t)
		}
	})
}

// scanHTML runs the CLI to write an HTML report; the gate fails (exit 1)
// on both trees.
func scanHTML(t *testing.T, out string, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	full := append([]string{"scan", "-q", "-f", "html", "-o", out}, args...)
	if code := run(context.Background(), full, &stdout, &stderr); code != 1 {
		t.Fatalf("tollgate %v: exit %d\n%s", full, code, stderr.String())
	}
}

// consoleLog collects what a page writes to the console: calls of the
// console API, uncaught exceptions and browser log entries (CSP
// violations are those).
type consoleLog struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

func (c *consoleLog) check(t *testing.T) {
	t.Helper()
	time.Sleep(100 * time.Millisecond) // let the last events arrive
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.msgs {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
			t.Errorf("console %s", m)
		}
	}
}

// openReport opens the file in a new tab and waits for the script to have
// run (it fills the filter's count).
func openReport(t *testing.T, browserCtx context.Context, file string, bypassCSP bool) (context.Context, *consoleLog) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	log := &consoleLog{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			log.mu.Lock()
			log.msgs = append(log.msgs, m)
			log.mu.Unlock()
		}
	}()
	u := url.URL{Scheme: "file", Path: file}
	steps := []chromedp.Action[chromedp.Void]{}
	if bypassCSP {
		steps = append(steps, cdpVoid(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
			return err
		}))
	}
	steps = append(steps, chromedp.Navigate(u.String()), chromedp.WaitVisible(chromedp.ID("filters")))
	tctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if err := chromedp.Do(tctx, steps...); err != nil {
		t.Fatalf("loading %s: %v", file, err)
	}
	return ctx, log
}

// noScript opens the report with JavaScript off: every row is laid out,
// the filter bar (useless without the script) stays hidden.
func noScript(t *testing.T, browserCtx context.Context, file string, rows int) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	defer cancel()
	u := url.URL{Scheme: "file", Path: file}
	err := chromedp.Do(ctx, cdpVoid(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(u.String()), chromedp.WaitReady(chromedp.ID("table")))
	if err != nil {
		t.Fatal(err)
	}
	type state struct {
		Laid   int  `json:"laid"`
		Filter bool `json:"filter"`
		Ran    bool `json:"ran"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[state](`({
	  laid: Array.from(document.querySelectorAll("#table tbody tr")).filter(r => r.getClientRects().length > 0).length,
	  filter: !document.getElementById("filters").hidden,
	  ran: document.documentElement.classList.contains("js"),
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Laid != rows || got.Filter || got.Ran {
		t.Errorf("without JavaScript: %+v, want all %d rows laid out, no filter bar, no script run", got, rows)
	}
}

func cdpVoid(f func(context.Context, *chromedp.Target) error) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		return chromedp.Void{}, f(ctx, t)
	}
}

func pageCheck(t *testing.T, ctx context.Context) browserCheck {
	t.Helper()
	c, err := chromedp.Run(ctx, chromedp.Evaluate[browserCheck](checkJS))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// selectSeverity types the severity into the severity menu, as a keyboard
// user does (the menu's change event runs the filter). A menu's type-ahead
// remembers keys for a second, so only the first choice in a tab is typed;
// chooseSeverity makes the others.
func selectSeverity(t *testing.T, ctx context.Context, sev string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("f-sev"), sev)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-sev")))
	if err != nil || got != sev {
		t.Fatalf("severity menu = %q (%v), want %q", got, err, sev)
	}
}

// chooseSeverity picks an option of the severity menu as a mouse user
// does: the value changes and the menu fires change.
func chooseSeverity(t *testing.T, ctx context.Context, sev string) {
	t.Helper()
	js := fmt.Sprintf(`(s => { s.value = %q; s.dispatchEvent(new Event("change")); })(document.getElementById("f-sev"))`, sev)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](js)); err != nil {
		t.Fatal(err)
	}
}

// filterBySeverity chooses severities in turn: the table shows exactly the
// findings of each.
func filterBySeverity(t *testing.T, ctx context.Context, severities []string) {
	t.Helper()
	for i, sev := range []string{"HIGH", "LOW", "CRITICAL"} {
		want := 0
		for _, s := range severities {
			if s == sev {
				want++
			}
		}
		if i == 0 {
			selectSeverity(t, ctx, sev)
		} else {
			chooseSeverity(t, ctx, sev)
		}
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](shownRowsJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != want || want == 0 || slices.ContainsFunc(rows, func(r []string) bool { return r[0] != sev }) {
			t.Errorf("severity %s: table shows %v, want the %d %s rows", sev, rows, want, sev)
		}
	}
	chooseSeverity(t, ctx, "")
}

// filterByText types into the search box and waits out its debounce.
func filterByText(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("f-text"), text), chromedp.Sleep(400*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](shownRowsJS))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || slices.ContainsFunc(rows, func(r []string) bool { return !strings.Contains(r[2], text) }) {
		t.Errorf("search %q: table shows %v", text, rows)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(s => { s.value = ""; s.dispatchEvent(new Event("input")); })(document.getElementById("f-text"))`), chromedp.Sleep(400*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
}

// sortByLocation clicks the Location column head: rows come in path order.
func sortByLocation(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-key="loc"] button`))); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#table tbody tr")).map(r => r.cells[3].textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	sorted, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#table tbody tr")).map(r => r.cells[3].textContent).sort((a, b) => a.localeCompare(b))`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows, sorted) || len(rows) == 0 {
		t.Errorf("after sorting by location: %v", rows)
	}
}

// expandFinding opens a dependency finding: its rule details (description,
// references) are copied in.
func expandFinding(t *testing.T, ctx context.Context) {
	t.Helper()
	sel := `#table tbody tr:has(a[href^="#g"]) summary`
	// The toggle event comes after the click returns.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#table details[open] .inline-rule").length`))
	if err != nil || n != 1 {
		t.Errorf("expanded findings with rule details = %d (%v), want 1", n, err)
	}
}

// screenshot saves the demo report as the README's picture with -update;
// otherwise it checks the committed one is a PNG of a sensible size (each
// browser renders slightly differently, so pixels are not compared).
func screenshot(t *testing.T, ctx context.Context) {
	t.Helper()
	shot, err := chromedp.Run(ctx, cdpShot())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(screenshotFile, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile(screenshotFile)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s is missing: run go test ./cmd/tollgate -run TestHTMLReportInBrowser -update", screenshotFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"committed": committed, "new": shot} {
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s screenshot: %v", name, err)
		}
		if r := img.Bounds(); r.Dx() < 1000 || r.Dy() < 800 || len(b) < 50<<10 {
			t.Errorf("%s screenshot is %v, %d bytes: too small to show the report", name, r, len(b))
		}
	}
	if ratio := float64(len(shot)) / float64(len(committed)); ratio < 0.5 || ratio > 2 {
		t.Errorf("screenshot is %d bytes, the committed one %d: the page looks different (run with -update if on purpose)", len(shot), len(committed))
	}
}

// cdpShot captures the first screen of the page at a fixed size, so the
// picture does not depend on the window manager.
func cdpShot() chromedp.Action[[]byte] {
	return func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		if _, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 1500, DeviceScaleFactor: 1}); err != nil {
			return nil, err
		}
		return chromedp.CaptureScreenshot()(ctx, t)
	}
}
