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
