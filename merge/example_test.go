package merge_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/merge"
	"github.com/tollgate-dev/tollgate/policy"
)

// Two repositories' JSON reports, merged under the default policy: the
// union fails on the HIGH finding, each source gets its own verdict, and
// paths get the label in front (the scans had no path prefix).
func ExampleMerge() {
	ctx := context.Background()
	gate, err := policy.New(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	report := func(root, severity string) string {
		return `{"schema_version": "1", "tool": {"name": "tollgate", "version": "v1.2.0"}, "root": "` + root + `",
		  "policy": {"digest": "` + gate.Digest() + `", "input_schema_version": "` + policy.SchemaVersion + `"},
		  "findings": [{"scanner": "iac", "rule_id": "TG-AWS-0001", "title": "S3 bucket ACL grants public access",
		    "severity": "` + severity + `", "location": {"path": "main.tf", "start_line": 7}, "fingerprint": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"}]}`
	}
	var ins []merge.Input
	for _, r := range []struct{ file, root, severity string }{
		{"payments.json", "/builds/org/payments", "HIGH"},
		{"web.json", "/builds/org/web", "LOW"},
	} {
		rep, err := merge.Parse(r.file, strings.NewReader(report(r.root, r.severity)), 0)
		if err != nil {
			fmt.Println(err)
			return
		}
		ins = append(ins, merge.Input{Report: rep})
	}
	out, err := merge.Merge(ctx, ins, merge.Options{Gate: gate, Config: policy.DefaultConfig(), Now: time.Now(), ToolVersion: "v1.4.0"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("merged gate passes:", out.Decision.Pass)
	for _, s := range out.Sources {
		fmt.Println(s.Label, s.Verdict(), s.Counts)
	}
	for _, f := range out.Result.Findings {
		fmt.Println(f.Location.Path, f.Severity)
	}
	// Output:
	// merged gate passes: false
	// payments FAILED map[HIGH:1]
	// web PASSED map[LOW:1]
	// payments/main.tf HIGH
	// web/main.tf LOW
}
