// Package sarifcheck validates SARIF files in tests: against the official
// SARIF 2.1.0 JSON schema (embedded, from OASIS) and, when the environment
// provides it, with Microsoft's SARIF multitool using the GitHub and SARIF
// rule kinds. It is for tests only.
package sarifcheck

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed sarif-schema-2.1.0.json
var schemaJSON []byte

// EnvMultitool names the variable holding the multitool's native binary;
// .ci/run installs the tool and sets it.
const EnvMultitool = "TOLLGATE_SARIF_MULTITOOL"

// Schema fails t unless raw is valid against the SARIF 2.1.0 schema.
func Schema(t testing.TB, raw []byte) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF does not match the 2.1.0 schema: %v", err)
	}
}

// Multitool runs `Sarif.Multitool validate --rule-kind "Gh;Sarif"` on raw
// and fails t on any error or warning. It skips t when EnvMultitool is
// unset. The tool exits 0 even when it finds problems and says nothing
// about files it cannot read, so its log is parsed and counted.
func Multitool(t testing.TB, raw []byte) {
	t.Helper()
	tool := os.Getenv(EnvMultitool)
	if tool == "" {
		t.Skip(EnvMultitool + " not set (.ci/run installs @microsoft/sarif-multitool)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "input.sarif") // the tool skips other extensions
	if err := os.WriteFile(in, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "validation.sarif")
	b, err := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning", "-o", out, in).CombinedOutput()
	if err != nil {
		t.Fatalf("multitool: %v\n%s", err, b)
	}
	if strings.Contains(string(b), "skipped entirely") {
		t.Fatalf("multitool could not read the SARIF:\n%s", b)
	}
	logRaw, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("multitool wrote no log: %v\n%s", err, b)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
				Level  string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(logRaw, &log); err != nil {
		t.Fatal(err)
	}
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if r.Level == "" || r.Level == "error" || r.Level == "warning" { // absent means warning
				t.Errorf("multitool %s %s\n%s", r.Level, r.RuleID, b)
			}
		}
	}
}
