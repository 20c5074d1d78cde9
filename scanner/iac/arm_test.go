package iac

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestARMFixtures scans testdata/iac/arm: a template whose findings only
// appear once its parameters file, variables and expressions are evaluated
// (and whose false condition and unknown values hide others), nested
// deployments in inner and outer scope, a Bicep file with its compiled
// JSON, a Bicep file without one, and invalid JSON, listed here; and
// coverage.json, a commented template with one resource per Azure check
// and "// want:" markers.
func TestARMFixtures(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, got := scanDir(t, s, filepath.Join("..", "..", "testdata", "iac", "arm"))
	for _, e := range res.Errors {
		t.Errorf("scan error: %v", e)
	}
	want := []string{
		"azuredeploy.json:104:TG-AZURE-0006", // ssh rule: sourceAddressPrefix from a variable, port from string(22)
		"azuredeploy.json:129:TG-AZURE-0013", // minimalTlsVersion: if() on environment=dev from the parameters file
		"azuredeploy.json:140:TG-AZURE-0009", // child firewall rule, end address built by concat
		"azuredeploy.json:176:TG-AZURE-0014", // enablePurgeProtection = variables('isProd') = false
		"azuredeploy.json:47:TG-AZURE-0004",
		"azuredeploy.json:48:TG-AZURE-0003",
		"azuredeploy.json:49:TG-AZURE-0001",
		"azuredeploy.json:51:TG-AZURE-0005",
		"azuredeploy.json:61:TG-AZURE-0002", // copy loop: only instance 0 is public
		"bicep/main.json:37:TG-AZURE-0023",
		"bicep/main.json:39:TG-AZURE-0025",
		"invalid.json:4:TG-PARSE-JSON",
		"nested.json:45:TG-AZURE-0001", // inner scope: parameter passed from the parent's variable
		"nested.json:69:TG-AZURE-0027", // outer scope: the parent's parameter
	}
	// coverage.json (one resource per Azure check) carries inline markers
	want = append(want, expectations(t, filepath.Join("..", "..", "testdata", "iac", "arm"))...)
	sort.Strings(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	// every check that declares the arm framework fires on an ARM fixture
	fired := map[string]bool{}
	for _, f := range res.Findings {
		fired[f.RuleID] = true
	}
	for _, m := range s.Checks() {
		if slices.Contains(m.Frameworks, KindARM) && !fired[m.ID] {
			t.Errorf("%s declares arm but fires on no ARM fixture", m.ID)
		}
		if strings.HasPrefix(m.ID, "TG-AZURE-") && !slices.Contains(m.Frameworks, KindARM) {
			t.Errorf("%s is an Azure check without the arm framework: add arm, and map the ARM properties it reads in scanner/iac/arm/model.go", m.ID)
		}
	}
	for _, f := range res.Findings {
		if !strings.HasPrefix(f.Location.Path, "bicep/") {
			continue
		}
		if f.Properties["bicep"] != "bicep/main.bicep" || !strings.Contains(f.Description, "compiled from bicep/main.bicep") {
			t.Errorf("%s: the finding does not name the .bicep source: %q %v", f.RuleID, f.Description, f.Properties)
		}
	}
	st := s.Stats()
	if st["suppressed_findings"] != 1 { // the // tollgate:ignore comment in coverage.json
		t.Errorf("suppressed_findings = %v, want 1", st["suppressed_findings"])
	}
	if st["skipped_bicep"] != 1 {
		t.Errorf("skipped_bicep = %v, want 1", st["skipped_bicep"])
	}
	notes, _ := st["notes"].([]string)
	if len(notes) != 1 || !strings.Contains(notes[0], "bicep/orphan.bicep") || !strings.Contains(notes[0], "bicep build") {
		t.Errorf("notes = %q, want one naming bicep/orphan.bicep", notes)
	}
	if docs, _ := st["documents"].(map[string]any); docs["arm"] != 4 {
		t.Errorf("documents = %v, want 4 arm documents", st["documents"])
	}
}
