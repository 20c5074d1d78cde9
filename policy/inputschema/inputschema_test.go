package inputschema_test

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/policy/inputschema"
	"github.com/tollgate-dev/tollgate/scanner"
)

func input(t *testing.T) map[string]any {
	t.Helper()
	res := &scanner.Result{Root: "/src", Findings: []scanner.Finding{{Scanner: "deps", RuleID: "GHSA-35jh-r3h4-6jhm",
		Title: "lodash", Severity: scanner.SeverityHigh, Location: scanner.Location{Path: "package-lock.json", StartLine: 3},
		Package: &scanner.Package{Ecosystem: "npm", Name: "lodash", Version: "4.17.20"}, Fingerprint: "fp"}}}
	in := policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), ToolVersion: "v1",
		Now: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), Baseline: policy.Baseline{}})
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestValidate: the schema compiled on demand accepts the gate's input and
// rejects what the gate would misread, through Validate and through one
// Validator used many times.
func TestValidate(t *testing.T) {
	v, err := inputschema.New()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		edit  func(doc map[string]any)
		valid bool
	}{
		"input as built":      {func(map[string]any) {}, true},
		"unknown severity":    {func(d map[string]any) { d["findings"].([]any)[0].(map[string]any)["severity"] = "SEVERE" }, false},
		"no schema version":   {func(d map[string]any) { delete(d, "schema_version") }, false},
		"findings not a list": {func(d map[string]any) { d["findings"] = "none" }, false},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			doc := input(t)
			c.edit(doc)
			raw, _ := json.Marshal(doc)
			for _, validate := range []func([]byte) error{inputschema.Validate, v.Validate, v.Validate} {
				if err := validate(raw); (err == nil) != c.valid {
					t.Errorf("valid = %v, got error %v", c.valid, err)
				}
			}
		})
	}
	if err := v.Validate([]byte("{not json")); err == nil || !strings.Contains(err.Error(), "policy input") {
		t.Errorf("not JSON: got %v", err)
	}
}

// TestPolicyDoesNotLinkJSONSchema: package policy (which the CLI links)
// must not import the JSON Schema library, whose package initialisation
// compiles its meta-schemas at every process start.
func TestPolicyDoesNotLinkJSONSchema(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/tollgate-dev/tollgate/policy").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if i := slices.IndexFunc(deps, func(p string) bool { return strings.HasPrefix(p, "github.com/santhosh-tekuri/jsonschema") }); i >= 0 {
		t.Errorf("package policy imports %s; keep schema validation in package inputschema", deps[i])
	}
}
