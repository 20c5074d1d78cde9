package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/scanner"
)

// gitlabSchemas is GitLab's published security-report schemas (test data
// outside the repository; tests skip when it is absent, CI has it).
const gitlabSchemas = "../../shared/schemas/gitlab/15.2.1"

func gitlabSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	p := filepath.Join(gitlabSchemas, name)
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("GitLab schemas not found (%v)", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateGitLab checks a report against its schema, and that it holds want
// vulnerabilities.
func validateGitLab(t *testing.T, schema *jsonschema.Schema, out []byte, want int) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("does not match GitLab's schema: %v\n%s", err, out)
	}
	var doc struct {
		Vulnerabilities []json.RawMessage `json:"vulnerabilities"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Vulnerabilities) != want {
		t.Errorf("%d vulnerabilities, want %d", len(doc.Vulnerabilities), want)
	}
}

func TestGitLabReportsMatchTheSchemas(t *testing.T) {
	for _, tc := range []struct {
		format, schema string
		want           int // the fixture's findings of that scanner, less excepted ones
	}{
		{"gitlab-secrets", "secret-detection-report-format.json", 0},
		{"gitlab-deps", "dependency-scanning-report-format.json", 1},
		{"gitlab-sast", "sast-report-format.json", 2},
	} {
		t.Run(tc.format, func(t *testing.T) {
			s := gitlabSchema(t, tc.schema)
			validateGitLab(t, s, render(t, tc.format, fixture()), tc.want)

			// A secret found in history carries its commit; one with an
			// UNKNOWN severity is ranked as the gate treats it.
			r := fixture()
			for i := range r.Result.Findings {
				r.Result.Findings[i].Gate = nil
				r.Result.Findings[i].Severity = scanner.SeverityUnknown
				r.Result.Findings[i].Properties = map[string]any{"commit": "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "author": "dev", "cvss_vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
			}
			r.UnknownAs = scanner.SeverityHigh
			out := render(t, tc.format, r)
			validateGitLab(t, s, out, map[string]int{"gitlab-secrets": 1, "gitlab-deps": 1, "gitlab-sast": 2}[tc.format])
			if !strings.Contains(string(out), `"severity": "High"`) {
				t.Error("UNKNOWN not ranked as --unknown-severity")
			}
			if tc.format == "gitlab-secrets" && !strings.Contains(string(out), "4b825dc642cb6eb9a060e54bf8d69288fbee4904") {
				t.Error("commit of a history finding lost")
			}
		})
	}
}
