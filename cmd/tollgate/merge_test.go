package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeRepo writes a tree the fake scanner reads (one "FINDING SEV rule"
// line per finding in .txt files) into dir/name and returns its path.
func fakeRepo(t *testing.T, dir, name string, files map[string]string) string {
	t.Helper()
	root := filepath.Join(dir, name)
	for p, body := range files {
		writeFile(t, filepath.Join(root, filepath.FromSlash(p)), body)
	}
	return root
}

// fakeReport scans root with the fake scanner and writes its JSON report
// to dir/<name>.json.
func fakeReport(t *testing.T, dir, name, root string, extra ...string) string {
	t.Helper()
	out := filepath.Join(dir, name+".json")
	r := runCLI(t, scanArgs(append(extra, "--report", "json="+out, "-f", "table", root)...)...)
	if r.code == 2 {
		t.Fatalf("scan %s: exit 2\n%s", root, r.stderr)
	}
	return out
}

// mergedJSON is the part of a merged JSON report the tests read.
type mergedJSON struct {
	Decision struct {
		Pass bool `json:"pass"`
		Deny []struct {
			Msg          string   `json:"msg"`
			Fingerprints []string `json:"fingerprints"`
		} `json:"deny"`
	} `json:"decision"`
	Findings []struct {
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path string `json:"path"`
		} `json:"location"`
	} `json:"findings"`
	Policy struct {
		Digest             string `json:"digest"`
		InputSchemaVersion string `json:"input_schema_version"`
	} `json:"policy"`
	Sources []struct {
		Label         string         `json:"label"`
		File          string         `json:"file"`
		Pass          bool           `json:"pass"`
		Findings      int            `json:"findings"`
		Counts        map[string]int `json:"counts"`
		New           int            `json:"new"`
		Suppressed    int            `json:"suppressed"`
		Errors        int            `json:"errors"`
		LabelPrefixed bool           `json:"label_prefixed"`
		Mismatches    []string       `json:"mismatches"`
	} `json:"sources"`
	Mixed []string `json:"mixed"`
}

func readMerged(t *testing.T, file string) mergedJSON {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var m mergedJSON
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return m
}

// editReport rewrites a JSON report through edit.
func editReport(t *testing.T, file string, edit func(doc map[string]any)) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	if b, err = json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
	writeFile(t, file, string(b))
}

// TestScanRecordsPolicyDigestAndSchema: the JSON report says which policy
// decided and which input schema it read, so merge can compare; a
// different --policy changes the digest, the same policy from another
// folder does not.
func TestScanRecordsPolicyDigestAndSchema(t *testing.T) {
	dir := t.TempDir()
	repo := fakeRepo(t, dir, "repo", map[string]string{"a.txt": "FINDING LOW r1\n"})
	pol := "package tollgate.gate\n\nimport rego.v1\n\ndeny contains {\"msg\": \"no\"} if false\n"
	writeFile(t, filepath.Join(dir, "p1", "extra.rego"), pol)
	writeFile(t, filepath.Join(dir, "p2", "other-name.rego"), pol)
	plain := readMerged(t, fakeReport(t, dir, "plain", repo))
	p1 := readMerged(t, fakeReport(t, dir, "p1", repo, "--policy", filepath.Join(dir, "p1")))
	p2 := readMerged(t, fakeReport(t, dir, "p2", repo, "--policy", filepath.Join(dir, "p2", "other-name.rego")))
	if !strings.HasPrefix(plain.Policy.Digest, "sha256:") || plain.Policy.InputSchemaVersion != "1" {
		t.Fatalf("policy = %+v", plain.Policy)
	}
	if p1.Policy.Digest == plain.Policy.Digest {
		t.Error("an added policy did not change the digest")
	}
	if p1.Policy.Digest != p2.Policy.Digest {
		t.Error("the same policy under another name and folder changed the digest")
	}
}

