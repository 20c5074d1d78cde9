package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// cycloneDXSchemas is the CycloneDX 1.6 JSON schema with the two schemas
// it references (test data outside the repository; the test skips when it
// is absent, CI has it).
const cycloneDXSchemas = "../../shared/schemas/cyclonedx/1.6"

func cycloneDXSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, name := range []string{"bom-1.6.schema.json", "spdx.schema.json", "jsf-0.82.schema.json"} {
		f, err := os.Open(filepath.Join(cycloneDXSchemas, name))
		if err != nil {
			t.Skipf("CycloneDX schemas not found (%v)", err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		// bom-1.6 refers to the others by their $id.
		if err := c.AddResource("http://cyclonedx.org/schema/"+name, doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile("http://cyclonedx.org/schema/bom-1.6.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// cdxDoc is the part of a BOM the test checks.
type cdxDoc struct {
	SpecVersion string `json:"specVersion"`
	Components  []struct {
		BOMRef   string `json:"bom-ref"`
		PURL     string `json:"purl"`
		Evidence struct {
			Occurrences []struct {
				Location string `json:"location"`
				Line     int    `json:"line"`
			} `json:"occurrences"`
		} `json:"evidence"`
	} `json:"components"`
	Vulnerabilities []struct {
		ID      string `json:"id"`
		Ratings []struct {
			Method string  `json:"method"`
			Vector string  `json:"vector"`
			Score  float64 `json:"score"`
		} `json:"ratings"`
		Affects []struct {
			Ref string `json:"ref"`
		} `json:"affects"`
		Recommendation string `json:"recommendation"`
		Analysis       *struct {
			Response []string `json:"response"`
			Detail   string   `json:"detail"`
		} `json:"analysis"`
	} `json:"vulnerabilities"`
}

// cdxFixture is the report fixture with a package inventory (one package
// without any vulnerability, the vulnerable one declared in two
// lockfiles), a CVSS vector, and a second finding of the same advisory
// in another lockfile whose exception is live.
func cdxFixture() *report.Report {
	r := fixture()
	r.Result.Packages = []scanner.InventoryPackage{
		{Ecosystem: "npm", Name: "left-pad", Version: "1.3.0", PURL: "pkg:npm/left-pad@1.3.0", Path: "web/package-lock.json", Line: 30},
		{Ecosystem: "npm", Name: "lodash", Version: "4.17.20", PURL: "pkg:npm/lodash@4.17.20", Path: "web/package-lock.json", Line: 12},
		{Ecosystem: "Go", Name: "golang.org/x/text", Version: "v0.3.7", PURL: "pkg:golang/golang.org/x/text@v0.3.7", Path: "go.mod", Line: 5},
	}
	dep := r.Result.Findings[0]
	dep.Properties = map[string]any{"cvss_vector": "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H"}
	r.Result.Findings[0] = dep
	until := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	other := dep
	other.Location = scanner.Location{Path: "admin/package-lock.json", StartLine: 7}
	other.Gate = &scanner.GateStatus{Exception: &scanner.Exception{ID: "CVE-2021-23337", Reason: "admin is internal", Owner: "team-admin", Expires: &until}}
	other.Fingerprint = scanner.Fingerprint(other.RuleID, other.Location.Path, other.Evidence)
	r.Result.Findings = append(r.Result.Findings, other)
	return r
}

// acceptedFixture is cdxFixture with every finding of the advisory
// excepted.
func acceptedFixture() *report.Report {
	r := cdxFixture()
	r.Result.Findings[0].Gate = r.Result.Findings[len(r.Result.Findings)-1].Gate
	return r
}

func TestCycloneDXMatchesTheSchema(t *testing.T) {
	schema := cycloneDXSchema(t)
	for name, r := range map[string]*report.Report{"fixture": fixture(), "inventory": cdxFixture(), "accepted": acceptedFixture()} {
		t.Run(name, func(t *testing.T) {
			out := render(t, "cyclonedx", r)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("does not match the CycloneDX 1.6 schema: %v\n%s", err, out)
			}
		})
	}
	// The demo tree's BOM from a real scan (docs/examples, kept current
	// by cmd/tollgate's TestDocsExamples).
	f, err := os.Open("../docs/examples/demo.cdx.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inst, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("docs/examples/demo.cdx.json does not match the CycloneDX 1.6 schema: %v", err)
	}
}

// TestCycloneDXInventoryAndVulnerabilities: every inventory package is a
// component with its PURL and lockfiles; the advisory is one vulnerability
// affecting its component, rated with the CVSS vector, with the fix as
// recommendation and the live exception as analysis; secrets and IaC
// findings stay out.
func TestCycloneDXInventoryAndVulnerabilities(t *testing.T) {
	out := render(t, "cyclonedx", cdxFixture())
	var doc cdxDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SpecVersion != "1.6" {
		t.Errorf("specVersion %q", doc.SpecVersion)
	}
	refs := map[string][]string{}
	for _, c := range doc.Components {
		if c.PURL == "" || c.BOMRef != c.PURL {
			t.Errorf("component %s: purl %q", c.BOMRef, c.PURL)
		}
		for _, o := range c.Evidence.Occurrences {
			refs[c.BOMRef] = append(refs[c.BOMRef], o.Location)
		}
	}
	if len(doc.Components) != 3 {
		t.Errorf("%d components, want the 3 inventory packages: %v", len(doc.Components), refs)
	}
	if got := refs["pkg:npm/lodash@4.17.20"]; len(got) != 2 || got[0] != "admin/package-lock.json" || got[1] != "web/package-lock.json" {
		t.Errorf("lodash occurrences = %v, want both lockfiles", got)
	}
	if got := refs["pkg:npm/left-pad@1.3.0"]; len(got) != 1 {
		t.Errorf("package without vulnerability: occurrences %v", got)
	}
	if len(doc.Vulnerabilities) != 1 {
		t.Fatalf("%d vulnerabilities, want 1 (secrets and IaC findings are not in a BOM)", len(doc.Vulnerabilities))
	}
	v := doc.Vulnerabilities[0]
	if v.ID != "GHSA-35jh-r3h4-6jhm" || len(v.Affects) != 1 || v.Affects[0].Ref != "pkg:npm/lodash@4.17.20" {
		t.Errorf("vulnerability %s affects %v", v.ID, v.Affects)
	}
	if len(v.Ratings) != 1 || v.Ratings[0].Method != "CVSSv31" || v.Ratings[0].Vector == "" || v.Ratings[0].Score != 7.2 {
		t.Errorf("ratings = %+v", v.Ratings)
	}
	if v.Recommendation != "Upgrade lodash 4.17.20 to 4.17.21" {
		t.Errorf("recommendation = %q", v.Recommendation)
	}
	if v.Analysis != nil {
		t.Errorf("analysis %+v, but the finding in web/ is not excepted", v.Analysis)
	}
	if again := render(t, "cyclonedx", cdxFixture()); !bytes.Equal(out, again) {
		t.Error("the same scan gives different BOMs")
	}

	// Every finding of the advisory excepted: the risk is accepted.
	doc = cdxDoc{}
	if err := json.Unmarshal(render(t, "cyclonedx", acceptedFixture()), &doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Vulnerabilities[0].Analysis
	if a == nil || len(a.Response) != 1 || a.Response[0] != "will_not_fix" ||
		a.Detail != "accepted by exception: admin is internal, owner team-admin, until 2027-03-01" {
		t.Errorf("analysis = %+v", a)
	}
}
