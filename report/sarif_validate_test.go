package report_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/sarifcheck"
)

// TestSARIFIsValid checks the full fixture and an empty report against the
// official schema and, in CI, Microsoft's SARIF multitool.
func TestSARIFIsValid(t *testing.T) {
	empty := fixture()
	empty.Result.Findings = nil
	empty.Result.Errors = nil
	for name, raw := range map[string][]byte{"full": render(t, "sarif", fixture()), "empty": render(t, "sarif", empty)} {
		t.Run(name, func(t *testing.T) {
			sarifcheck.Schema(t, raw)
			sarifcheck.Multitool(t, raw)
		})
	}
}
