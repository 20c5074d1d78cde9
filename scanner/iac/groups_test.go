package iac

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestCheckGroups pins how the built-in checks split into compilation
// groups, one per directory, and that each group carries the libraries its
// checks import and nothing of the other groups.
func TestCheckGroups(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	byName := map[string]*checkGroup{}
	for _, g := range s.engine.groups {
		got = append(got, g.name)
		byName[g.name] = g
		for name := range g.modules {
			for _, other := range s.engine.groups {
				if other == g {
					continue
				}
				for _, m := range other.metas {
					if m.Source == name {
						t.Errorf("group %s compiles %s, a check of group %s", g.name, name, other.name)
					}
				}
			}
		}
		for _, m := range g.metas {
			if g.modules[m.Source] == nil {
				t.Errorf("group %s lacks its check %s", g.name, m.Source)
			}
		}
	}
	want := []string{"aws", "azure", "dockerfile", "gcp", "github", "gitlab", "kubernetes"}
	if !slices.Equal(got, want) {
		t.Errorf("groups = %v, want %v", got, want)
	}
	if k := byName["azure"].kinds; !slices.Contains(k, KindARM) || !slices.Contains(k, KindTerraform) {
		t.Errorf("azure group kinds = %v, want arm and terraform among them", k)
	}
	k8s := byName["kubernetes"]
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
		if compiled := g.compiler != nil; compiled != (g.name == "dockerfile") {
			t.Errorf("group %s compiled = %v after scanning one Dockerfile", g.name, compiled)
		}
		// the parsed modules go once compiled (the compiler has copies)
		if kept := g.modules != nil; kept == (g.compiler != nil) {
			t.Errorf("group %s: compiled %v, parsed modules kept %v", g.name, g.compiler != nil, kept)
		}
	}
	if s.checks.modules != nil {
		t.Error("the check set keeps every parsed module after New")
	}
	// An AWS-only terraform module needs the AWS checks, not GCP's or Azure's.
	root = t.TempDir()
	writeFile(t, root, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n")
	s, err = New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res, err = scanner.Run(context.Background(), root, []scanner.Scanner{s}); err != nil || len(res.Findings) == 0 {
		t.Fatalf("AWS module: %d findings, err %v", len(res.Findings), err)
	}
	for _, g := range s.engine.groups {
		if compiled := g.compiler != nil; compiled != (g.name == "aws") {
			t.Errorf("group %s compiled = %v after scanning one AWS module", g.name, compiled)
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

// TestBuiltinGroupsCompileStrict compiles every built-in group with all
// the compiler's stages: the scanner skips the validation stages for them
// (validationStages), so this is where a type error, a recursion or a rule
// conflict in a built-in check is caught.
func TestBuiltinGroupsCompileStrict(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range s.engine.groups {
		if !g.builtinOnly {
			t.Errorf("group %s is not built-in only", g.name)
		}
		g.strict = true
		if err := g.ready(context.Background()); err != nil {
			t.Errorf("group %s: %v", g.name, err)
		}
	}
}

// TestUserGroupValidates: a group with a user check runs every validation
// stage, so a type error in a user check fails at New like before.
func TestUserGroupValidates(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "c.rego", "# METADATA\n# title: T\n# scope: package\n# custom:\n#   id: ACME-9\n#   severity: LOW\n#   frameworks: [dockerfile]\npackage acme.typed\n\ndeny contains \"m\" if {\n\tcount(1) > 0\n}\n")
	_, err := New(Options{ExtraCheckDirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "c.rego") || !strings.Contains(err.Error(), "rego_type_error") {
		t.Errorf("err = %v, want a type error naming c.rego", err)
	}
}

// TestSelectionCache: documents with the same kind and resource types
// share one selection; other types get their own, and the cached one is
// what selectChecks would compute afresh.
func TestSelectionCache(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var aws *checkGroup
	for _, g := range s.engine.groups {
		if g.name == "aws" {
			aws = g
		}
	}
	ids := func(sel selection) []string {
		var out []string
		for _, m := range sel.checks {
			out = append(out, m.ID)
		}
		return out
	}
	bucket := map[string]bool{"aws_s3_bucket": true}
	kms := map[string]bool{"aws_kms_key": true}
	first := aws.selectChecks(KindTerraform, bucket, true)
	again := aws.selectChecks(KindTerraform, map[string]bool{"aws_s3_bucket": true}, true)
	other := aws.selectChecks(KindTerraform, kms, true)
	cfn := aws.selectChecks(KindCloudFormation, bucket, true)
	if first.key != again.key || !slices.Equal(ids(first), ids(again)) {
		t.Errorf("same types, different selections: %v / %v", ids(first), ids(again))
	}
	if first.key == other.key || slices.Equal(ids(first), ids(other)) {
		t.Errorf("aws_s3_bucket and aws_kms_key select the same checks: %v", ids(first))
	}
	if first.key == cfn.key {
		t.Error("terraform and cloudformation selections share a key")
	}
	if !slices.Contains(ids(first), "TG-AWS-0005") || slices.Contains(ids(other), "TG-AWS-0005") {
		t.Errorf("TG-AWS-0005 (S3 encryption) selected for a bucket: %v, for a key: %v", ids(first), ids(other))
	}
	if n := len(aws.selections); n != 3 {
		t.Errorf("%d cached selections, want 3", n)
	}
	// Compared with the computation of a fresh scanner, each type mix
	// asked once.
	s2, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range s2.engine.groups {
		if g.name != "aws" {
			continue
		}
		for _, types := range []map[string]bool{bucket, kms, {"aws_s3_bucket": true, "aws_kms_key": true}} {
			if got, want := aws.selectChecks(KindTerraform, types, true), g.selectChecks(KindTerraform, types, true); !slices.Equal(ids(got), ids(want)) || got.key != want.key {
				t.Errorf("types %v: cached %v, fresh %v", types, ids(got), ids(want))
			}
		}
	}
	if k1, k2 := selectionKey("t", map[string]bool{"a": true, "bc": true}), selectionKey("t", map[string]bool{"ab": true, "c": true}); k1 == k2 {
		t.Errorf("selection keys collide: %q", k1)
	}
}

// TestCachesPerScanner: two scanners with different user checks scan the
// same tree; each reports its own check and not the other's (the
// compiled groups, prepared queries and selections belong to one scanner).
func TestCachesPerScanner(t *testing.T) {
	check := func(id string) string {
		return "# METADATA\n# title: T\n# scope: package\n# custom:\n#   id: " + id + "\n#   severity: LOW\n#   frameworks: [dockerfile, terraform]\npackage acme." + strings.ToLower(strings.ReplaceAll(id, "-", "_")) + "\n\ndeny contains \"m\" if true\n"
	}
	root := t.TempDir()
	writeFile(t, root, "Dockerfile", "FROM alpine:3.20\nUSER 10001\n")
	writeFile(t, root, "main.tf", "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = true\n}\n")
	ids := map[string][]string{}
	for _, id := range []string{"ACME-1", "ACME-2"} {
		dir := t.TempDir()
		writeFile(t, dir, "c.rego", check(id))
		s, err := New(Options{ExtraCheckDirs: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if strings.HasPrefix(f.RuleID, "ACME-") {
				ids[id] = append(ids[id], f.RuleID+" "+f.Location.Path)
			}
		}
	}
	for id, got := range ids {
		want := []string{id + " Dockerfile", id + " main.tf"}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("scanner with %s: %v, want %v", id, got, want)
		}
	}
	if len(ids) != 2 {
		t.Errorf("user findings: %v", ids)
	}
}
