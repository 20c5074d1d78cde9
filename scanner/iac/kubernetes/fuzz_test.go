package kubernetes

import (
	"context"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/fuzzseed"
)

// FuzzParse: manifests come from the repository under scan; Parse must
// never panic, must report syntax errors as a *scanner.FileError for the
// file, and every object it returns has a kind and an apiVersion.
func FuzzParse(f *testing.F) {
	fuzzseed.AddFiles(f, "../../../testdata/iac/kubernetes/*.yaml", "../../../testdata/iac/mixed/k8s/*.yaml")
	f.Add([]byte("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n---\n&a [*a]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := Parse(context.Background(), "k.yaml", src)
		fuzzseed.CheckFileError(t, err, "k.yaml")
		for _, d := range docs {
			if d.Kind != Kind || d.Path != "k.yaml" || d.Value["kind"] == "" || d.Value["apiVersion"] == "" {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}
