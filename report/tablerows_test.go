package report

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"testing"
	"text/tabwriter"

	"github.com/tollgate-dev/tollgate/internal/memtest"
	"github.com/tollgate-dev/tollgate/scanner"
)

// tabwriterRows is the findings section as the table wrote it through
// text/tabwriter: the reference the two-pass writer must match byte for
// byte.
func (t tableWriter) tabwriterRows(w io.Writer, fs []*scanner.Finding) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tSCANNER\tRULE\tLOCATION\tTITLE\n", t.paint(ansiPlain, "SEVERITY"))
	for _, f := range fs {
		c := t.findingRow(f)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c[0], c[1], c[2], c[3], c[4])
	}
	return tw.Flush()
}

func tableRowFindings() []*scanner.Finding {
	return []*scanner.Finding{
		{Scanner: "secrets", RuleID: "TG-SEC-AWS-ACCESS-KEY", Severity: scanner.SeverityCritical, Title: "AWS access key",
			Location: scanner.Location{Path: "config/prod.env", StartLine: 3}},
		{Scanner: "iac", RuleID: "TG-K8S-001", Severity: scanner.SeverityMedium, Title: "Conteneur privilégié  (ünïcode)\n second line",
			Location: scanner.Location{Path: "k8s/déploiement.yaml", StartLine: 12, StartColumn: 5}},
		{Scanner: "deps", RuleID: "GHSA-xxxx-yyyy-zzzz", Severity: scanner.SeverityLow, Title: "",
			Location: scanner.Location{Path: "go.mod"}, Gate: &scanner.GateStatus{New: false}},
		{Scanner: "iac", RuleID: "R", Severity: scanner.SeverityUnknown, Title: "短い",
			Location: scanner.Location{Path: "a.tf", StartLine: 1}, Gate: &scanner.GateStatus{New: true}},
	}
}

func TestFindingRowsMatchTabwriter(t *testing.T) {
	for _, tc := range []struct {
		name     string
		color    bool
		findings []*scanner.Finding
	}{
		{"plain", false, tableRowFindings()},
		{"colour", true, tableRowFindings()},
		{"one finding", false, tableRowFindings()[:1]},
		{"no findings", false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tw := tableWriter{color: tc.color}
			var want, got bytes.Buffer
			if err := tw.tabwriterRows(&want, tc.findings); err != nil {
				t.Fatal(err)
			}
			if err := tw.writeFindingRows(&got, tc.findings); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("two-pass rows differ from tabwriter's:\ngot:\n%s\nwant:\n%s", got.String(), want.String())
			}
		})
	}
}

// TestFindingRowsHoldOneLine: tabwriter kept every cell of every line
// until the flush (on the 1.1 GB benchmark tree the table report's peak
// RSS was 20-30 MB above the JSON report's); the two-pass writer holds one
// line and its output buffer. Measured with the collector kept close to
// the live heap, against the tabwriter reference on the same findings.
func TestFindingRowsHoldOneLine(t *testing.T) {
	const n = 50_000
	// lean findings (what the table prints), so that the live heap, and
	// with it the collector's headroom, stays small beside the rows
	base := make([]scanner.Finding, n)
	fs := make([]*scanner.Finding, n)
	for i := range base {
		base[i] = scanner.Finding{Scanner: "deps", RuleID: fmt.Sprintf("GHSA-%04d-abcd-efgh", i), Severity: scanner.Severity(i % 6),
			Title: "Prototype pollution in lodash", Location: scanner.Location{Path: fmt.Sprintf("services/svc-%05d/package-lock.json", i), StartLine: i}}
		fs[i] = &base[i]
	}
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	rise := func(write func(io.Writer, []*scanner.Finding) error) uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		before := m.HeapAlloc
		stop := memtest.HeapPeak()
		if err := write(io.Discard, fs); err != nil {
			t.Fatal(err)
		}
		peak := stop()
		return peak - min(peak, before)
	}
	tw := tableWriter{}
	old, now := rise(tw.tabwriterRows), rise(tw.writeFindingRows)
	t.Logf("%d findings: heap rise %d KB with tabwriter, %d KB two-pass", n, old>>10, now>>10)
	if now > old/3 {
		t.Errorf("writing %d rows raised the heap by %d KB (tabwriter: %d KB); the writer holds more than a line", n, now>>10, old>>10)
	}
}
