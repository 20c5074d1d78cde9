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

// TestGitLabSASTPeerIDs: the peer ids an IaC finding carries (aliases, with
// the "peer_ids" property naming their tools) are identifiers typed by
// their tool, with trivy's page as the only link, never an advisory link;
// a dependency finding's real vulnerability ids keep theirs. The property
// is read both as the scanner sets it and as it reads back from JSON.
func TestGitLabSASTPeerIDs(t *testing.T) {
	peers := map[string][]string{
		"trivy":   {"AVD-AWS-0098"},
		"checkov": {"CKV_AWS_149"},
		"kics":    {"b0d3ef3f-845d-4b1b-83d6-63a5a380375f"},
	}
	iacFinding := func(props map[string]any) scanner.Finding {
		f := scanner.Finding{Scanner: "iac", RuleID: "TG-AWS-0077", Title: "Secrets Manager secret uses the default AWS managed key",
			Severity: scanner.SeverityLow, Location: scanner.Location{Path: "main.tf", StartLine: 3, EndLine: 3},
			Aliases: []string{"AVD-AWS-0098", "CKV_AWS_149", "b0d3ef3f-845d-4b1b-83d6-63a5a380375f"}, CWEs: []string{"CWE-311"},
			Evidence: "aws_secretsmanager_secret.app", Properties: props, Gate: &scanner.GateStatus{New: true}}
		f.Fingerprint = scanner.Fingerprint(f.RuleID, f.Location.Path, f.Evidence)
		return f
	}
	asJSON := map[string]any{}
	for tool, ids := range peers {
		l := []any{}
		for _, id := range ids {
			l = append(l, id)
		}
		asJSON[tool] = l
	}
	for name, props := range map[string]map[string]any{
		"scanner": {"peer_ids": peers},
		"json":    {"peer_ids": asJSON},
	} {
		t.Run(name, func(t *testing.T) {
			r := fixture()
			r.Result.Findings = []scanner.Finding{iacFinding(props)}
			out := render(t, "gitlab-sast", r)
			if _, err := os.Stat(gitlabSchemas); err == nil {
				validateGitLab(t, gitlabSchema(t, "sast-report-format.json"), out, 1)
			}
			var doc struct {
				Vulnerabilities []struct {
					Identifiers []map[string]string `json:"identifiers"`
				} `json:"vulnerabilities"`
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Vulnerabilities) != 1 {
				t.Fatalf("%d vulnerabilities, want 1", len(doc.Vulnerabilities))
			}
			got, _ := json.Marshal(doc.Vulnerabilities[0].Identifiers)
			want := `[{"name":"TG-AWS-0077","type":"tollgate_rule_id","value":"TG-AWS-0077"},` +
				`{"name":"AVD-AWS-0098","type":"trivy","url":"https://avd.aquasec.com/misconfig/avd-aws-0098","value":"AVD-AWS-0098"},` +
				`{"name":"CKV_AWS_149","type":"checkov","value":"CKV_AWS_149"},` +
				`{"name":"b0d3ef3f-845d-4b1b-83d6-63a5a380375f","type":"kics","value":"b0d3ef3f-845d-4b1b-83d6-63a5a380375f"},` +
				`{"name":"CWE-311","type":"cwe","url":"https://cwe.mitre.org/data/definitions/311.html","value":"311"}]`
			if string(got) != want {
				t.Errorf("identifiers:\n got %s\nwant %s", got, want)
			}
			if strings.Contains(string(out), "osv.dev") {
				t.Error("a peer id is linked as a vulnerability")
			}
		})
	}

	// A dependency finding's aliases are vulnerabilities: advisory links.
	out := render(t, "gitlab-deps", fixture())
	for _, want := range []string{`"type": "cve"`, `"url": "https://nvd.nist.gov/vuln/detail/CVE-2021-23337"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("gitlab-deps lost %s", want)
		}
	}
}
