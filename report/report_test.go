package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture is a small but complete report: every scanner kind, a
// suppressed finding, a baseline finding, a scanner error, deny and warn.
func fixture() *report.Report {
	expires := time.Date(2027, 1, 31, 23, 59, 59, 0, time.UTC)
	lapsed := time.Date(2026, 11, 1, 23, 59, 59, 0, time.UTC)
	direct := true
	fs := []scanner.Finding{
		{Scanner: "deps", RuleID: "GHSA-35jh-r3h4-6jhm", Title: "Command injection in lodash", Description: "lodash before 4.17.21 is vulnerable to command injection via template.",
			Severity: scanner.SeverityHigh, Score: 7.2, Location: scanner.Location{Path: "web/package-lock.json", StartLine: 12},
			Package: &scanner.Package{Ecosystem: "npm", Name: "lodash", Version: "4.17.20", PURL: "pkg:npm/lodash@4.17.20", FixedVersions: []string{"4.17.21"}, Fix: "4.17.21", Direct: &direct, UpgradeTo: "4.17.21"},
			Aliases: []string{"CVE-2021-23337"}, References: []string{"https://nvd.nist.gov/vuln/detail/CVE-2021-23337"}, CWEs: []string{"CWE-94"},
			Evidence: "npm/lodash@4.17.20", Gate: &scanner.GateStatus{New: true, Exception: &scanner.Exception{ID: "CVE-2021-23337", Reason: "not reachable", Owner: "team-web",
				Expires: &lapsed, Expired: true, Source: ".tollgate.yaml:5"}}},
		{Scanner: "secrets", RuleID: "github-pat-classic", Title: "GitHub personal access token (classic)", Severity: scanner.SeverityHigh,
			Location: scanner.Location{Path: "config/app env.yaml", StartLine: 4, StartColumn: 15, EndLine: 4, EndColumn: 55},
			Snippet:  `token: "ghp_****"`, Evidence: "3f1c0ffee", Remediation: "Revoke the token and load it from a secret store.",
			Gate: &scanner.GateStatus{New: true, Exception: &scanner.Exception{ID: "github-pat-classic", Reason: "test token, revoked", Owner: "team-platform", Expires: &expires, Source: ".tollgate.yaml:2"}}},
		{Scanner: "iac", RuleID: "TG-K8S-0001", Title: "Container runs privileged", Severity: scanner.SeverityCritical,
			Location: scanner.Location{Path: "deploy/app.yaml", StartLine: 20, EndLine: 21}, Evidence: "Deployment/default/web/app",
			Tags: []string{"kubernetes"}, Gate: &scanner.GateStatus{New: false}},
		{Scanner: "iac", RuleID: "TG-DOCKER-0001", Title: "Image runs as root", Severity: scanner.SeverityMedium,
			Location: scanner.Location{Path: "Dockerfile"}, Evidence: "stage/0", Gate: &scanner.GateStatus{New: true}},
	}
	for i := range fs {
		fs[i].Fingerprint = scanner.Fingerprint(fs[i].RuleID, fs[i].Location.Path, fs[i].Evidence)
	}
	res := &scanner.Result{
		Root: "/src/project", Findings: fs, Started: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), Duration: 1500 * time.Millisecond,
		Scanners: []scanner.ScannerStats{{Name: "deps", Files: 1, Bytes: 900}, {Name: "secrets", Files: 3, Bytes: 2048}, {Name: "iac", Files: 2, Bytes: 700, Error: "deploy/bad.yaml:3: yaml: did not find expected key"}},
		Walk: scanner.WalkStats{Files: 10, Scanned: 5, Bytes: 3648, Skipped: scanner.SkipCounts{ExcludedDirs: 1, Binary: 2, Unreadable: 1},
			Diagnostics: []scanner.Diagnostic{{Path: "secrets/locked.env", Reason: "unreadable: permission denied"}}},
		Errors: []scanner.ScanError{{Scanner: "iac", Err: errors.New("deploy/bad.yaml:3: yaml: did not find expected key")}},
	}
	// The token's line starts with CJK text: 14 bytes but 10 UTF-16 code
	// units before the token, so SARIF's columns are 11..51, not 15..55.
	src := fstest.MapFS{"config/app env.yaml": {Data: []byte("a: 1\nb: 2\nc: 3\n設定 token: ghp_0000000000000000000000000000000000fake\n")}}
	return &report.Report{
		Source:   src,
		ToolName: "tollgate", ToolVersion: "v0.1.0", Result: res, Scanners: []string{"deps", "secrets", "iac"}, FailOn: "high",
		Decision: scanner.Decision{Pass: false,
			Deny: []scanner.Reason{{Msg: "HIGH GHSA-35jh-r3h4-6jhm at web/package-lock.json:12: Command injection in lodash", Rule: "severity-threshold", Fingerprints: []string{fs[0].Fingerprint}, Policy: "default.rego:24"}},
			Warn: []scanner.Reason{{Msg: "exception old-id matched no finding (stale, .tollgate.yaml:9)", Rule: "stale-exception", Policy: "default.rego:57"}}},
	}
}