// TestMergeLabelsAndPaths: reports scanned without --path-prefix get
// their label (the root's last folder, or --label) in front of their
// paths; fingerprints stay; sources are summarised; a --label REPORT
// missing from the arguments is added; two sources may not share a label.
func TestMergeLabelsAndPaths(t *testing.T) {
	dir := t.TempDir()
	a := fakeReport(t, dir, "a", fakeRepo(t, dir, "repo-a", map[string]string{"app.txt": "FINDING HIGH r1\nFINDING LOW r2\n"}))
	b := fakeReport(t, dir, "b", fakeRepo(t, dir, "repo-b", map[string]string{"app.txt": "FINDING HIGH r1\n"}))
	out := filepath.Join(dir, "merged.json")
	r := runCLI(t, "merge", "-q", "-f", "json", "-o", out, a, "--label", "billing="+b)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (HIGH findings)\n%s", r.code, r.stderr)
	}
	m := readMerged(t, out)
	var paths []string
	for _, f := range m.Findings {
		paths = append(paths, f.Location.Path)
	}
	if got, want := strings.Join(paths, " "), "billing/app.txt repo-a/app.txt repo-a/app.txt"; got != want {
		t.Errorf("paths = %s, want %s", got, want)
	}
	fps := map[string]bool{}
	for _, f := range append(readMerged(t, a).Findings, readMerged(t, b).Findings...) {
		fps[f.Fingerprint] = true
	}
	for _, f := range m.Findings {
		if !fps[f.Fingerprint] {
			t.Errorf("fingerprint %s of %s changed in the merge", f.Fingerprint, f.Location.Path)
		}
	}
	if len(m.Sources) != 2 || m.Sources[0].Label != "billing" || m.Sources[1].Label != "repo-a" {
		t.Fatalf("sources = %+v", m.Sources)
	}
	ra := m.Sources[1]
	if ra.Pass || ra.Findings != 2 || ra.Counts["HIGH"] != 1 || ra.Counts["LOW"] != 1 || ra.New != 2 || !ra.LabelPrefixed || ra.File != a {
		t.Errorf("repo-a source = %+v", ra)
	}
	if m.Policy.Digest == "" || len(m.Mixed) != 0 {
		t.Errorf("policy %+v, mixed %v", m.Policy, m.Mixed)
	}

	table := runCLI(t, "merge", a, "--label", "billing="+b)
	for _, want := range []string{"Sources (2):", "SOURCE", "billing", "repo-a", "FAILED", "Gate: FAILED"} {
		if !strings.Contains(table.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, table.stdout)
		}
	}
	if !strings.Contains(table.stderr, "merged 2 reports (2 failing alone)") {
		t.Errorf("stderr: %s", table.stderr)
	}
	md := runCLI(t, "merge", "-q", "-f", "markdown", a, "--label", "billing="+b)
	if !strings.Contains(md.stdout, "### Sources (2)") || !strings.Contains(md.stdout, "| repo-a | ❌ failed | 0 | 1 | 0 | 1 |") {
		t.Errorf("markdown:\n%s", md.stdout)
	}

	tmpl := filepath.Join(dir, "sources.tmpl")
	writeFile(t, tmpl, "{{range .Sources}}{{.Label}}={{.Verdict}} {{index .Counts \"HIGH\"}};{{end}}\n")
	if r := runCLI(t, "merge", "-q", "-f", "template", "--template", tmpl, a, "--label", "billing="+b); r.stdout != "billing=FAILED 1;repo-a=FAILED 1;\n" {
		t.Errorf("template over .Sources: %q", r.stdout)
	}

	// A folder stands for the reports in it.
	folder := filepath.Join(dir, "reports")
	for _, f := range []string{a, b} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(folder, filepath.Base(f)), string(raw))
	}
	writeFile(t, filepath.Join(folder, "notes.txt"), "not a report\n")
	if r := runCLI(t, "merge", "-q", "-f", "json", "-o", out, folder); r.code != 1 || len(readMerged(t, out).Sources) != 2 {
		t.Errorf("folder: exit %d\n%s", r.code, r.stderr)
	}
	if r := runCLI(t, "merge", "-q", t.TempDir()); r.code != 2 || !strings.Contains(r.stderr, "without *.json") {
		t.Errorf("empty folder: exit %d\n%s", r.code, r.stderr)
	}

	// Both roots end in "app": same default label.
	c := fakeReport(t, dir, "c", fakeRepo(t, filepath.Join(dir, "x"), "app", map[string]string{"a.txt": "FINDING LOW r\n"}))
	d := fakeReport(t, dir, "d", fakeRepo(t, filepath.Join(dir, "y"), "app", map[string]string{"a.txt": "FINDING LOW r\n"}))
	for name, args := range map[string][]string{
		"duplicate label":  {c, d},
		"label without =":  {c, "--label", "nolabel"},
		"bad label":        {c, "--label", "../up=" + c},
		"report twice":     {c, c},
		"labelled twice":   {c, "--label", "x=" + c, "--label", "y=" + c},
		"no reports":       {},
		"scan-only flag":   {c, "--scanners", "deps"},
		"bad fail-on":      {c, "--fail-on", "severe"},
		"unknown format":   {c, "-f", "pdf"},
		"missing baseline": {c, "--baseline", filepath.Join(dir, "nope.json")},
	} {
		r := runCLI(t, append([]string{"merge", "-q"}, args...)...)
		if r.code != 2 || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%s: exit %d, want 2\n%s", name, r.code, r.stderr)
		}
	}
	if r := runCLI(t, "merge", "-q", c, d); !strings.Contains(r.stderr, `label "app"`) || !strings.Contains(r.stderr, "--label NAME=REPORT") {
		t.Errorf("duplicate label message: %s", r.stderr)
	}
	if r := runCLI(t, "merge", "-q", "--label", "one="+c, "--label", "two="+d); r.code != 0 {
		t.Errorf("labels only: exit %d\n%s", r.code, r.stderr)
	}
}

