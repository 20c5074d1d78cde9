package terraform_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/fuzzseed"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

// FuzzParsePlan: plan JSON is produced by the pipeline under scan;
// ParsePlan must never panic, must report errors as a *scanner.FileError,
// and a plan document always has its resources list.
func FuzzParsePlan(f *testing.F) {
	fuzzseed.AddFiles(f, filepath.Join(fixtures, "plan", "plan.json"), "../../../testdata/iac/mixed/plan.json")
	f.Add([]byte(`{"format_version":"1.2","planned_values":{"root_module":{"child_modules":[{"address":"module.a","resources":[{"address":"module.a.x.y[0]","index":0,"values":{"k":[1,{"a":null}]}}]}]}},` +
		`"resource_changes":[{"address":"module.a.x.y[0]","change":{"after_unknown":{"k":[true,{"a":true}]}}}],` +
		`"configuration":{"root_module":{"module_calls":{"a":{"module":{"resources":[{"address":"x.y","expressions":{"k":{"references":["aws_x.z.id","aws_x.z"]}}}]}}}}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := terraform.ParsePlan(context.Background(), "plan.json", src)
		fuzzseed.CheckFileError(t, err, "plan.json")
		for _, d := range docs {
			if _, ok := d.Value["resources"].([]any); !ok {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}
