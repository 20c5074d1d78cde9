package report

import (
	"fmt"
	"io"
	"testing"
	"unsafe"

	"github.com/tollgate-dev/tollgate/internal/memtest"
	"github.com/tollgate-dev/tollgate/scanner"
)

// TestTextReportsDoNotCopyFindings: the table, Markdown, Azure and SARIF
// reports index and order the findings through pointers. They used to
// copy every finding (a severity-ordered clone, a fingerprint map of
// values, SARIF's findings grouped by scanner), which on a scan of 130,000
// findings added 40-90 MB to the report phase; SARIF also encoded its
// whole log at once (16 MB for these 5,000 findings and their rules).
func TestTextReportsDoNotCopyFindings(t *testing.T) {
	const n = 5_000
	fs := benchFindings(n)
	fps := make([]string, n)
	for i := range fs {
		fs[i].Fingerprint = fmt.Sprintf("%032x", i)
		fps[i] = fs[i].Fingerprint
	}
	r := &Report{ToolName: "tollgate", Result: &scanner.Result{Root: "/src", Findings: fs},
		Decision: scanner.Decision{Deny: []scanner.Reason{{Msg: "all of them", Rule: "severity-threshold", Fingerprints: fps}}}}
	copyBytes := uint64(n) * uint64(unsafe.Sizeof(scanner.Finding{}))
	for _, format := range []string{"table", "markdown", "azure", "sarif"} {
		w, err := New(format, Options{})
		if err != nil {
			t.Fatal(err)
		}
		largest := memtest.LargestAllocation(func() {
			if err := w.Write(io.Discard, r); err != nil {
				t.Fatal(err)
			}
		})
		t.Logf("%s: largest allocation %d KB (a copy of the findings: %d KB)", format, largest>>10, copyBytes>>10)
		if largest >= copyBytes/2 {
			t.Errorf("%s report made a %d KB allocation: a copy of the findings (%d KB)", format, largest>>10, copyBytes>>10)
		}
	}
}
