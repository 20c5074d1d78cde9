// Package aws_test runs the AWS checks end to end: Terraform fixtures in
// testdata/iac/aws are parsed by the terraform package and every AWS check
// is evaluated on the result, as the engine does.
package aws_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/scanner/iac/checks"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

func compileAWS(t *testing.T) (*ast.Compiler, map[string]string) {
	t.Helper()
	mods := map[string]*ast.Module{}
	ids := map[string]string{}
	err := fs.WalkDir(checks.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		if !strings.HasPrefix(p, "lib/") && !strings.HasPrefix(p, "aws/") {
			return nil
		}
		src, err := fs.ReadFile(checks.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		if strings.HasPrefix(p, "lib/") {
			m.Annotations = nil
		}
		for _, a := range m.Annotations {
			if id, ok := a.Custom["id"].(string); ok {
				ids[strings.TrimPrefix(m.Package.Path.String(), "data.tollgate.iac.aws.")] = id
			}
		}
		mods[p] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler()
	if c.Compile(mods); c.Failed() {
		t.Fatal(c.Errors)
	}
	return c, ids
}

// run parses a Terraform root module and returns "ID resource path:line"
// for every AWS finding.
func run(t *testing.T, c *ast.Compiler, ids map[string]string, dir string) []string {
	t.Helper()
	root := filepath.Join("..", "..", "..", "..", "testdata", "iac", "aws", dir)
	docs, err := terraform.ParseModule(context.Background(), os.DirFS(root), ".", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		b, err := json.Marshal(d.Value)
		if err != nil {
			t.Fatal(err)
		}
		var input any
		if err := json.Unmarshal(b, &input); err != nil {
			t.Fatal(err)
		}
		rs, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws[pkg].deny[res]"), rego.Input(input)).Eval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			pkg, _ := r.Bindings["pkg"].(string)
			res, _ := r.Bindings["res"].(map[string]any)
			out = append(out, fmt.Sprintf("%s %v %v:%v", ids[pkg], res["resource"], res["path"], res["start_line"]))
		}
	}
	sort.Strings(out)
	return out
}

// TestTerraformFixtures checks the exact findings (check, address, file and
// line) on the bad fixture, and that the good one, whose buckets are
// protected through separate aws_s3_bucket_* resources, yields none.
func TestTerraformFixtures(t *testing.T) {
	c, ids := compileAWS(t)
	tests := map[string][]string{
		"bad": {
			"TG-AWS-0001 aws_s3_bucket_acl.data main.tf:18",
			"TG-AWS-0002 aws_s3_bucket_policy.data main.tf:23",
			"TG-AWS-0003 aws_s3_bucket.data main.tf:12", // no public access block; "partial" has one (reported by 0004)
			"TG-AWS-0004 aws_s3_bucket_public_access_block.partial main.tf:43",
			"TG-AWS-0005 aws_s3_bucket.data main.tf:12",
			"TG-AWS-0005 aws_s3_bucket.partial main.tf:34",
			"TG-AWS-0006 aws_s3_bucket.data main.tf:12",
			"TG-AWS-0006 aws_s3_bucket.partial main.tf:34",
			"TG-AWS-0007 aws_s3_bucket.data main.tf:12",
			"TG-AWS-0007 aws_s3_bucket.partial main.tf:34",
			"TG-AWS-0008 aws_s3_bucket.data main.tf:12",
			"TG-AWS-0008 aws_s3_bucket.partial main.tf:34",
			"TG-AWS-0010 aws_security_group.web main.tf:53", // the RDP rule uses var.admin_cidr (no default): nothing
			"TG-AWS-0010 module.net.aws_security_group.ssh modules/net/main.tf:8",
			"TG-AWS-0012 aws_vpc_security_group_ingress_rule.db main.tf:76",
			"TG-AWS-0013 aws_security_group.web main.tf:53",
			"TG-AWS-0013 aws_vpc_security_group_ingress_rule.db main.tf:76",
			"TG-AWS-0013 module.net.aws_security_group.ssh modules/net/main.tf:8",
			"TG-AWS-0014 aws_security_group.web main.tf:67",
			"TG-AWS-0017 aws_db_instance.db main.tf:83",
			"TG-AWS-0018 aws_db_instance.db main.tf:84",
			"TG-AWS-0019 aws_db_instance.db main.tf:85",
			"TG-AWS-0024 aws_iam_policy.admin main.tf:94",
			"TG-AWS-0028 aws_iam_role.open main.tf:102",
			"TG-AWS-0042 aws_kms_key.data main.tf:111", // the RSA signing key is not reported
			"TG-AWS-0052 aws_redshift_cluster.dw main.tf:124",
			"TG-AWS-0120 aws_security_group.web main.tf:49", // rules without description
			"TG-AWS-0120 aws_security_group.web main.tf:56",
			"TG-AWS-0120 aws_security_group.web main.tf:63",
			"TG-AWS-0120 aws_vpc_security_group_ingress_rule.db main.tf:71",
			"TG-AWS-0120 module.net.aws_security_group.ssh modules/net/main.tf:4",
		},
		"good": nil,
	}
	for dir, want := range tests {
		t.Run(dir, func(t *testing.T) {
			got := run(t, c, ids, dir)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n got: %q\nwant: %q", got, want)
			}
		})
	}
}
