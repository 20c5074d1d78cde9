package iac

import (
	"context"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/tollgate-dev/tollgate/scanner/iac/checks"
)

var idRe = regexp.MustCompile(`^TG-(AWS|GCP|AZURE|K8S|DOCKER|GHA|GITLAB)-\d{4}$`)

// TestBuiltinChecksMetadata enforces what `tollgate rules` and the reports
// rely on: unique well-formed ids and complete metadata.
func TestBuiltinChecksMetadata(t *testing.T) {
	cs, err := loadChecks(nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.metas) == 0 {
		t.Fatal("no built-in checks")
	}
	for _, m := range cs.metas {
		if !idRe.MatchString(m.ID) {
			t.Errorf("%s: id %q does not match %s", m.Source, m.ID, idRe)
		}
		if m.Description == "" || m.Remediation == "" || len(m.References) == 0 {
			t.Errorf("%s (%s): description, remediation and references are required", m.ID, m.Source)
		}
		for _, r := range m.References {
			if !strings.HasPrefix(r, "https://") {
				t.Errorf("%s: reference %q is not an https URL", m.ID, r)
			}
		}
		want := "tollgate.iac."
		if !strings.HasPrefix(m.Package, want) {
			t.Errorf("%s: package %s should start with %s", m.ID, m.Package, want)
		}
	}
}

// TestEveryCheckHasTests requires a _test.rego beside each check.
func TestEveryCheckHasTests(t *testing.T) {
	files := map[string]bool{}
	_ = fs.WalkDir(checks.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[p] = true
		}
		return nil
	})
	cs, err := loadChecks(nil, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range cs.metas {
		p := strings.TrimPrefix(m.Source, "builtin:")
		test := strings.TrimSuffix(p, ".rego") + "_test.rego"
		if !files[test] {
			t.Errorf("%s: %s has no %s", m.ID, p, test)
		}
	}
}

// TestRegoUnitTests runs every Rego test of the built-in checks (all
// groups, every helper's), like `opa test scanner/iac/checks`.
func TestRegoUnitTests(t *testing.T) {
	ctx := context.Background()
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(checks.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		src, err := fs.ReadFile(checks.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		if !hasRule(m, "deny") {
			m.Annotations = nil // as loadChecks does for libraries
		}
		modules[p] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := tester.NewRunner().SetModules(modules).SetDefaultRegoVersion(ast.RegoV1).RunTests(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		if r.Error != nil {
			t.Errorf("%s: %s.%s: %v", r.Location, r.Package, r.Name, r.Error)
		} else if r.Fail {
			t.Errorf("%s: %s.%s failed", r.Location, r.Package, r.Name)
		}
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests", n)
}
