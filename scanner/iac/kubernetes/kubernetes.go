package kubernetes

import (
	"context"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// Kind is the document kind this package produces.
const Kind = "kubernetes"

// Document is one Kubernetes object.
type Document struct {
	Kind  string
	Path  string
	Value map[string]any
}

// Parse parses a (multi-document) manifest file. A YAML syntax error or an
// exceeded budget is a *scanner.ParseError with the line; the objects
// before it are returned (see yamldoc.ParseFile).
func Parse(ctx context.Context, path string, src []byte) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	docs, err := yamldoc.ParseFile(ctx, path, src)
	var out []Document
	for _, d := range docs {
		m, ok := d.Value.(map[string]any)
		if !ok {
			continue
		}
		out = appendObject(out, path, m)
	}
	return out, err
}

// Objects returns the objects of one decoded document of path: m itself,
// or the items of a *List kind. Other input kinds that produce Kubernetes
// YAML (Helm, Kustomize) go through it too.
func Objects(path string, m map[string]any) []Document { return appendObject(nil, path, m) }

func appendObject(out []Document, path string, m map[string]any) []Document {
	kind, _ := m["kind"].(string)
	api, _ := m["apiVersion"].(string)
	if kind == "" || api == "" {
		return out
	}
	if strings.HasSuffix(kind, "List") {
		if items, ok := m["items"].([]any); ok {
			for _, it := range items {
				if im, ok := it.(map[string]any); ok {
					out = appendObject(out, path, im)
				}
			}
			return out
		}
	}
	return append(out, Document{Kind: Kind, Path: path, Value: m})
}
