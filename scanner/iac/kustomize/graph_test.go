package kustomize_test

import (
	"errors"
	"fmt"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/kustomize"
)

// TestGraph: roots are the kustomizations nothing references; remote,
// outside and missing references block the roots that reach them, and
// look-alikes that are local (a dotted directory, an image name) do not.
func TestGraph(t *testing.T) {
	fsys := fstest.MapFS{
		"base/kustomization.yaml":            {Data: []byte("resources:\n  - deploy.yaml\n  - v1.2/extra\nimages:\n  - name: nginx\n    newName: registry.example.com/nginx\n")},
		"base/deploy.yaml":                   {Data: []byte("kind: Deployment\n")},
		"base/v1.2/extra/kustomization.yaml": {Data: []byte("resources: []\n")},
		"ok/kustomization.yaml":              {Data: []byte("resources:\n  - ../base\npatches:\n  - path: p.yaml\n  - patch: |-\n      - op: add\n        path: /x\n        value: https://example.com/\n")},
		"ok/p.yaml":                          {Data: []byte("kind: Deployment\n")},
		"remote/kustomization.yaml":          {Data: []byte("resources:\n  - ../base\n  - git@github.com:org/repo.git//deploy\n  - ssh://git@example.com/org/repo\n  - gitlab.com/org/repo/deploy\npatches:\n  - path: https://example.com/patch.yaml\n")},
		"outside/kustomization.yaml":         {Data: []byte("bases:\n  - ../../etc\ncomponents:\n  - /abs\nresources:\n  - gone.yaml\n")},
		"comp/kustomization.yaml":            {Data: []byte("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n")},
	}
	dirs := []string{"base", "base/v1.2/extra", "comp", "ok", "outside", "remote"}
	g := kustomize.NewGraph(fsys, dirs)
	if d := cmp.Diff([]string{"ok", "outside", "remote"}, g.Roots); d != "" {
		t.Errorf("roots (-want +got):\n%s", d)
	}
	for _, f := range []string{"base/deploy.yaml", "ok/p.yaml", "base/kustomization.yaml", "base/v1.2/extra/kustomization.yaml"} {
		if !g.Owned[f] {
			t.Errorf("%s not owned", f)
		}
	}
	problems := func(root string) []string {
		var out []string
		for _, e := range g.Problems[root] {
			var pe *scanner.ParseError
			if !errors.As(e, &pe) || pe.Kind != scanner.ParseKindKustomize {
				t.Fatalf("problem %v is not a KUSTOMIZE parse error", e)
			}
			out = append(out, fmt.Sprintf("%s:%d", pe.Path, pe.Line))
		}
		sort.Strings(out)
		return out
	}
	if p := problems("ok"); len(p) != 0 {
		t.Errorf("ok has problems %v", p)
	}
	want := []string{"remote/kustomization.yaml:3", "remote/kustomization.yaml:4", "remote/kustomization.yaml:5", "remote/kustomization.yaml:7"}
	if d := cmp.Diff(want, problems("remote")); d != "" {
		t.Errorf("remote problems (-want +got):\n%s", d)
	}
	want = []string{"outside/kustomization.yaml:2", "outside/kustomization.yaml:4", "outside/kustomization.yaml:6"}
	if d := cmp.Diff(want, problems("outside")); d != "" {
		t.Errorf("outside problems (-want +got):\n%s", d)
	}
}
