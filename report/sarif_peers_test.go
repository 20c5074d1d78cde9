package report_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// TestSARIFRulePeerIDs: the ids of the equivalent trivy, checkov and KICS
// checks, which the IaC scanner puts in a finding's peer_ids property, are
// also properties of the SARIF rule.
func TestSARIFRulePeerIDs(t *testing.T) {
	peers := map[string][]string{"trivy": {"AVD-AWS-0107"}, "checkov": {"CKV_AWS_24"}}
	f := scanner.Finding{Scanner: "iac", RuleID: "TG-AWS-0010", Title: "Security group allows SSH from the internet", Severity: scanner.SeverityCritical,
		Location: scanner.Location{Path: "main.tf", StartLine: 3}, Evidence: "aws_security_group.sg", Aliases: []string{"AVD-AWS-0107", "CKV_AWS_24"},
		Properties: map[string]any{"peer_ids": peers}}
	f.Fingerprint = scanner.Fingerprint(f.RuleID, f.Location.Path, f.Evidence)
	r := &report.Report{ToolName: "tollgate", ToolVersion: "v0.1.0", Scanners: []string{"iac"}, FailOn: "high",
		Result: &scanner.Result{Root: "/src", Findings: []scanner.Finding{f}, Started: time.Unix(0, 0).UTC()}}
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string `json:"id"`
						Properties struct {
							PeerIDs map[string][]string `json:"peer_ids"`
						} `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", r), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) == 0 || len(doc.Runs[0].Tool.Driver.Rules) != 1 {
		t.Fatalf("want one run with one rule: %+v", doc)
	}
	if d := cmp.Diff(peers, doc.Runs[0].Tool.Driver.Rules[0].Properties.PeerIDs); d != "" {
		t.Errorf("rule peer_ids (-want +got):\n%s", d)
	}
}
