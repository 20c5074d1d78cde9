package iac

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/render"
)

// This file and kustomize_adapter.go are the only places the engine
// touches rendering; it links neither Helm nor Kustomize (see package
// render).

// helmCharts finds the chart roots among the scan's files (directories
// with a Chart.yaml that are not a subchart in another chart's charts/),
// and reports which files the charts own: their templates/ and charts/
// trees are checked through rendering, not as plain YAML.
func helmCharts(files []scanner.File) (roots []string, owned func(p string) bool) {
	all := map[string]bool{}
	for _, f := range files {
		if path.Base(f.Path) == render.ChartFile {
			all[path.Dir(f.Path)] = true
		}
	}
	// under reports whether p is inside dir's sub (dir "." is the root).
	under := func(p, dir, sub string) bool {
		if dir != "." {
			sub = dir + "/" + sub
		}
		return p == sub || strings.HasPrefix(p, sub+"/")
	}
	ancestors := func(p string, f func(d string) bool) bool {
		for d := path.Dir(p); ; d = path.Dir(d) {
			if all[d] && f(d) {
				return true
			}
			if d == "." || d == "/" {
				return false
			}
		}
	}
	for d := range all {
		// a chart in another chart's charts/ is rendered with its parent
		if d == "." || !ancestors(d, func(a string) bool { return under(d, a, "charts") }) {
			roots = append(roots, d)
		}
	}
	slices.Sort(roots)
	owned = func(p string) bool {
		return ancestors(p, func(a string) bool {
			return under(p, a, render.ChartFile) || under(p, a, "templates") || under(p, a, "charts")
		})
	}
	return roots, owned
}

func parseHelmChart(ctx context.Context, sess render.Session, t scanner.Target, dir string, opts render.HelmOptions) ([]Document, error) {
	docs, err := sess.RenderHelm(ctx, render.Tree{Root: t.Root, FS: t.FS}, dir, opts)
	return convert(docs, func(d render.Document) Document { return Document(d) }), err
}

// openRenderer opens the scan's render session when it has charts or
// kustomizations to build (nil otherwise: nothing is started). The
// session closes itself after the last of them, so that the companion
// does not hold its memory while the checks run; closing it again at the
// end of the scan is harmless.
func openRenderer(ctx context.Context, r render.Renderer, charts, builds int) (render.Session, error) {
	if charts+builds == 0 {
		return nil, nil
	}
	sess, err := r.Open(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s and %s need %s: %w", plural(charts, "Helm chart"), plural(builds, "kustomization"), render.Companion, err)
	}
	c := &countedSession{Session: sess}
	c.left.Store(int64(charts + builds))
	return c, nil
}

// countedSession closes its session after the last expected render.
type countedSession struct {
	render.Session
	left atomic.Int64
}

func (c *countedSession) done() {
	if c.left.Add(-1) == 0 {
		c.Session.Close()
	}
}

func (c *countedSession) RenderHelm(ctx context.Context, t render.Tree, dir string, opts render.HelmOptions) ([]render.Document, error) {
	defer c.done()
	return c.Session.RenderHelm(ctx, t, dir, opts)
}

func (c *countedSession) BuildKustomization(ctx context.Context, t render.Tree, dir, file string) ([]render.Document, error) {
	defer c.done()
	return c.Session.BuildKustomization(ctx, t, dir, file)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
