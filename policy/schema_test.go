package policy_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/policy/inputschema"
	"github.com/tollgate-dev/tollgate/scanner"
)

func TestInputMatchesSchema(t *testing.T) {
	exp := time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
	direct := true
	res := result(
		depFinding("GHSA-35jh-r3h4-6jhm", []string{"CVE-2021-23337"}, "lodash", "4.17.20"),
		finding("aws-key", scanner.SeverityHigh, "legacy/old.env"),
		scanner.Finding{Scanner: "iac", RuleID: "TG-K8S-0001", Title: "privileged", Severity: scanner.SeverityCritical, Score: 9.1,
			Location: scanner.Location{Path: "k8s/a.yaml", StartLine: 3, StartColumn: 5, EndLine: 4, EndColumn: 9}, Evidence: "Pod/x",
			Properties: map[string]any{"resource": "Pod/default/x"}},
	)
	res.Findings[0].Package.Direct = &direct
	res.Findings[0].Package.FixedVersions = []string{"4.17.21"}
	res.Findings[0].Package.Fix = "4.17.21"
	res.Errors = []scanner.ScanError{{Scanner: "deps", Err: errors.New("broken lockfile")}}
	res.Scanners = []scanner.ScannerStats{{Name: "deps", Extra: map[string]any{"db": map[string]any{"dir": "/db", "ecosystems": map[string]any{"npm": map[string]any{"age_seconds": 10, "fetched_at": "2026-11-25T00:00:00Z"}}}}}}
	ex := &policy.Exceptions{Entries: []policy.ExceptionEntry{{Exception: scanner.Exception{ID: "aws-key", Reason: "rotated", Owner: "o", Expires: &exp, Source: ".tollgate.yaml:2"}, RuleID: "aws-key"}}}
	in := policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), ToolVersion: "v1", Now: now, Exceptions: ex, Baseline: policy.Baseline{}})
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := inputschema.Validate(raw); err != nil {
		t.Fatalf("input does not match input.schema.json: %v\n%s", err, raw)
	}
	// The schema must reject what the gate would misread.
	var bad map[string]any
	_ = json.Unmarshal(raw, &bad)
	bad["findings"].([]any)[0].(map[string]any)["severity"] = "SEVERE"
	b, _ := json.Marshal(bad)
	if inputschema.Validate(b) == nil {
		t.Error("schema accepted an unknown severity")
	}
}
