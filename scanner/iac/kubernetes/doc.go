// Package kubernetes parses Kubernetes manifests into IaC documents: one
// document per YAML document, with List kinds (v1 List, DeploymentList, ...)
// split into their items. Documents that are not Kubernetes objects (no
// apiVersion or kind) are skipped, so unrelated YAML in the same stream does
// not produce findings.
package kubernetes