// TestMergeRefusesMixedReports: a report of another tollgate major
// version, policy digest or input schema is refused with the file and the
// difference named; --allow-mixed merges it and flags the output.
func TestMergeRefusesMixedReports(t *testing.T) {
	dir := t.TempDir()
	a := fakeReport(t, dir, "a", fakeRepo(t, dir, "repo-a", map[string]string{"app.txt": "FINDING LOW r1\n"}))
	b := fakeReport(t, dir, "b", fakeRepo(t, dir, "repo-b", map[string]string{"app.txt": "FINDING LOW r2\n"}))
	c := fakeReport(t, dir, "c", fakeRepo(t, dir, "repo-c", map[string]string{"app.txt": "FINDING LOW r3\n"}))
	if r := runCLI(t, "merge", "-q", a, b, c); r.code != 0 {
		t.Fatalf("same version and policy: exit %d\n%s", r.code, r.stderr)
	}
	editReport(t, a, func(doc map[string]any) { doc["tool"].(map[string]any)["version"] = "v9.1.0" })
	editReport(t, b, func(doc map[string]any) { doc["policy"].(map[string]any)["digest"] = "sha256:0123456789abcdef" })
	editReport(t, c, func(doc map[string]any) { delete(doc, "policy") })
	r := runCLI(t, "merge", "-q", a, b, c)
	if r.code != 2 {
		t.Fatalf("mixed: exit %d, want 2\n%s", r.code, r.stderr)
	}
	for _, want := range []string{a + " (repo-a): tollgate v9.1.0 (major v9)", b + " (repo-b): policy digest sha256:0123456789ab",
		c + " (repo-c): records no policy digest", c + " (repo-c): records no policy input schema version", "--allow-mixed"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("message lacks %q:\n%s", want, r.stderr)
		}
	}
	// The merge's own policy differs from the scans': refused too.
	d := fakeReport(t, dir, "d", fakeRepo(t, dir, "repo-d", map[string]string{"app.txt": "FINDING LOW r4\n"}))
	writeFile(t, filepath.Join(dir, "pol", "p.rego"), "package tollgate.gate\n\nimport rego.v1\n\nwarn contains {\"msg\": \"hi\"} if true\n")
	if r := runCLI(t, "merge", "-q", d, "--policy", filepath.Join(dir, "pol")); r.code != 2 || !strings.Contains(r.stderr, "policy digest") {
		t.Errorf("merge with another policy: exit %d\n%s", r.code, r.stderr)
	}

	out := filepath.Join(dir, "mixed.json")
	r = runCLI(t, "merge", "-q", "--allow-mixed", "--report", "json="+out, a, b, c)
	if r.code != 0 || !strings.Contains(r.stdout, "MIXED: 4 difference(s)") {
		t.Fatalf("--allow-mixed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "merge", "-q", "--allow-mixed", "-f", "html", a, b, c); !strings.Contains(r.stdout, "mixed (--allow-mixed): tollgate v9.1.0") {
		t.Errorf("the HTML sources table does not flag the mix:\n%s", r.stdout)
	}
	m := readMerged(t, out)
	if len(m.Mixed) != 4 || len(m.Sources) != 3 || len(m.Sources[0].Mismatches) != 1 || len(m.Sources[2].Mismatches) != 2 {
		t.Errorf("mixed = %q, sources = %+v", m.Mixed, m.Sources)
	}
}

