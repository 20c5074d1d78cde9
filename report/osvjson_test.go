package report_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/osv-scanner/v2/pkg/models"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestOSVJSONSchema reads the osv-json report back with osv-scanner's own
// models (as a dashboard built on osv-scanner output would) and checks
// the documented field names of its JSON output.
func TestOSVJSONSchema(t *testing.T) {
	r := fixture()
	// An excepted dependency finding is left out, as osv-scanner leaves
	// out ignored advisories.
	excepted := r.Result.Findings[0]
	excepted.RuleID, excepted.Fingerprint = "GHSA-xxxx-yyyy-zzzz", "fp-excepted"
	excepted.Gate = &scanner.GateStatus{New: true, Exception: &scanner.Exception{ID: "GHSA-xxxx-yyyy-zzzz", Reason: "r"}}
	r.Result.Findings = append(r.Result.Findings, excepted)
	raw := render(t, "osv-json", r)

	var res models.VulnerabilityResults
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("osv-scanner's models cannot read the report: %v", err)
	}
	flat := res.Flatten()
	if len(flat) != 1 {
		t.Fatalf("%d vulnerabilities, want the one open dependency finding", len(flat))
	}
	v := flat[0]
	got := []string{v.Source.String(), v.Package.Ecosystem, v.Package.Name, v.Package.Version, v.Vulnerability.GetId(), v.Vulnerability.GetAliases()[0], v.GroupInfo.IndexString(), v.GroupInfo.MaxSeverity}
	want := []string{"lockfile:/src/project/web/package-lock.json", "npm", "lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm", "CVE-2021-23337", "GHSA-35jh-r3h4-6jhm", "7.2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// The field names osv-scanner documents for --format json.
	var doc struct {
		Results []struct {
			Source struct {
				Path string `json:"path"`
				Type string `json:"type"`
			} `json:"source"`
			Packages []struct {
				Package struct {
					Name      string `json:"name"`
					Version   string `json:"version"`
					Ecosystem string `json:"ecosystem"`
				} `json:"package"`
				Vulnerabilities []map[string]any `json:"vulnerabilities"`
				Groups          []struct {
					IDs         []string `json:"ids"`
					Aliases     []string `json:"aliases"`
					MaxSeverity string   `json:"max_severity"`
				} `json:"groups"`
			} `json:"packages"`
		} `json:"results"`
		ExperimentalConfig map[string]any `json:"experimental_config"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Results) != 1 || doc.Results[0].Source.Type != "lockfile" || doc.ExperimentalConfig == nil {
		t.Fatalf("document shape: %s", raw)
	}
	p := doc.Results[0].Packages[0]
	if p.Package.Name != "lodash" || len(p.Groups) != 1 || p.Groups[0].MaxSeverity != "7.2" || p.Vulnerabilities[0]["id"] != "GHSA-35jh-r3h4-6jhm" {
		t.Errorf("package entry: %+v", p)
	}
}
