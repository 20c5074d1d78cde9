package terraform_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

// BenchmarkParseModule evaluates a generated module of 10 files with 10
// resources each (security groups referencing VPCs, locals, functions).
func BenchmarkParseModule(b *testing.B) {
	fsys := fstest.MapFS{}
	for f := 0; f < 10; f++ {
		var sb strings.Builder
		fmt.Fprintf(&sb, "variable \"v%d\" {\n  default = \"x%d\"\n}\n\nlocals {\n  l%d = \"${var.v%d}-suffix\"\n}\n", f, f, f, f)
		for r := 0; r < 5; r++ {
			fmt.Fprintf(&sb, `
resource "aws_security_group" "sg_%[1]d_%[2]d" {
  name   = "${local.l%[1]d}-%[2]d"
  vpc_id = aws_vpc.v_%[1]d_%[2]d.id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "sg", Env = "prod" }
}

resource "aws_vpc" "v_%[1]d_%[2]d" {
  cidr_block = cidrsubnet("10.0.0.0/8", 8, %[2]d)
}
`, f, r)
		}
		fsys[fmt.Sprintf("m/f%d.tf", f)] = &fstest.MapFile{Data: []byte(sb.String())}
	}
	b.ReportAllocs()
	for b.Loop() {
		docs, err := terraform.ParseModule(context.Background(), fsys, "m", terraform.Options{})
		if err != nil || len(docs[0].Value["resources"].([]any)) != 100 {
			b.Fatalf("unexpected result: %v", err)
		}
	}
}
