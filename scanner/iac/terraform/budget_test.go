package terraform_test

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

// Each budget, exceeded by a small configuration: the module is still
// evaluated, the budget comes back as a *scanner.BudgetError inside a
// *scanner.FileError naming the file and line, and the resources that were
// evaluated are in the document.
func TestParseModuleBudgets(t *testing.T) {
	small := terraform.Budgets{StringLength: 1000, CollectionSize: 500, Instances: 5, ModuleInstances: 3, ResourceInstances: 8, Steps: 20_000}
	cases := []struct {
		name       string
		files      map[string]string
		budget     string
		path       string
		line       int
		resources  int // resource instances in the document
		unknownKey string
	}{
		{
			name: "string length by join and range",
			files: map[string]string{"m/main.tf": `locals {
  a = "xxxxxxxxxx"
  b = join(",", [for i in range(50) : local.a])
  c = join(",", [for i in range(50) : local.b])
}
resource "aws_s3_bucket" "b" {
  bucket = local.c
}
`},
			budget: terraform.BudgetStringLength, path: "m/main.tf", line: 4, resources: 1, unknownKey: "bucket",
		},
		{
			name: "string doubling through templates",
			files: map[string]string{"m/main.tf": `locals {
  a = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  b = "${local.a}${local.a}${local.a}${local.a}"
  c = "${local.b}${local.b}${local.b}${local.b}"
}
resource "aws_s3_bucket" "b" {
  bucket = local.c
}
`},
			budget: terraform.BudgetStringLength, path: "m/main.tf", line: 4, resources: 1, unknownKey: "bucket",
		},
		{
			name: "collection size of nested for",
			files: map[string]string{"m/main.tf": `locals {
  a = flatten([for i in range(40) : [for j in range(40) : j]])
}
resource "aws_s3_bucket" "b" {
  bucket = length(local.a)
}
`},
			budget: terraform.BudgetCollectionSize, path: "m/main.tf", line: 2, resources: 1, unknownKey: "bucket",
		},
		{
			name: "format width",
			files: map[string]string{"m/main.tf": `resource "aws_s3_bucket" "b" {
  bucket = format("%999999999d", 1)
}
`},
			budget: terraform.BudgetStringLength, path: "m/main.tf", line: 2, resources: 1, unknownKey: "bucket",
		},
		{
			name: "replace amplification",
			files: map[string]string{"m/main.tf": `resource "aws_s3_bucket" "b" {
  bucket = replace("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
}
`},
			budget: terraform.BudgetStringLength, path: "m/main.tf", line: 2, resources: 1, unknownKey: "bucket",
		},
		{
			name: "count",
			files: map[string]string{"m/main.tf": `resource "aws_s3_bucket" "b" {
  count  = 10000000
  bucket = "b"
}
`},
			budget: terraform.BudgetInstances, path: "m/main.tf", line: 2, resources: 5,
		},
		{
			name: "for_each",
			files: map[string]string{"m/main.tf": `resource "aws_s3_bucket" "b" {
  for_each = toset([for i in range(100) : "k${i}"])
  bucket   = each.key
}
`},
			budget: terraform.BudgetInstances, path: "m/main.tf", line: 2, resources: 5,
		},
		{
			name: "module fan-out",
			files: map[string]string{
				"m/main.tf":   "module \"a\" {\n  source = \"./a\"\n  count  = 2\n}\n",
				"m/a/main.tf": "module \"b\" {\n  source = \"../b\"\n  count  = 2\n}\n",
				"m/b/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
			},
			// a[0], a[0].b[0], a[0].b[1]; a[1] is one too many
			budget: terraform.BudgetModuleInstances, path: "m/main.tf", line: 1, resources: 2,
		},
		{
			name: "resource instances",
			files: map[string]string{"m/main.tf": `resource "aws_s3_bucket" "a" {
  count  = 5
  bucket = "a"
}
resource "aws_s3_bucket" "b" {
  count  = 5
  bucket = "b"
}
`},
			budget: terraform.BudgetResourceInstances, path: "m/main.tf", line: 5, resources: 8,
		},
		{
			name: "steps",
			files: map[string]string{"m/main.tf": `locals {
  a = [for i in range(400) : [for j in range(100) : j]]
}
resource "aws_s3_bucket" "b" {
  bucket = length(local.a)
}
`},
			budget: terraform.BudgetSteps, path: "m/main.tf", line: 2, resources: 1, unknownKey: "bucket",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for p, src := range c.files {
				fsys[p] = &fstest.MapFile{Data: []byte(src)}
			}
			docs, err := terraform.ParseModule(context.Background(), fsys, "m", terraform.Options{Budgets: small})
			var fe *scanner.FileError
			var be *scanner.BudgetError
			if !errors.As(err, &fe) || !errors.As(err, &be) {
				t.Fatalf("err = %v, want a budget error", err)
			}
			if be.Budget != c.budget || fe.Path != c.path || fe.Line != c.line {
				t.Errorf("budget %s at %s:%d (%v), want %s at %s:%d", be.Budget, fe.Path, fe.Line, err, c.budget, c.path, c.line)
			}
			if len(docs) != 1 {
				t.Fatalf("docs = %d, want the document evaluated so far", len(docs))
			}
			res, _ := docs[0].Value["resources"].([]any)
			if len(res) != c.resources {
				t.Errorf("resources = %d, want %d", len(res), c.resources)
			}
			if c.unknownKey != "" && len(res) > 0 {
				v := res[0].(map[string]any)["values"].(map[string]any)[c.unknownKey]
				if m, ok := v.(map[string]any); !ok || m["__unknown"] != true {
					t.Errorf("%s = %v, want unknown", c.unknownKey, v)
				}
			}
		})
	}
}

// Under the default budgets an ordinary module exceeds nothing.
func TestParseModuleWithinBudgets(t *testing.T) {
	fsys := fstest.MapFS{"m/main.tf": {Data: []byte(`locals {
  names = [for i in range(200) : "bucket-${i}"]
}
resource "aws_s3_bucket" "b" {
  for_each = toset(local.names)
  bucket   = join("-", [each.key, "logs"])
}
`)}}
	docs, err := terraform.ParseModule(context.Background(), fsys, "m", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res := docs[0].Value["resources"].([]any); len(res) != 200 {
		t.Errorf("resources = %d, want 200", len(res))
	}
}
