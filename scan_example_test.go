package tollgate_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// ExampleScan scans the demo tree with the built-in scanners, offline
// against the demo's OSV database, gates it with the default policy and
// writes SARIF. The README's library example is this function's body.
func ExampleScan() {
	ctx := context.Background()
	var sarif bytes.Buffer
	out, err := tollgate.Scan(ctx, "testdata/demo", tollgate.Options{
		Deps:    deps.Options{Offline: true, DBDir: "testdata/demo-osv-db"},
		Reports: []tollgate.Output{{Format: "sarif", W: &sarif}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("passed:", out.Passed())
	for _, f := range out.Result.Findings {
		if f.Scanner == "deps" {
			fmt.Println(f.RuleID, f.Package.Name, f.Package.Version, "->", f.Package.Fix)
		}
	}
	fmt.Println("SARIF runs:", strings.Count(sarif.String(), `"automationDetails"`))
	// Output:
	// passed: false
	// GHSA-68w8-qjq3-2gfm django 3.2.0 -> 3.2.4
	// GHSA-29mw-wpgm-hmr9 lodash 4.17.20 -> 4.17.21
	// GHSA-35jh-r3h4-6jhm lodash 4.17.20 -> 4.17.21
	// SARIF runs: 3
}
