package iac

import (
	"context"
	"maps"
	"path"
	"slices"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/kustomize"
	"github.com/tollgate-dev/tollgate/scanner/iac/render"
)

// The engine reads the kustomization graph itself (package kustomize
// links no Kustomize code); the builds go through the render session.

// kustomizations reads the kustomizations of the scan: the overlays to
// build, the files the builds own, and the problems (remote or missing
// references) that block a build.
func kustomizations(t scanner.Target) *kustomize.Graph {
	var dirs []string
	for _, f := range t.Files {
		if kustomize.IsKustomization(path.Base(f.Path)) {
			if d := path.Dir(f.Path); !slices.Contains(dirs, d) {
				dirs = append(dirs, d)
			}
		}
	}
	if len(dirs) == 0 {
		return nil
	}
	slices.Sort(dirs)
	return kustomize.NewGraph(t.FS, dirs)
}

func buildKustomization(ctx context.Context, sess render.Session, t scanner.Target, dir, file string) ([]Document, error) {
	docs, err := sess.BuildKustomization(ctx, render.Tree{Root: t.Root, FS: t.FS}, dir, file)
	return convert(docs, func(d render.Document) Document { return Document(d) }), err
}

// dedupeOverlays keeps one finding per check, file and line among those
// that several overlays make on a shared base: the first overlay in path
// order; the others are named in its "kustomizations" property.
func dedupeOverlays(fs []scanner.Finding) []scanner.Finding {
	type key struct {
		rule, path string
		line       int
	}
	first := map[key]int{}
	out := fs[:0]
	for _, f := range fs {
		ov, ok := f.Properties["kustomization"].(string)
		if !ok {
			out = append(out, f)
			continue
		}
		// The map may be shared with other findings (compacted as built,
		// see Scan): this finding gets its own before it changes.
		f.Properties = maps.Clone(f.Properties)
		delete(f.Properties, "kustomization")
		k := key{f.RuleID, f.Location.Path, f.Location.StartLine}
		if i, seen := first[k]; seen {
			prev := out[i].Properties["kustomizations"].([]string)
			if !slices.Contains(prev, ov) {
				out[i].Properties["kustomizations"] = append(prev, ov)
			}
			continue
		}
		f.Properties["kustomizations"] = []string{ov}
		first[k] = len(out)
		out = append(out, f)
	}
	return out
}
