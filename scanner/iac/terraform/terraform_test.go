package terraform_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

const fixtures = "../../../testdata/iac/terraform"

func parse(t *testing.T, dir string, opts terraform.Options) map[string]any {
	t.Helper()
	docs, err := terraform.ParseModule(context.Background(), os.DirFS(fixtures), dir, opts)
	if err != nil {
		t.Fatalf("ParseModule(%s): %v", dir, err)
	}
	if len(docs) != 1 || docs[0].Kind != terraform.KindModule {
		t.Fatalf("ParseModule(%s): got %d docs", dir, len(docs))
	}
	return docs[0].Value
}

func resource(t *testing.T, doc map[string]any, addr string) map[string]any {
	t.Helper()
	for _, r := range doc["resources"].([]any) {
		if m := r.(map[string]any); m["address"] == addr {
			return m
		}
	}
	t.Fatalf("resource %s not found in %v", addr, addresses(doc))
	return nil
}

func addresses(doc map[string]any) []string {
	var out []string
	for _, r := range doc["resources"].([]any) {
		out = append(out, r.(map[string]any)["address"].(string))
	}
	return out
}

// get walks a dotted path ("values.tags.Owner", "values.ingress.0.from_port").
func get(v any, p string) any {
	for _, part := range strings.Split(p, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			i := 0
			for _, c := range part {
				i = i*10 + int(c-'0')
			}
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// strip removes __loc/__keys so values compare simply.
func strip(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if k == "__loc" || k == "__keys" {
				continue
			}
			out[k] = strip(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = strip(e)
		}
		return out
	}
	return v
}

var unknown = map[string]any{"__unknown": true}

func ref(addr string) map[string]any { return map[string]any{"__unknown": true, "__ref": addr} }

func TestParseModuleValues(t *testing.T) {
	tests := []struct {
		name string
		dir  string
		opts terraform.Options
		addr string
		path string
		want any
	}{
		{"variable default", "vars", terraform.Options{}, "aws_instance.web", "values.tags.Region", "us-east-1"},
		{"terraform.tfvars", "vars", terraform.Options{}, "aws_instance.web", "values.instance_type", "t3.prod"},
		{"auto.tfvars override tfvars, lexical order", "vars", terraform.Options{}, "aws_instance.web", "values.tags.Owner", "auto-b"},
		{"declared type converts tfvars string", "vars", terraform.Options{}, "aws_instance.web", "values.tags.Size", int64(4)},
		{"default without var file", "vars", terraform.Options{}, "aws_instance.web", "values.tags.Extra", "from-default"},
		{"VarFiles win", "vars", terraform.Options{VarFiles: []string{"vars/extra.tfvars"}}, "aws_instance.web", "values.tags.Extra", "from-var-file"},
		{"unset variable is unknown", "vars", terraform.Options{}, "aws_instance.web", "values.user_data", unknown},
		{"locals reference later locals", "locals_funcs", terraform.Options{}, "aws_s3_bucket.b", "values.bucket", "acme-SHOP"},
		{"merge", "locals_funcs", terraform.Options{}, "aws_s3_bucket.b", "values.tags", map[string]any{"Team": "core", "App": "shop"}},
		{"concat", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.ports", []any{int64(22), int64(80), int64(443)}},
		{"cidrsubnet", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.cidr", "10.0.2.0/24"},
		{"join split", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.name", "a,b,c"},
		{"format", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.description", "port:8080"},
		{"local cycle is unknown", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.cyc", unknown},
		{"jsonencode", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.doc", `{"Version":"2012-10-17"}`},
		{"try fallback", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.safe", "fallback"},
		{"lookup default", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.lk", "dflt"},
		{"file + jsondecode inside the tree", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.policy", "Allow"},
		{"unknown function is unknown", "locals_funcs", terraform.Options{}, "aws_security_group.sg", "values.missing", unknown},
		{"count.index", "count_foreach", terraform.Options{}, "aws_instance.web[1]", "values.ami", "ami-1"},
		{"count index field", "count_foreach", terraform.Options{}, "aws_instance.web[1]", "index", 1},
		{"for_each set each.key", "count_foreach", terraform.Options{}, `aws_s3_bucket.each["b"]`, "values.bucket", "bucket-b"},
		{"for_each map each.value", "count_foreach", terraform.Options{}, `aws_iam_user.m["alice"]`, "values.path", "/admin/"},
		{"for_each index field", "count_foreach", terraform.Options{}, `aws_iam_user.m["bob"]`, "index", "bob"},
		{"for_each over a resource with for_each", "count_foreach", terraform.Options{}, `aws_s3_bucket_versioning.v["b"]`, "values.bucket", ref(`aws_s3_bucket.each["b"]`)},
		{"override file replaces an attribute", "count_foreach", terraform.Options{}, "aws_instance.web[0]", "values.instance_type", "overridden"},
		{"unknown count keeps one instance", "count_foreach", terraform.Options{}, "aws_instance.unknown_count", "values.ami", "ami-u"},
		{"reference to counted instance", "count_foreach", terraform.Options{}, "aws_eip.ip[1]", "values.instance", ref("aws_instance.web[1]")},
		{"dynamic block with iterator", "dynamic", terraform.Options{}, "aws_security_group.sg", "values.ingress.1.cidr_blocks", []any{"10.0.0.0/8"}},
		{"dynamic block count", "dynamic", terraform.Options{}, "aws_security_group.sg", "values.ingress.0.from_port", int64(22)},
		{"static nested block as list", "dynamic", terraform.Options{}, "aws_security_group.sg", "values.egress.0.protocol", "-1"},
		{"module input reaches resource", "modules", terraform.Options{}, "module.net.aws_security_group.web[0]", "values.ingress.0.cidr_blocks", []any{"0.0.0.0/0"}},
		{"module field", "modules", terraform.Options{}, "module.net.aws_security_group.web[0]", "module", "module.net"},
		{"module for_each", "modules", terraform.Options{}, `module.many["b"].aws_security_group_rule.r`, "values.from_port", int64(2)},
		{"module output keeps reference", "modules", terraform.Options{}, "aws_instance.app", "values.security_groups", []any{ref("module.net.aws_security_group.web[0]")}},
		{"remote module output unknown", "modules", terraform.Options{}, "aws_instance.app", "values.subnet", ref("module.remote")},
		{"reference to resource", "refs", terraform.Options{}, "aws_s3_bucket_public_access_block.b", "values.bucket", ref("aws_s3_bucket.b")},
		{"reference to data source", "refs", terraform.Options{}, "aws_s3_bucket_policy.p", "values.policy", ref("data.aws_iam_policy_document.p")},
		{"data source mode", "refs", terraform.Options{}, "data.aws_iam_policy_document.p", "mode", "data"},
		{"interpolated reference", "refs", terraform.Options{}, "data.aws_iam_policy_document.p", "values.statement.0.resources", []any{ref("aws_s3_bucket.b")}},
		{"jsonencode keeps unknown leaves", "refs", terraform.Options{}, "aws_iam_policy.wild", "values.policy",
			`{"Statement":[{"Action":"*","Effect":"Allow","Resource":{"__ref":"aws_s3_bucket.b","__unknown":true}}],"Version":"2012-10-17"}`},
		{"optional() defaults in typed variables", "typed", terraform.Options{}, "aws_security_group.this[0]", "values.ingress.1.cidr_blocks", []any{"10.0.0.0/8"}},
		{"lookup on an object", "typed", terraform.Options{}, "aws_security_group.this[0]", "values.ingress.0.cidr_blocks", []any{"0.0.0.0/0"}},
		{"for expression in merge", "typed", terraform.Options{}, "aws_security_group.this[0]", "values.tags", map[string]any{"Name": "x", "rule-0": "443", "rule-1": "5432"}},
		{"for_each over a for-expression map", "typed", terraform.Options{}, `aws_security_group_rule.r["rule-1"]`, "values.from_port", int64(5432)},
		{"reference into a counted resource", "typed", terraform.Options{}, `aws_security_group_rule.r["rule-0"]`, "values.security_group_id", ref("aws_security_group.this[0]")},
		{"nested module with count", "nested", terraform.Options{}, "module.a.module.b[1].aws_s3_bucket.x", "values.bucket", "app-1"},
		{"module source cycle stops", "cycle/x", terraform.Options{}, "module.y.aws_s3_bucket.y", "values.bucket", "y"},
		{"tf.json nested block list", "json_config", terraform.Options{}, "aws_security_group.json", "values.ingress.0.cidr_blocks", []any{"0.0.0.0/0"}},
		{"tf.json template", "json_config", terraform.Options{}, "aws_security_group.json", "values.tags.Name", "from-json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := parse(t, tc.dir, tc.opts)
			got := strip(get(resource(t, doc, tc.addr), tc.path))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s %s (-want +got):\n%s", tc.addr, tc.path, diff)
			}
		})
	}
}

func TestParseModuleAddresses(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"count_foreach", []string{
			"aws_instance.web[0]", "aws_instance.web[1]", `aws_s3_bucket.each["a"]`, `aws_s3_bucket.each["b"]`,
			`aws_iam_user.m["alice"]`, `aws_iam_user.m["bob"]`, "aws_instance.unknown_count", "aws_eip.ip[0]", "aws_eip.ip[1]",
			`aws_s3_bucket_versioning.v["a"]`, `aws_s3_bucket_versioning.v["b"]`,
		}},
		{"modules", []string{
			"module.net.aws_security_group.web[0]", `module.many["a"].aws_security_group_rule.r`,
			`module.many["b"].aws_security_group_rule.r`, "aws_instance.app",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, addresses(parse(t, tc.dir, terraform.Options{}))); diff != "" {
				t.Errorf("addresses (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseModuleUnresolvedModules(t *testing.T) {
	doc := parse(t, "modules", terraform.Options{})
	um := strip(doc["unresolved_modules"]).([]any)
	want := []any{map[string]any{"address": "module.remote", "source": "terraform-aws-modules/vpc/aws", "reason": terraform.ReasonNotDownloaded}}
	if diff := cmp.Diff(want, um); diff != "" {
		t.Errorf("unresolved_modules (-want +got):\n%s", diff)
	}
}

func TestParseModuleLocations(t *testing.T) {
	tests := []struct {
		name, dir, addr, path string
		want                  map[string]any
	}{
		{"resource block", "refs", "aws_s3_bucket_public_access_block.b", "__loc",
			map[string]any{"path": "refs/main.tf", "start_line": 5, "end_line": 11}},
		{"attribute key", "refs", "aws_s3_bucket_public_access_block.b", "values.__keys.block_public_policy",
			map[string]any{"path": "refs/main.tf", "start_line": 8, "end_line": 8}},
		{"nested block", "dynamic", "aws_security_group.sg", "values.egress.0.__loc",
			map[string]any{"path": "dynamic/main.tf", "start_line": 21, "end_line": 26}},
		{"nested block key", "dynamic", "aws_security_group.sg", "values.__keys.egress",
			map[string]any{"path": "dynamic/main.tf", "start_line": 21, "end_line": 26}},
		{"dynamic block", "dynamic", "aws_security_group.sg", "values.ingress.1.__loc",
			map[string]any{"path": "dynamic/main.tf", "start_line": 11, "end_line": 19}},
		{"attribute inside nested block", "dynamic", "aws_security_group.sg", "values.egress.0.__keys.cidr_blocks",
			map[string]any{"path": "dynamic/main.tf", "start_line": 25, "end_line": 25}},
		{"object attribute key", "vars", "aws_instance.web", "values.tags.__keys.Owner",
			map[string]any{"path": "vars/main.tf", "start_line": 30, "end_line": 30}},
		{"module resource in module file", "modules", "module.net.aws_security_group.web[0]", "__loc",
			map[string]any{"path": "modules/modules/net/main.tf", "start_line": 3, "end_line": 13}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := get(resource(t, parse(t, tc.dir, terraform.Options{}), tc.addr), tc.path)
			if diff := cmp.Diff(any(tc.want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseModuleSyntaxError(t *testing.T) {
	_, err := terraform.ParseModule(context.Background(), os.DirFS(fixtures), "invalid", terraform.Options{})
	var fe *scanner.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("want *scanner.FileError, got %v", err)
	}
	if fe.Path != "invalid/main.tf" || fe.Line != 6 {
		t.Errorf("got %s:%d, want invalid/main.tf:6", fe.Path, fe.Line)
	}
}

func TestRootModules(t *testing.T) {
	tests := []struct {
		name       string
		dirs, want []string
	}{
		{"called modules are not roots",
			[]string{"modules", "modules/modules/net", "modules/modules/sg", "refs", "vars", "nested", "nested/a", "nested/b"},
			[]string{"modules", "nested", "refs", "vars"}},
		{"a source cycle keeps one root", []string{"cycle/x", "cycle/y"}, []string{"cycle/x"}},
		{"module dir alone is a root", []string{"./modules/modules/net/"}, []string{"modules/modules/net"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := terraform.RootModules(context.Background(), os.DirFS(fixtures), tc.dirs)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("RootModules (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParsePlan(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(fixtures, "plan", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !terraform.IsPlan(src) {
		t.Fatal("IsPlan = false")
	}
	docs, err := terraform.ParsePlan(context.Background(), "plan/plan.json", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Kind != terraform.KindPlan {
		t.Fatalf("got %+v", docs)
	}
	doc := docs[0].Value
	tests := []struct {
		addr, path string
		want       any
	}{
		{"aws_s3_bucket.b", "values.tags.Env", "prod"},
		{"aws_s3_bucket_public_access_block.b", "values.bucket", ref("aws_s3_bucket.b")},
		{"aws_s3_bucket_public_access_block.b", "values.block_public_acls", true},
		{"module.net.aws_security_group.web[0]", "module", "module.net"},
		{"module.net.aws_security_group.web[0]", "index", int64(0)},
		{"module.net.aws_security_group.web[0]", "values.ingress.0.from_port", int64(22)},
		{"module.net.aws_security_group.web[0]", "values.ingress.0.security_groups", unknown},
		{"aws_s3_bucket.b", "__loc", map[string]any{"path": "plan/plan.json", "start_line": 1, "end_line": 1}},
	}
	for _, tc := range tests {
		t.Run(tc.addr+" "+tc.path, func(t *testing.T) {
			got := get(resource(t, doc, tc.addr), tc.path)
			if !strings.HasSuffix(tc.path, "__loc") {
				got = strip(got)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := terraform.ParsePlan(context.Background(), "bad.json", []byte("{\n  \"format_version\": ")); err == nil {
		t.Error("want error for truncated plan")
	}
}

func TestFunctionNames(t *testing.T) {
	names := strings.Join(terraform.FunctionNames(), " ")
	for _, want := range []string{"lower", "merge", "cidrsubnet", "templatefile", "try", "jsonencode", "file"} {
		if !strings.Contains(" "+names+" ", " "+want+" ") {
			t.Errorf("FunctionNames lacks %s", want)
		}
	}
}
