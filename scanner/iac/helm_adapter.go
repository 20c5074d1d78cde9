package iac

import (
	"context"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/helm"
)

// This file is the only place the engine touches the helm package.

// helmCharts finds the chart roots among the scan's files (directories
// with a Chart.yaml that are not a subchart in another chart's charts/),
// and reports which files the charts own: their templates/ and charts/
// trees are checked through rendering, not as plain YAML.
func helmCharts(files []scanner.File) (roots []string, owned func(p string) bool) {
	all := map[string]bool{}
	for _, f := range files {
		if path.Base(f.Path) == helm.ChartFile {
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
			return under(p, a, helm.ChartFile) || under(p, a, "templates") || under(p, a, "charts")
		})
	}
	return roots, owned
}

func parseHelmChart(ctx context.Context, fsys fs.FS, dir string, opts helm.Options) ([]Document, error) {
	docs, err := helm.Render(ctx, fsys, dir, opts)
	return convert(docs, func(d helm.Document) Document { return Document(d) }), err
}