// TestMergeBadReports: a report that cannot be read, is not a tollgate
// JSON report, is cut short, is itself merged or holds a path outside
// its root is exit 2 naming the file; a report with a scanner error fails
// closed unless --allow-scanner-errors.
func TestMergeBadReports(t *testing.T) {
	dir := t.TempDir()
	good := fakeReport(t, dir, "good", fakeRepo(t, dir, "repo", map[string]string{"app.txt": "FINDING LOW r1\n"}))
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	merged := filepath.Join(dir, "merged.json")
	if r := runCLI(t, "merge", "-q", "-f", "json", "-o", merged, good); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	bad := map[string]string{
		"truncated.json": string(raw[:len(raw)/2]),
		"sarif.json":     `{"version": "2.1.0", "runs": []}`,
		"future.json":    strings.Replace(string(raw), `"schema_version": "1"`, `"schema_version": "2"`, 1),
		"escape.json":    strings.Replace(string(raw), `"path": "app.txt"`, `"path": "../../etc/passwd"`, 1),
		"nofp.json":      strings.Replace(string(raw), `"fingerprint": "`, `"fingerprint": "", "x": "`, 1),
	}
	wantMsg := map[string]string{"truncated.json": "line ", "sarif.json": "not a tollgate JSON report", "future.json": `schema_version "2"`,
		"escape.json": "not relative", "nofp.json": "no fingerprint"}
	for name, body := range bad {
		p := filepath.Join(dir, name)
		writeFile(t, p, body)
		r := runCLI(t, "merge", "-q", good, "--label", "other="+p)
		if r.code != 2 || !strings.Contains(r.stderr, p) || !strings.Contains(r.stderr, wantMsg[name]) || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%s: exit %d, want 2 naming the file and %q\n%s", name, r.code, wantMsg[name], r.stderr)
		}
	}
	for name, args := range map[string][]string{
		"missing":  {good, "--label", "x=" + filepath.Join(dir, "missing.json")},
		"merged":   {good, "--label", "x=" + merged},
		"too big":  {good, "--max-report-size", "100"},
		"a folder": {good, "--label", "x=" + dir},
	} {
		if r := runCLI(t, append([]string{"merge", "-q"}, args...)...); r.code != 2 || !strings.Contains(r.stderr, "unreadable report") {
			t.Errorf("%s: exit %d, want 2\n%s", name, r.code, r.stderr)
		}
	}

	// A scan with a scanner error exits 2 but still writes its report.
	broken := filepath.Join(dir, "broken.json")
	runCLI(t, scanArgs("--report", "json="+broken, fakeRepo(t, dir, "broken", map[string]string{"app.txt": "SCANNER_ERROR\n"}))...)
	r := runCLI(t, "merge", "-q", good, broken)
	if r.code != 2 || !strings.Contains(r.stderr, "broken: cannot parse") && !strings.Contains(r.stderr, "fake: broken:") {
		t.Errorf("scanner error in a report: exit %d\n%s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "allowed.json")
	r = runCLI(t, "merge", "-q", "--allow-scanner-errors", "-f", "json", "-o", out, good, broken)
	if r.code == 2 {
		t.Fatalf("--allow-scanner-errors: exit 2\n%s", r.stderr)
	}
	if m := readMerged(t, out); m.Sources[0].Label != "broken" || m.Sources[0].Errors != 1 {
		t.Errorf("sources = %+v", m.Sources)
	}
}

// TestMergeAppliesExceptionsAndBaseline: the merge gate applies its own
// exceptions file (paths as merged) and baseline, as scan does, to the
// union and to each source.
func TestMergeAppliesExceptionsAndBaseline(t *testing.T) {
	dir := t.TempDir()
	a := fakeReport(t, dir, "a", fakeRepo(t, dir, "repo-a", map[string]string{"app.txt": "FINDING HIGH weak-cipher\n"}))
	b := fakeReport(t, dir, "b", fakeRepo(t, dir, "repo-b", map[string]string{"app.txt": "FINDING HIGH weak-cipher\n"}))
	cfg := filepath.Join(dir, "org.yaml")
	writeFile(t, cfg, "exceptions:\n  - id: weak-cipher\n    path: repo-a/**\n    reason: legacy client, tracked in SEC-12\n    owner: team-crypto\n    expires: 2026-12-31\n")
	out := filepath.Join(dir, "merged.json")
	r := runCLI(t, "merge", "-q", "--config", cfg, "--report", "json="+out, a, b)
	if r.code != 1 || !strings.Contains(r.stdout, "repo-b/app.txt") || strings.Contains(r.stdout, "deny HIGH weak-cipher at repo-a") {
		t.Fatalf("exception on repo-a only: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	m := readMerged(t, out)
	if !m.Sources[0].Pass || m.Sources[0].Suppressed != 1 || m.Sources[1].Pass {
		t.Errorf("sources = %+v", m.Sources)
	}
	// Yesterday's merged report as the baseline: nothing is new.
	r = runCLI(t, "merge", "-q", "--baseline", out, "--report", "json="+out+".2", a, b)
	if r.code != 0 {
		t.Fatalf("with baseline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, s := range readMerged(t, out+".2").Sources {
		if s.New != 0 || !s.Pass {
			t.Errorf("with baseline, source %+v", s)
		}
	}
	// repo-c excepts the finding in its own .tollgate.yaml and passes
	// alone; repo-d has the identical finding (same fingerprint) and no
	// exception. Without --source-exceptions only the merge's own config
	// counts; with it, repo-c's exception covers repo-c's finding only.
	c := fakeRepo(t, dir, "repo-c", map[string]string{"app.txt": "FINDING HIGH weak-cipher\n",
		".tollgate.yaml": "exceptions:\n  - id: weak-cipher\n    reason: tracked in SEC-40\n    owner: team-c\n    expires: 2026-12-31\n"})
	if r := runCLI(t, scanArgs(c)...); r.code != 0 {
		t.Fatalf("repo-c alone: exit %d\n%s", r.code, r.stderr)
	}
	cr := fakeReport(t, dir, "c", c)
	dr := fakeReport(t, dir, "d", fakeRepo(t, dir, "repo-d", map[string]string{"app.txt": "FINDING HIGH weak-cipher\n"}))
	if r := runCLI(t, "merge", "-q", cr); r.code != 1 {
		t.Errorf("repo-c's own exception without --source-exceptions: exit %d, want 1\n%s", r.code, r.stdout)
	}
	if r := runCLI(t, "merge", "-q", "--source-exceptions", cr); r.code != 0 || !strings.Contains(r.stdout, "excepted: tracked in SEC-40") {
		t.Errorf("--source-exceptions: exit %d, want 0\n%s", r.code, r.stdout)
	}
	r = runCLI(t, "merge", "-q", "--source-exceptions", "--report", "json="+out+".3", cr, dr)
	if r.code != 1 || !strings.Contains(r.stdout, "repo-d/app.txt") {
		t.Errorf("repo-c's exception must not cover repo-d's identical finding: exit %d\n%s", r.code, r.stdout)
	}
	if m := readMerged(t, out+".3"); !m.Sources[0].Pass || m.Sources[0].Suppressed != 1 || m.Sources[1].Pass {
		t.Errorf("sources = %+v", m.Sources)
	}

	// --fail-on none passes the same union.
	if r := runCLI(t, "merge", "-q", "--fail-on", "none", a, b); r.code != 0 {
		t.Errorf("--fail-on none: exit %d\n%s", r.code, r.stderr)
	}
}