func render(t *testing.T, format string, r *report.Report) []byte {
	t.Helper()
	w, err := report.New(format, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			if format == "template" {
				t.Skip("needs a template file: TestContribTemplates has its goldens")
			}
			checkGolden(t, filepath.Join("testdata", "report."+format+".golden"), render(t, format, fixture()))
		})
	}
}

// checkGolden compares got with the golden file (-update rewrites it).
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", golden, d)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := report.New("xml", report.Options{}); !errors.Is(err, report.ErrUnknownFormat) {
		t.Fatalf("err = %v", err)
	}
}

// sarifDoc is the part of SARIF the structure test checks.
type sarifDoc struct {
	Version string `json:"version"`
	Schema  string `json:"$schema"`
	Runs    []struct {
		AutomationDetails struct{ ID string } `json:"automationDetails"`
		Invocations       []struct {
			ExecutionSuccessful *bool `json:"executionSuccessful"`
		} `json:"invocations"`
		Tool struct {
			Driver struct {
				Rules []struct {
					ID               string `json:"id"`
					ShortDescription *struct{ Text string }
					Help             *struct{ Text, Markdown string }
					Properties       map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Properties map[string]any `json:"properties"`
		Results    []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           *int              `json:"ruleIndex"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []map[string]any  `json:"suppressions"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFStructure(t *testing.T) {
	raw := render(t, "sarif", fixture())
	var doc sarifDoc
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "2.1.0" || !strings.Contains(doc.Schema, "sarif") {
		t.Errorf("version %q schema %q", doc.Version, doc.Schema)
	}
	if len(doc.Runs) != 3 {
		t.Fatalf("runs = %d, want one per scanner", len(doc.Runs))
	}
	ids := map[string]bool{}
	for _, run := range doc.Runs {
		if run.AutomationDetails.ID == "" || ids[run.AutomationDetails.ID] {
			t.Errorf("automationDetails.id %q missing or repeated", run.AutomationDetails.ID)
		}
		ids[run.AutomationDetails.ID] = true
		if run.Properties["tollgate"] == nil {
			t.Error("decision missing from run properties")
		}
		for _, rule := range run.Tool.Driver.Rules {
			if rule.ShortDescription == nil || rule.Help == nil || rule.Help.Markdown == "" || rule.Properties["security-severity"] == nil || rule.Properties["tags"] == nil {
				t.Errorf("rule %s incomplete", rule.ID)
			}
		}
		for _, res := range run.Results {
			if len(res.Locations) == 0 {
				t.Errorf("%s: result without location", res.RuleID)
			}
			for _, l := range res.Locations {
				u := l.PhysicalLocation.ArtifactLocation
				if u.URIBaseID != "%SRCROOT%" || strings.HasPrefix(u.URI, "/") || strings.Contains(u.URI, "://") || strings.Contains(u.URI, " ") {
					t.Errorf("%s: location %+v is not a relative URI under %%SRCROOT%%", res.RuleID, u)
				}
			}
			if res.PartialFingerprints[report.SARIFFingerprintKey] == "" {
				t.Errorf("%s: no fingerprint", res.RuleID)
			}
			if res.RuleIndex == nil || *res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
				t.Errorf("%s: bad ruleIndex", res.RuleID)
			}
		}
	}
	if got := *doc.Runs[2].Invocations[0].ExecutionSuccessful; got {
		t.Error("iac run had an error but executionSuccessful is true")
	}
	if got := *doc.Runs[0].Invocations[0].ExecutionSuccessful; !got {
		t.Error("deps run succeeded but executionSuccessful is false")
	}
	if s := doc.Runs[1].Results[0].Suppressions; len(s) != 1 || s[0]["kind"] != "external" || s[0]["justification"] != "test token, revoked" {
		t.Errorf("suppression = %v", s)
	}
	if bytes.Contains(raw, []byte("/src/project")) {
		t.Error("SARIF contains the absolute scan root")
	}
}

func TestSARIFTruncatesAtGitHubLimit(t *testing.T) {
	r := fixture()
	r.Result.Findings = nil
	for i := range 25010 {
		r.Result.Findings = append(r.Result.Findings, scanner.Finding{Scanner: "deps", RuleID: "R", Title: "t", Severity: scanner.Severity(i % 6),
			Location: scanner.Location{Path: "a", StartLine: i + 1}, Fingerprint: scanner.Fingerprint("R", "a", string(rune(i)))})
	}
	var doc sarifDoc
	if err := json.Unmarshal(render(t, "sarif", r), &doc); err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Runs[0].Results); n != 25000 {
		t.Errorf("results = %d, want 25000", n)
	}
}

func TestFindingOfUnlistedScannerIsNotDropped(t *testing.T) {
	r := fixture()
	r.Scanners = []string{"deps"} // secrets and iac findings have no listed scanner
	for _, format := range []string{"sarif", "junit"} {
		out := string(render(t, format, r))
		if !strings.Contains(out, "github-pat-classic") || !strings.Contains(out, "TG-K8S-0001") {
			t.Errorf("%s dropped findings of unlisted scanners", format)
		}
	}
}
