package report_test

import (
	"strings"
	"testing"
)

// TestTableShowsScannerNotes: what a scanner could not look at (a .bicep
// without its compiled JSON, a Terraform module that was not downloaded)
// is in its stats "notes"; the table must show each note once.
func TestTableShowsScannerNotes(t *testing.T) {
	r := fixture()
	note := "1 .bicep file(s) not scanned: no compiled .json beside them: infra/main.bicep"
	r.Result.Scanners[2].Extra = map[string]any{"notes": []string{note}}
	out := string(render(t, "table", r))
	if strings.Count(out, "note (iac): "+note) != 1 {
		t.Errorf("table does not show the note once:\n%s", out)
	}
	// a report read back from JSON carries []any
	r.Result.Scanners[2].Extra = map[string]any{"notes": []any{note}}
	if out := string(render(t, "table", r)); !strings.Contains(out, note) {
		t.Errorf("table drops notes decoded from JSON:\n%s", out)
	}
}
