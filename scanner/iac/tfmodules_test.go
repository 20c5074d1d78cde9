package iac

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestTerraformDownloadedModules scans a root module as it is after
// terraform init: the registry module is evaluated from
// .terraform/modules (with its own nested local module), findings point at
// the downloaded files and carry the calling module in their address, and
// the git module that was not downloaded is a note, not a finding and not
// silence.
func TestTerraformDownloadedModules(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := scanMarked(t, s, filepath.Join("..", "..", "testdata", "iac", "terraform-modules"))
	addrs := map[string]bool{}
	for _, f := range res.Findings {
		addrs[f.Evidence] = true
	}
	for _, a := range []string{"module.storage.azurerm_storage_account.this", "module.storage.module.containers.azurerm_storage_container.assets"} {
		if !addrs[a] {
			t.Errorf("no finding on %s (got %v)", a, addrs)
		}
	}
	st := s.Stats()
	if st["modules_not_evaluated"] != 1 {
		t.Errorf("modules_not_evaluated = %v, want 1", st["modules_not_evaluated"])
	}
	notes, _ := st["notes"].([]string)
	if len(notes) != 1 || !strings.Contains(notes[0], "main.tf:12 module.network (git::https://example.com/infra/network.git?ref=v2)") ||
		!strings.Contains(notes[0], "not downloaded") {
		t.Errorf("notes = %q, want one naming module.network at main.tf:12", notes)
	}
	for _, f := range res.Findings {
		if strings.HasPrefix(f.RuleID, "TG-PARSE") {
			t.Errorf("a module that was not downloaded must not be a finding: %v", f)
		}
	}
}

// TestTerraformOverrideFiles: override.tf, *_override.tf and
// *_override.tf.json are merged as terraform merges them (arguments,
// nested block types, variables, locals), and each finding is located
// where the winning value is written.
func TestTerraformOverrideFiles(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	scanMarked(t, s, filepath.Join("..", "..", "testdata", "iac", "terraform-override"))
}

// scanMarked scans a fixture tree and compares its findings with the tree's
// "# want:" markers, exactly; scan errors fail the test.
func scanMarked(t *testing.T, s *Scanner, dir string) *scanner.Result {
	t.Helper()
	want := expectations(t, dir)
	res, got := scanDir(t, s, dir)
	for _, e := range res.Errors {
		t.Errorf("scan error: %v", e)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	return res
}
