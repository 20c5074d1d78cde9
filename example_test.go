package tollgate_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// licenseScanner is a scanner written against the library: it flags
// files that declare a license the company does not allow.
type licenseScanner struct{}

func (licenseScanner) Name() string { return "license" }

func (licenseScanner) Match(path string, _ fs.DirEntry) bool {
	return strings.HasSuffix(path, "LICENSE")
}

func (licenseScanner) Scan(_ context.Context, t scanner.Target) ([]scanner.Finding, error) {
	var out []scanner.Finding
	for _, f := range t.Files {
		b, err := t.ReadFile(f.Path)
		if err != nil {
			return out, err
		}
		if strings.Contains(string(b), "AGPL") {
			out = append(out, scanner.Finding{RuleID: "agpl", Title: "AGPL-licensed code", Severity: scanner.SeverityHigh,
				Location: scanner.Location{Path: f.Path, StartLine: 1}, Evidence: "AGPL"})
		}
	}
	return out, nil
}

// Example scans a tree with a custom scanner, gates the findings with the
// default policy and writes the table report.
func Example() {
	root, _ := os.MkdirTemp("", "tollgate-example")
	defer os.RemoveAll(root)
	_ = os.MkdirAll(filepath.Join(root, "third_party", "lib"), 0o755)
	_ = os.WriteFile(filepath.Join(root, "third_party", "lib", "LICENSE"), []byte("GNU AGPL v3\n"), 0o644)

	ctx := context.Background()
	res, err := scanner.Run(ctx, root, []scanner.Scanner{licenseScanner{}})
	if err != nil {
		fmt.Println(err)
		return
	}
	gate, err := policy.New(ctx) // the default policy; add policy.WithPolicy("dir") for your own
	if err != nil {
		fmt.Println(err)
		return
	}
	in := policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), Now: time.Now()})
	decision, err := gate.Decide(ctx, in)
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := report.New("table", report.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := w.Write(os.Stdout, &report.Report{ToolName: "example", Result: res, Scanners: []string{"license"}, Decision: decision, FailOn: "high"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// SEVERITY  SCANNER  RULE  LOCATION                   TITLE
	// HIGH      license  agpl  third_party/lib/LICENSE:1  AGPL-licensed code
	//
	// Findings: 1 (HIGH 1)
	// Files: 1 scanned, 0 skipped
	//
	// Gate: FAILED (fail-on high): 1 reason(s)
	//   deny HIGH agpl at third_party/lib/LICENSE:1: AGPL-licensed code  [severity-threshold @ default.rego:81]
}
