package iac

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/scanner"
)

// libAWS stands for the library: rules that iterate typed lookups of
// their own package, and one that does not.
const libAWS = `package lib.aws

tf(t) := input.index[t]

cfn(t) := input.cfn[t]

open_ingress contains x if {
	some x in tf("aws_security_group")
}

open_ingress contains x if {
	some x in cfn("AWS::EC2::SecurityGroup")
}

everything contains x if {
	some x in input.resources
}

prefixed contains r if {
	some r in input.resources
	startswith(r.type, "google_")
}

sources := open_ingress | prefixed
`

// libK8s stands for the Kubernetes library: rules defined only for some
// kinds, and values built from them.
const libK8s = `package lib.k8s

pod_kinds := {"Pod", "Deployment"}

is_workload if input.kind in pod_kinds

spec := input.spec if input.kind == "Pod"
else := input.spec.template.spec if input.kind in pod_kinds

containers := array.concat(object.get(spec, "containers", []), object.get(spec, "initContainers", []))

rules := object.get(input, "rules", []) if input.kind in {"Role", "ClusterRole"}
else := []

meta := input.metadata if input.kind == "Pod"
else := {"name": "x"}

sc := s if {
	s := spec.securityContext
	is_object(s)
} else := {}
`

func TestTriggerTypes(t *testing.T) {
	const head = "package x\n\nimport data.lib.aws\nimport data.lib.cloud\nimport data.lib.iac\nimport data.lib.k8s\n\n"
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"index", `deny contains 1 if { some r in aws.tf_index["aws_s3_bucket"]; r.x }`, []string{"aws_s3_bucket"}},
		{"cfn index and tf call", "deny contains 1 if { some r in aws.cfn_index[\"AWS::S3::Bucket\"] }\ndeny contains 2 if { some r in aws.tf(\"aws_kms_key\") }", []string{"AWS::S3::Bucket", "aws_kms_key"}},
		{"later iteration", `deny contains 1 if { input.x == 1; some r in cloud.tf("google_sql_database_instance") }`, []string{"google_sql_database_instance"}},
		{"types from a literal list", `deny contains 1 if { some t in ["azurerm_a", "azurerm_b"]; some r in iac.resources(t) }`, []string{"azurerm_a", "azurerm_b"}},
		{"types from array.concat", `deny contains 1 if { some t in array.concat(["a"], ["b"]); some r in cloud.tf(t) }`, []string{"a", "b"}},
		{"helper rule", "deny contains 1 if { some [r, b] in _site; b.x }\n_site contains [r, b] if { some r in cloud.tf(\"azurerm_app_service\"); some b in r.values.site_config }", []string{"azurerm_app_service"}},
		{"one rule without", "deny contains 1 if { some r in aws.tf_index[\"aws_s3_bucket\"] }\ndeny contains 2 if { input.providers[_].x }", nil},
		{"negated", `deny contains 1 if { not aws.tf_index["aws_cloudtrail"]; input.x }`, nil},
		{"helper with a default", "deny contains 1 if { some r in _h }\ndefault _h := [1]\n_h := x if { some x in aws.tf(\"t\") }", nil},
		{"type from input", `deny contains 1 if { some r in aws.tf(input.t) }`, nil},
		{"not a lookup", `deny contains 1 if { some r in aws.linked("t", "bucket", input) }`, nil},
		{"unknown library", "deny contains 1 if { some r in data.other.tf(\"t\") }", nil},
		{"no deny", `allow if true`, nil},
		{"types from a constant rule", "types := [\"a\", \"b\"]\ndeny contains 1 if { some t in types; some r in cloud.tf(t) }", []string{"a", "b"}},
		{"types from a constant object's keys", "src := {\"a\": \"policy\", \"b\": \"policy\"}\ndeny contains 1 if { some t, k in src; some r in aws.tf(t); r[k] }", []string{"a", "b"}},
		{"a rule that is not constant", "types := [input.t]\ndeny contains 1 if { some t in types; some r in cloud.tf(t) }", nil},
		{"library rule", `deny contains 1 if { some x in aws.open_ingress; x.y }`, []string{"AWS::EC2::SecurityGroup", "aws_security_group"}},
		{"library rule without triggers", `deny contains 1 if { some x in aws.everything; x.y }`, nil},
		{"union of library rules", `deny contains 1 if { some x in aws.sources; x.y }`, []string{"AWS::EC2::SecurityGroup", "aws_security_group", "google_*"}},
		{"type equality", `deny contains 1 if { some r in input.resources; r.mode == "data"; r.type == "aws_iam_policy_document" }`, []string{"aws_iam_policy_document"}},
		{"type in a set", `deny contains 1 if { some r in object.get(input, "resources", []); r.type in {"a", "b"} }`, []string{"a", "b"}},
		{"type regex", "deny contains 1 if { some r in input.resources; regex.match(`^google_.*_iam_member$`, r.type) }", []string{"re:^google_.*_iam_member$"}},
		{"type test on another variable", `deny contains 1 if { some r in input.resources; some b in r.blocks; b.type == "ingress" }`, nil},
		{"kind equality", `deny contains 1 if { input.kind == "Service"; input.spec.type == "NodePort" }`, []string{"kind:Service"}},
		{"kind in a set", `deny contains 1 if { input.kind in {"Role", "ClusterRole"} }`, []string{"kind:ClusterRole", "kind:Role"}},
		{"kind in a library constant", `deny contains 1 if { input.kind in k8s.pod_kinds }`, []string{"kind:Deployment", "kind:Pod"}},
		{"library rule guarded by kind", `deny contains 1 if { k8s.is_workload }`, []string{"kind:Deployment", "kind:Pod"}},
		{"inside an else chain of kinds", `deny contains 1 if { input.x; k8s.spec.hostPID == true }`, []string{"kind:Deployment", "kind:Pod"}},
		{"value built from a guarded rule", `deny contains 1 if { some c in k8s.containers; c.privileged }`, []string{"kind:Deployment", "kind:Pod"}},
		{"empty else, iterated", `deny contains 1 if { some r in k8s.rules; r.verbs }`, []string{"kind:ClusterRole", "kind:Role"}},
		{"empty else, not iterated", `deny contains 1 if { count(k8s.rules) == 0 }`, nil},
		{"else with a value", `deny contains 1 if { k8s.meta.name }`, nil},
		{"negated guarded rule", `deny contains 1 if { not k8s.spec.hostPID; input.x }`, nil},
		{"guarded rule in a comprehension", `deny contains 1 if { cs := [c | some c in k8s.containers]; count(cs) == 0 }`, nil},
		{"guarded rule printed", `deny contains 1 if { print(k8s.spec); input.x }`, nil},
		{"kind compared with input", `deny contains 1 if { input.kind == input.other }`, nil},
		{"guarded rule read through a local", `deny contains 1 if { some s in k8s.sc.sysctls; s.name }`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mod, err := ast.ParseModuleWithOpts("x.rego", head+tc.body, ast.ParserOptions{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Fatal(err)
			}
			lib, err := ast.ParseModuleWithOpts("lib.rego", libAWS, ast.ParserOptions{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Fatal(err)
			}
			k8s, err := ast.ParseModuleWithOpts("k8s.rego", libK8s, ast.ParserOptions{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Fatal(err)
			}
			ix := newTriggerIndex(map[string]*ast.Module{"x.rego": mod, "lib.rego": lib, "k8s.rego": k8s})
			if got := ix.triggerTypes(mod); !slices.Equal(got, tc.want) {
				t.Errorf("triggerTypes = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTriggerMatcher(t *testing.T) {
	triggers := map[string][]string{"a": {"aws_s3_bucket"}, "b": {"google_*"}, "c": {"re:^azurerm_.*_rule$"}}
	m := newTriggerMatcher(triggers)
	for _, tc := range []struct {
		check string
		types []string
		want  bool
	}{
		{"a", []string{"aws_s3_bucket"}, true},
		{"a", []string{"aws_s3_bucket_policy"}, false},
		{"b", []string{"aws_kms_key", "google_sql_database_instance"}, true},
		{"b", []string{"aws_kms_key"}, false},
		{"c", []string{"azurerm_firewall_rule"}, true},
		{"c", []string{"azurerm_firewall"}, false},
	} {
		set := map[string]bool{}
		for _, x := range tc.types {
			set[x] = true
		}
		if got := m.any(triggers[tc.check], set); got != tc.want {
			t.Errorf("%v on %v = %v, want %v", triggers[tc.check], tc.types, got, tc.want)
		}
	}
}

func TestDocumentTypes(t *testing.T) {
	tf := map[string]any{"resources": []any{map[string]any{"type": "aws_s3_bucket"}, map[string]any{"type": "aws_kms_key"}}}
	cfn := map[string]any{"Resources": map[string]any{"B": map[string]any{"Type": "AWS::S3::Bucket"}, "__loc": map[string]any{}}}
	for name, tc := range map[string]struct {
		v    map[string]any
		want []string
		ok   bool
	}{
		"terraform":      {tf, []string{"aws_kms_key", "aws_s3_bucket"}, true},
		"cloudformation": {cfn, []string{"AWS::S3::Bucket"}, true},
		"kubernetes":     {map[string]any{"kind": "Pod"}, nil, false}, // see kubernetesTypes
		"untyped":        {map[string]any{"resources": []any{map[string]any{}}}, nil, false},
	} {
		got, ok := documentTypes(tc.v)
		var keys []string
		for k := range got {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if ok != tc.ok || (ok && !slices.Equal(keys, tc.want)) {
			t.Errorf("%s: documentTypes = %v, %v; want %v, %v", name, keys, ok, tc.want, tc.ok)
		}
	}
}

func TestKubernetesTypes(t *testing.T) {
	if got, ok := kubernetesTypes(map[string]any{"kind": "Pod"}); !ok || len(got) != 1 || !got["kind:Pod"] {
		t.Errorf("Pod: %v, %v", got, ok)
	}
	for _, v := range []map[string]any{{}, {"kind": ""}, {"kind": 3}} {
		if got, ok := kubernetesTypes(v); ok {
			t.Errorf("%v: %v, want untyped (every check runs)", v, got)
		}
	}
}

// TestTriggersChangeNoFinding scans every fixture tree twice, once running
// only the triggered checks and once running all of them (with every
// compiler stage, see validationStages), and wants the same findings:
// skipping a check must never hide one.
func TestTriggersChangeNoFinding(t *testing.T) {
	if testing.Short() {
		t.Skip("scans every fixture twice")
	}
	root := filepath.Join("..", "..", "testdata")
	scan := func(triggers bool) []string {
		s, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, g := range s.engine.groups {
			n += len(g.triggers)
			if !triggers {
				g.triggers = nil
				g.strict = true
			}
		}
		if n < 150 {
			t.Fatalf("only %d checks have triggers", n)
		}
		res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, f.Fingerprint+" "+f.RuleID+" "+f.Location.Path)
		}
		return out
	}
	with, without := scan(true), scan(false)
	if len(without) < 250 {
		t.Fatalf("only %d findings over the fixtures", len(without))
	}
	if !slices.Equal(with, without) {
		for _, f := range without {
			if !slices.Contains(with, f) {
				t.Errorf("lost with triggers: %s", f)
			}
		}
		for _, f := range with {
			if !slices.Contains(without, f) {
				t.Errorf("only with triggers: %s", f)
			}
		}
	}
}
