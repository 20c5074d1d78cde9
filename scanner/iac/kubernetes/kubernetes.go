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
	annotateNamespaces(out)
	return out, err
}

// Objects returns the objects of one decoded document of path: m itself,
// or the items of a *List kind. Other input kinds that produce Kubernetes
// YAML (Helm, Kustomize) go through it too.
func Objects(path string, m map[string]any) []Document { return appendObject(nil, path, m) }

// Annotation keys set on the Namespace objects of a file (keys starting
// with "__" are parser annotations, never data). A check on one object
// cannot see its neighbours; these give a Namespace what the same file
// puts in it, so "a bundle deploys workloads into a namespace it creates
// but ships no default-deny NetworkPolicy" is decidable per file.
const (
	// AnnotationNetworkPolicies lists the NetworkPolicy objects of the file
	// in the namespace.
	AnnotationNetworkPolicies = "__network_policies"
	// AnnotationWorkloads counts the pod-creating objects of the file in
	// the namespace.
	AnnotationWorkloads = "__workloads"
)

var workloadKinds = map[string]bool{"Pod": true, "Deployment": true, "StatefulSet": true, "DaemonSet": true,
	"ReplicaSet": true, "ReplicationController": true, "Job": true, "CronJob": true}

func annotateNamespaces(docs []Document) {
	var nss []map[string]any
	for _, d := range docs {
		if d.Value["kind"] == "Namespace" {
			nss = append(nss, d.Value)
		}
	}
	for _, ns := range nss {
		name := metaString(ns, "name")
		if name == "" {
			continue
		}
		pols := []any{}
		workloads := 0
		for _, d := range docs {
			if metaString(d.Value, "namespace") != name {
				continue
			}
			switch k, _ := d.Value["kind"].(string); {
			case k == "NetworkPolicy":
				pols = append(pols, d.Value)
			case workloadKinds[k]:
				workloads++
			}
		}
		ns[AnnotationNetworkPolicies] = pols
		ns[AnnotationWorkloads] = workloads
	}
}

func metaString(m map[string]any, key string) string {
	md, _ := m["metadata"].(map[string]any)
	s, _ := md[key].(string)
	return s
}

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
