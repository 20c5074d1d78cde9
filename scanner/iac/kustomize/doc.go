// Package kustomize reads the Kustomize overlays of a scan for the IaC
// scanner: which to build, and which files the builds own. It links no
// Kustomize code; the builds themselves (sigs.k8s.io/kustomize/api,
// krusty, offline) are in package build, which only the companion
// tollgate-render and the in-process renderer import (see
// scanner/iac/render).
//
// # What is built
//
// [NewGraph] reads every kustomization of the scan first, without
// kustomize: what they reference (resources, bases, components, patches,
// generator files, ...) must be a file or directory inside the scanned
// tree. A remote reference (a URL, a git address, host/org/repo) or a
// path outside the tree is a *scanner.ParseError of kind KUSTOMIZE on
// its line, and the overlays that reach it are not built, so kustomize
// never fetches anything; helmCharts are refused the same way (they run
// the helm program). The kustomizations no other one references are the
// roots: only they are built. Files a build reads are [Graph.Owned]: the
// scanner reports their objects through the builds, not again as plain
// manifests.
//
// # Build
//
// build.Build runs krusty with kustomize's default options (files only under
// each kustomization's root, no exec or Go plugins, no helm) on a view of
// the disk that refuses every path outside the scan root and every
// write. It turns on buildMetadata: originAnnotations for the build and
// removes the annotation from the objects: it names the source file of
// each object (or the kustomization whose generator made it).
//
// # Lines
//
// A key of a built object takes the line of the same key path (list
// indices included) in its source document; a key a patch or transformer
// added takes its nearest ancestor's line in the source (the patch file
// itself is not pointed at); a generated object points at its generator
// in the kustomization file.
package kustomize
