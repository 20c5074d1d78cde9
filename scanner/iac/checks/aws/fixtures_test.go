// Package aws_test runs the AWS checks end to end: Terraform fixtures in
// testdata/iac/aws are parsed by the terraform package and every AWS check
// is evaluated on the result, as the engine does.
package aws_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/internal/awschecktest"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

// compileAWS compiles the embedded AWS checks and libraries.
func compileAWS(t *testing.T) (*ast.Compiler, map[string]string) {
	t.Helper()
	c := awschecktest.Compile(t)
	return c.Compiler, c.IDs
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
	aws := &awschecktest.Checks{Compiler: c, IDs: ids}
	var out []string
	for _, d := range docs {
		for _, r := range aws.Eval(t, d.Value) {
			out = append(out, fmt.Sprintf("%s %s %s:%d", r.ID, r.Resource, r.Path, r.Line))
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

// largeModule builds a terraform document with n buckets (each protected by
// four split resources), n security groups and n IAM policies.
func largeModule(n int) map[string]any {
	loc := map[string]any{"path": "main.tf", "start_line": 1, "end_line": 5}
	res := func(typ, name string, values map[string]any) map[string]any {
		values["__loc"] = loc
		return map[string]any{"address": typ + "." + name, "mode": "managed", "type": typ, "name": name, "module": "", "values": values, "__loc": loc}
	}
	ref := func(a string) map[string]any { return map[string]any{"__ref": a, "__unknown": true} }
	var rs []any
	for i := 0; i < n; i++ {
		b := fmt.Sprintf("b%d", i)
		rs = append(rs,
			res("aws_s3_bucket", b, map[string]any{"bucket": b}),
			res("aws_s3_bucket_public_access_block", b, map[string]any{"bucket": ref("aws_s3_bucket." + b), "block_public_acls": true}),
			res("aws_s3_bucket_server_side_encryption_configuration", b, map[string]any{"bucket": ref("aws_s3_bucket." + b)}),
			res("aws_s3_bucket_versioning", b, map[string]any{"bucket": ref("aws_s3_bucket." + b), "versioning_configuration": []any{map[string]any{"status": "Enabled"}}}),
			res("aws_s3_bucket_policy", b, map[string]any{"bucket": ref("aws_s3_bucket." + b), "policy": `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}`}),
			res("aws_security_group", b, map[string]any{"ingress": []any{map[string]any{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": []any{"0.0.0.0/0"}}}}),
			res("aws_iam_policy", b, map[string]any{"policy": map[string]any{"Statement": []any{map[string]any{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}}}),
		)
	}
	return map[string]any{"resources": rs}
}

func BenchmarkAWSChecksLargeModule(b *testing.B) {
	t := &testing.T{}
	c, _ := compileAWS(t)
	doc := largeModule(100)
	raw, _ := json.Marshal(doc)
	var input any
	_ = json.Unmarshal(raw, &input)
	pq, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws[pkg].deny[res]")).PrepareForEval(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rs, err := pq.Eval(context.Background(), rego.EvalInput(input))
		if err != nil || len(rs) == 0 {
			b.Fatal(err, len(rs))
		}
	}
}

func TestProfileChecksTiming(t *testing.T) {
	if os.Getenv("AWS_PROFILE_CHECKS") == "" {
		t.Skip("set AWS_PROFILE_CHECKS=1 to time every check on a large module")
	}
	c, ids := compileAWS(t)
	raw, _ := json.Marshal(largeModule(100))
	var input any
	_ = json.Unmarshal(raw, &input)
	v, err := ast.InterfaceToValue(input)
	if err != nil {
		t.Fatal(err)
	}
	var total time.Duration
	for pkg := range ids {
		pq, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws."+pkg+".deny")).PrepareForEval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(v)); err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		total += d
		if d > 20*time.Millisecond {
			t.Logf("%v %s", d, pkg)
		}
	}
	t.Logf("total %v", total)
}

func TestProfileChecksTrace(t *testing.T) {
	if os.Getenv("AWS_PROFILE_CHECKS") == "" {
		t.Skip("set AWS_PROFILE_CHECKS=1 to profile the AWS checks on a large module")
	}
	c, _ := compileAWS(t)
	var raw []byte
	if os.Getenv("AWS_PROFILE_CHECKS") == "empty" {
		raw = []byte(`{"resources": []}`)
	} else if os.Getenv("AWS_PROFILE_CHECKS") == "bad" {
		docs, err := terraform.ParseModule(context.Background(), os.DirFS(filepath.Join("..", "..", "..", "..", "testdata", "iac", "aws", "bad")), ".", terraform.Options{})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ = json.Marshal(docs[0].Value)
	} else {
		raw, _ = json.Marshal(largeModule(50))
	}
	var input any
	_ = json.Unmarshal(raw, &input)
	p := profiler.New()
	_, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws[pkg].deny[res]"), rego.Input(input), rego.QueryTracer(p)).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.ReportTopNResults(25, []string{"total_time_ns"}) {
		t.Logf("%v %d %s:%d", time.Duration(s.ExprTimeNs), s.NumEval, s.Location.File, s.Location.Row)
	}
}

// TestChecksSurviveOddValues replaces random attribute values of the
// fixtures with values of unexpected types: no AWS check may fail the
// evaluation.
func TestChecksSurviveOddValues(t *testing.T) {
	c, ids := compileAWS(t)
	odd := []any{"x", 3, nil, true, []any{"a", 1}, map[string]any{"__unknown": true}, map[string]any{"__ref": "aws_s3_bucket.data", "__unknown": true}, map[string]any{}}
	rng := rand.New(rand.NewSource(7))
	for _, dir := range []string{"bad", "good"} {
		root := filepath.Join("..", "..", "..", "..", "testdata", "iac", "aws", dir)
		docs, err := terraform.ParseModule(context.Background(), os.DirFS(root), ".", terraform.Options{})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(docs[0].Value)
		for i := 0; i < 25; i++ {
			var doc map[string]any
			_ = json.Unmarshal(raw, &doc)
			rs := doc["resources"].([]any)
			for j := 0; j < 6; j++ {
				r := rs[rng.Intn(len(rs))].(map[string]any)
				awschecktest.Mutate(r["values"], odd[rng.Intn(len(odd))], rng, 6, 2)
			}
			if _, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws[pkg].deny[res]"), rego.Input(doc)).Eval(context.Background()); err != nil {
				t.Fatalf("%s mutation %d: %v", dir, i, err)
			}
		}
	}
	_ = ids
}

func BenchmarkAWSChecksBadFixture(b *testing.B) {
	t := &testing.T{}
	c, _ := compileAWS(t)
	root := filepath.Join("..", "..", "..", "..", "testdata", "iac", "aws", "bad")
	docs, err := terraform.ParseModule(context.Background(), os.DirFS(root), ".", terraform.Options{})
	if err != nil {
		b.Fatal(err)
	}
	raw, _ := json.Marshal(docs[0].Value)
	var input any
	_ = json.Unmarshal(raw, &input)
	v, err := ast.InterfaceToValue(input)
	if err != nil {
		b.Fatal(err)
	}
	pq, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws[pkg].deny[res]")).PrepareForEval(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(v)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAWSChecksEmptyModule(b *testing.B) {
	t := &testing.T{}
	c, _ := compileAWS(t)
	v, _ := ast.InterfaceToValue(map[string]any{"resources": []any{}})
	pq, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws[pkg].deny[res]")).PrepareForEval(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(v)); err != nil {
			b.Fatal(err)
		}
	}
}
