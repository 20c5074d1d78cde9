package terraform_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

func TestModuleManifest(t *testing.T) {
	call := "module \"m\" {\n  source = \"org/m/aws\"\n}\n"
	mod := "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n"
	for _, tc := range []struct {
		name, manifest string
		wantAddr       string // a resource that must be there ("" for none)
		wantUnresolved bool
		wantErr        string
	}{
		{"downloaded", `{"Modules":[{"Key":"","Dir":"."},{"Key":"m","Source":"org/m/aws","Dir":".terraform/modules/m"}]}`, "module.m.aws_s3_bucket.b", false, ""},
		{"no entry", `{"Modules":[{"Key":"","Dir":"."}]}`, "", true, ""},
		{"outside the tree", `{"Modules":[{"Key":"m","Dir":"../../elsewhere"}]}`, "", true, "outside the scanned tree"},
		{"invalid", `{"Modules": [`, "", true, "module manifest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"root/main.tf":                         {Data: []byte(call)},
				"root/.terraform/modules/m/main.tf":    {Data: []byte(mod)},
				"root/.terraform/modules/modules.json": {Data: []byte(tc.manifest)},
			}
			docs, err := terraform.ParseModule(context.Background(), fsys, "root", terraform.Options{})
			if tc.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != "" {
				var fe *scanner.FileError
				if !errors.As(err, &fe) || fe.Path != "root/.terraform/modules/modules.json" || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("err = %v, want a FileError on the manifest with %q", err, tc.wantErr)
				}
			}
			if len(docs) != 1 {
				t.Fatalf("got %d documents", len(docs))
			}
			res := docs[0].Value["resources"].([]any)
			if tc.wantAddr != "" {
				if len(res) != 1 || res[0].(map[string]any)["address"] != tc.wantAddr {
					t.Errorf("resources = %v, want %s", res, tc.wantAddr)
				}
				if p := res[0].(map[string]any)["__loc"].(map[string]any)["path"]; p != "root/.terraform/modules/m/main.tf" {
					t.Errorf("resource located in %v, want the downloaded file", p)
				}
			}
			um := docs[0].Value["unresolved_modules"].([]any)
			if got := len(um) == 1; got != tc.wantUnresolved {
				t.Errorf("unresolved_modules = %v, want unresolved %v", um, tc.wantUnresolved)
			}
		})
	}
}

// TestOverrideJSONKeepsNestedBlocks: a .tf.json override of a native block
// replaces only what it names; the base's other arguments and nested
// blocks stay.
func TestOverrideJSONKeepsNestedBlocks(t *testing.T) {
	fsys := fstest.MapFS{
		"main.tf":            {Data: []byte("resource \"aws_security_group\" \"sg\" {\n  name = \"a\"\n  ingress {\n    from_port = 22\n  }\n}\n")},
		"x_override.tf.json": {Data: []byte(`{"resource": {"aws_security_group": {"sg": {"name": "b"}}}}`)},
		"y_override.tf":      {Data: []byte("resource \"aws_security_group\" \"sg\" {\n  description = \"d\"\n}\n")},
	}
	docs, err := terraform.ParseModule(context.Background(), fsys, ".", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := docs[0].Value["resources"].([]any)[0].(map[string]any)["values"].(map[string]any)
	if v["name"] != "b" || v["description"] != "d" {
		t.Errorf("overrides not applied in order: %v", v)
	}
	ing, _ := v["ingress"].([]any)
	if len(ing) != 1 || ing[0].(map[string]any)["from_port"] != int64(22) {
		t.Errorf("nested block lost: %v", v["ingress"])
	}
	keys := v["__keys"].(map[string]any)
	if p := keys["name"].(map[string]any)["path"]; p != "x_override.tf.json" {
		t.Errorf("name located in %v, want the override file", p)
	}
}

// TestTFVarEnv: TF_VAR_* values reach root module variables below the
// variables files, typed as terraform types them, and never reach the
// variables of a child module.
func TestTFVarEnv(t *testing.T) {
	env := terraform.VarsFromEnviron([]string{
		"TF_VAR_name=from-env", "TF_VAR_ports=[22, 80]", "TF_VAR_size=3", "TF_VAR_owner=from-env",
		"TF_VAR_bad=[unclosed", "PATH=/usr/bin", "TF_VAR_=ignored", "TF_VAR_inner=not-for-children",
	})
	if _, ok := env[""]; ok || len(env) != 6 {
		t.Fatalf("VarsFromEnviron = %v", env)
	}
	fsys := fstest.MapFS{
		"main.tf": {Data: []byte(`
variable "name" {}
variable "ports" { type = list(number) }
variable "size" { type = number }
variable "owner" { type = string }
variable "bad" { type = list(string) }
resource "aws_instance" "i" {
  tags  = { Name = var.name, Owner = var.owner, Size = var.size }
  ports = var.ports
  bad   = var.bad
}
module "child" { source = "./child" }
`)},
		"terraform.tfvars": {Data: []byte(`owner = "from-tfvars"`)},
		"child/main.tf": {Data: []byte(`
variable "inner" { default = "child-default" }
resource "aws_instance" "c" { ami = var.inner }
`)},
	}
	docs, err := terraform.ParseModule(context.Background(), fsys, ".", terraform.Options{Env: env})
	if err != nil {
		t.Fatal(err)
	}
	byAddr := map[string]map[string]any{}
	for _, r := range docs[0].Value["resources"].([]any) {
		m := r.(map[string]any)
		byAddr[m["address"].(string)] = m["values"].(map[string]any)
	}
	i := byAddr["aws_instance.i"]
	tags := i["tags"].(map[string]any)
	if tags["Name"] != "from-env" || tags["Owner"] != "from-tfvars" || tags["Size"] != int64(3) {
		t.Errorf("tags = %v: want Name from env, Owner from terraform.tfvars (which wins), Size 3", tags)
	}
	if ps, _ := i["ports"].([]any); len(ps) != 2 || ps[0] != int64(22) {
		t.Errorf("ports = %v, want [22 80]", i["ports"])
	}
	if b, _ := i["bad"].(map[string]any); b["__unknown"] != true {
		t.Errorf("an unparsable list is %v, want unknown", i["bad"])
	}
	if c := byAddr["module.child.aws_instance.c"]; c["ami"] != "child-default" {
		t.Errorf("child module variable = %v: TF_VAR_ applies to the root module only", c["ami"])
	}
}
