// Package build runs `kustomize build` for the IaC scanner, offline and
// confined to the scanned tree, and locates each built object in the
// file it came from.
//
// It links Kustomize's api (and through it the Kubernetes API types), so
// only the companion tollgate-render and the in-process renderer
// (scanner/iac/render/inproc) import it; the reading of the
// kustomization graph, which decides what is built and that nothing
// remote is referenced, stays in package kustomize, which links neither.
package build
