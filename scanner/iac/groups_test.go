package iac

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestCheckGroups pins how the built-in checks split into compilation
// groups: kinds that share a check are one group, and each group carries
// the libraries its checks import and nothing of the other groups.
func TestCheckGroups(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, g := range s.engine.groups {
		got = append(got, g.kinds)
		for name := range g.modules {
			for _, other := range s.engine.groups {
				if other == g {
					continue
				}
				for _, m := range other.metas {
					if m.Source == name {
						t.Errorf("group %v compiles %s, a check of group %v", g.kinds, name, other.kinds)
					}
				}
			}
		}
		for _, m := range g.metas {
			if g.modules[m.Source] == nil {
				t.Errorf("group %v lacks its check %s", g.kinds, m.Source)
			}
		}
	}
	want := [][]string{
		{KindARM, KindCloudFormation, KindTerraform, KindTerraformPlan}, // the Azure checks serve terraform and arm
		{KindDockerfile},
		{KindGitHubActions},
		{KindGitLabCI},
		{KindKubernetes},
	}
	slices.SortFunc(got, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups = %v, want %v", got, want)
	}
	k8s := s.engine.groupOf[KindKubernetes]
	if k8s.modules["builtin:lib/k8s.rego"] == nil || k8s.modules["builtin:lib/iac.rego"] == nil {
		t.Error("the kubernetes group lacks lib/k8s.rego or lib/iac.rego, which its checks import")
	}
	if k8s.modules["builtin:lib/aws.rego"] != nil {
		t.Error("the kubernetes group compiles lib/aws.rego, which none of its checks uses")
	}
}

// TestOnlyNeededGroupsCompile scans a tree of one Dockerfile and checks that
// only the Dockerfile checks were compiled: start-up pays for what the tree
// holds.
func TestOnlyNeededGroupsCompile(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range s.engine.groups {
		if g.compiler != nil {
			t.Fatalf("group %v compiled before any scan", g.kinds)
		}
	}
	root := t.TempDir()
	writeFile(t, root, "Dockerfile", "FROM alpine:latest\n")
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("no finding on FROM alpine:latest")
	}
	for _, g := range s.engine.groups {
		if compiled := g.compiler != nil; compiled != slices.Contains(g.kinds, KindDockerfile) {
			t.Errorf("group %v compiled = %v after scanning one Dockerfile", g.kinds, compiled)
		}
	}
}

// TestUserLibraryErrorsAtStart: user modules are compiled by New even when
// no check uses them, so a broken user library fails before any scan.
func TestUserLibraryErrorsAtStart(t *testing.T) {
	check := func(id, body string) string {
		return "# METADATA\n# title: T\n# scope: package\n# custom:\n#   id: " + id + "\n#   severity: LOW\n#   frameworks: [dockerfile]\npackage acme." + strings.ToLower(strings.ReplaceAll(id, "-", "_")) + "\n\nimport data.lib.docker\n\n" + body + "\n"
	}
	dir := t.TempDir()
	writeFile(t, dir, "lib.rego", "package acme.lib\n\nbroken if {\n\tx == 1\n}\n")
	writeFile(t, dir, "c.rego", check("ACME-1", `deny contains "m" if input.x == 1`))
	_, err := New(Options{ExtraCheckDirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "lib.rego") || !strings.Contains(err.Error(), "unsafe") {
		t.Errorf("err = %v, want an unsafe-variable error naming lib.rego", err)
	}
	// A broken user check fails at New, with the built-in library it imports.
	dir = t.TempDir()
	writeFile(t, dir, "c.rego", check("ACME-2", "deny contains \"m\" if {\n\ty == 1\n}"))
	_, err = New(Options{ExtraCheckDirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "c.rego") || !strings.Contains(err.Error(), "unsafe") {
		t.Errorf("err = %v, want an unsafe-variable error naming c.rego", err)
	}
}
