package iac

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update", false, "rewrite the check tables of docs/iac.md")

// TestDocsCheckTable keeps the "Built-in checks" section of docs/iac.md
// equal to the METADATA of the built-in checks; `go test ./scanner/iac
// -run TestDocsCheckTable -update` rewrites it.
func TestDocsCheckTable(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	sections := []struct{ group, heading string }{
		{"kubernetes", "Kubernetes"},
		{"dockerfile", "Dockerfile"},
		{"github", "GitHub Actions"},
		{"gitlab", "GitLab CI"},
		{"aws", "AWS (Terraform, CloudFormation)"},
		{"gcp", "GCP (Terraform)"},
		{"azure", "Azure (Terraform, ARM, Bicep)"},
	}
	byGroup := map[string]*checkGroup{}
	for _, g := range s.engine.groups {
		byGroup[g.name] = g
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- checks:begin -->\n## Built-in checks\n\n%d checks (generated from the METADATA of `scanner/iac/checks` by `go test ./scanner/iac -run TestDocsCheckTable -update`; `tollgate rules --scanner iac` prints the current list).\n", len(s.Checks()))
	listed := 0
	for _, sec := range sections {
		g := byGroup[sec.group]
		if g == nil {
			t.Fatalf("no check group %q", sec.group)
		}
		fmt.Fprintf(&b, "\n### %s (%d)\n\n| ID | Severity | Frameworks | Title |\n| --- | --- | --- | --- |\n", sec.heading, len(g.metas))
		for _, m := range s.Checks() {
			if groupName(&m) != sec.group {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", m.ID, m.Severity, strings.Join(m.Frameworks, ", "), strings.ReplaceAll(m.Title, "|", "\\|"))
			listed++
		}
	}
	if listed != len(s.Checks()) {
		t.Fatalf("the sections list %d of %d checks: a check directory has no section here", listed, len(s.Checks()))
	}
	b.WriteString("<!-- checks:end -->")
	path := filepath.Join("..", "..", "docs", "iac.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(doc), "<!-- checks:begin -->")
	end := strings.Index(string(doc), "<!-- checks:end -->")
	if start < 0 || end < start {
		t.Fatal("docs/iac.md has no checks:begin/checks:end markers")
	}
	want := string(doc[:start]) + b.String() + string(doc[end+len("<!-- checks:end -->"):])
	if *updateDocs {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != string(doc) {
		t.Error("docs/iac.md's check tables are stale: run go test ./scanner/iac -run TestDocsCheckTable -update")
	}
}
