package report

import (
	"fmt"
	"io"
	"testing"
	"unsafe"

	"github.com/tollgate-dev/tollgate/internal/memtest"
	"github.com/tollgate-dev/tollgate/scanner"
)

// TestReportsDoNotCopyFindings: the table, Markdown, Azure, SARIF and HTML
// reports index and order the findings through pointers. They used to
// copy every finding (a severity-ordered clone, a fingerprint map of
// values, SARIF's findings grouped by scanner), which on a scan of 130,000
// findings added 40-90 MB to the report phase; SARIF also encoded its
// whole log at once (16 MB for these 5,000 findings and their rules), and
// the GitLab, Code Quality and osv-json reports encoded theirs whole.
// CycloneDX is not here: its document holds one component per package
// and one vulnerability per advisory, not one entry per finding, and it
// is encoded whole by the CycloneDX library (348 MiB peak RSS on the
// 1.1 GB benchmark tree, under the target).
func TestReportsDoNotCopyFindings(t *testing.T) {
	const n = 5_000
	fs := benchFindings(n)
	fps := make([]string, n)
	for i := range fs {
		fs[i].Fingerprint = fmt.Sprintf("%032x", i)
		fps[i] = fs[i].Fingerprint
		// 50 lockfiles: osv-json builds and writes one lockfile's
		// vulnerabilities at a time
		lock := fmt.Sprintf("svc-%02d/package-lock.json", i%50)
		fs[i].Location.Path, fs[i].Properties["lockfile"] = lock, lock
	}
	r := &Report{ToolName: "tollgate", Result: &scanner.Result{Root: "/src", Findings: fs},
		Decision: scanner.Decision{Deny: []scanner.Reason{{Msg: "all of them", Rule: "severity-threshold", Fingerprints: fps}}}}
	copyBytes := uint64(n) * uint64(unsafe.Sizeof(scanner.Finding{}))
	for _, format := range []string{"table", "markdown", "azure", "sarif", "gitlab-deps", "gitlab-codequality", "osv-json", "html", "json", "junit"} {
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
