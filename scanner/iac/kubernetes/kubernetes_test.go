package kubernetes

import (
	"context"
	"errors"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

func TestParse(t *testing.T) {
	src := `apiVersion: v1
kind: Pod
metadata: {name: a}
---
# not kubernetes
foo: bar
---
apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
  - apiVersion: v1
    kind: Service
    metadata: {name: c}
`
	docs, err := Parse(context.Background(), "m.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, d := range docs {
		kinds = append(kinds, d.Value["kind"].(string))
		if d.Kind != Kind || d.Path != "m.yaml" {
			t.Errorf("doc = %s %s", d.Kind, d.Path)
		}
	}
	if got, want := len(kinds), 3; got != want {
		t.Fatalf("kinds = %v", kinds)
	}
	if kinds[0] != "Pod" || kinds[1] != "Deployment" || kinds[2] != "Service" {
		t.Errorf("kinds = %v", kinds)
	}
	loc := docs[1].Value["__loc"].(map[string]any)
	if loc["start_line"] != 11 || loc["end_line"] != 13 {
		t.Errorf("list item loc = %v", loc)
	}
}

func TestParseError(t *testing.T) {
	src := "apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: [\n"
	docs, err := Parse(context.Background(), "bad.yaml", []byte(src))
	var fe *scanner.ParseError
	if !errors.As(err, &fe) || fe.Path != "bad.yaml" || fe.Line == 0 || fe.Kind != scanner.ParseKindYAML {
		t.Fatalf("err = %#v", err)
	}
	if len(docs) != 1 {
		t.Errorf("docs before the error = %d, want 1", len(docs))
	}
}

// TestNamespaceAnnotations: a Namespace learns the NetworkPolicies and the
// workload count its file puts in it, and nothing from other namespaces.
func TestNamespaceAnnotations(t *testing.T) {
	src := `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other, namespace: elsewhere}
spec: {podSelector: {}}
---
apiVersion: v1
kind: Namespace
metadata: {name: empty}
`
	docs, err := Parse(context.Background(), "ns.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, d := range docs {
		if d.Value["kind"] != "Namespace" {
			if _, ok := d.Value[AnnotationWorkloads]; ok {
				t.Errorf("%v annotated", d.Value["kind"])
			}
			continue
		}
		pols, _ := d.Value[AnnotationNetworkPolicies].([]any)
		n, _ := d.Value[AnnotationWorkloads].(int)
		got[metaString(d.Value, "name")] = [2]int{len(pols), n}
	}
	want := map[string][2]int{"shop": {1, 2}, "empty": {0, 0}}
	if len(got) != len(want) || got["shop"] != want["shop"] || got["empty"] != want["empty"] {
		t.Errorf("namespace annotations (policies, workloads) = %v, want %v", got, want)
	}
}
