package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/tollgate-dev/tollgate/report"
)

// TestSARIFMatchesOfficialSchema validates the golden SARIF and a SARIF with
// no findings against the official SARIF 2.1.0 JSON schema (a copy of the
// OASIS file is in testdata).
func TestSARIFMatchesOfficialSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	empty := fixture()
	empty.Result.Findings = nil
	empty.Result.Errors = nil
	for name, raw := range map[string][]byte{"full": render(t, "sarif", fixture()), "empty": render(t, "sarif", empty)} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s SARIF does not match the schema: %v", name, err)
		}
	}
}

// TestSARIFMultitoolAcceptsIt runs Microsoft's SARIF multitool (validate,
// GitHub and SARIF rule kinds) over our output and fails on any error or
// warning. .ci/run installs the tool and sets TOLLGATE_SARIF_MULTITOOL to
// its native binary; without it the test skips.
func TestSARIFMultitoolAcceptsIt(t *testing.T) {
	tool := os.Getenv("TOLLGATE_SARIF_MULTITOOL")
	if tool == "" {
		t.Skip("TOLLGATE_SARIF_MULTITOOL not set (.ci/run installs @microsoft/sarif-multitool)")
	}
	dir := t.TempDir()
	empty := fixture()
	empty.Result.Findings = nil
	for name, rep := range map[string]*report.Report{"full": fixture(), "empty": empty} {
		in := filepath.Join(dir, name+".sarif")
		if err := os.WriteFile(in, render(t, "sarif", rep), 0o644); err != nil {
			t.Fatal(err)
		}
		ValidateWithMultitool(t, tool, in)
	}
}

// ValidateWithMultitool fails t if the multitool reports an error or a
// warning for file. The tool exits 0 even when it finds problems, so its
// output log is read back and counted.
func ValidateWithMultitool(t *testing.T, tool, file string) {
	t.Helper()
	out := file + ".validation.sarif"
	cmd := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning", "-o", out, file)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("multitool: %v\n%s", err, b)
	}
	if strings.Contains(string(b), "skipped entirely") {
		t.Fatalf("multitool could not read %s:\n%s", file, b)
	}
	raw, err := os.ReadFile(out)
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
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if r.Level == "" || r.Level == "error" || r.Level == "warning" { // "" defaults to warning
				t.Errorf("%s: multitool %s %s\n%s", filepath.Base(file), r.Level, r.RuleID, b)
			}
		}
	}
}
