package helm

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"helm.sh/helm/v4/pkg/chart/common"
	cutil "helm.sh/helm/v4/pkg/chart/common/util"
	"helm.sh/helm/v4/pkg/chart/loader/archive"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	"helm.sh/helm/v4/pkg/ignore"

	"github.com/tollgate-dev/tollgate/scanner"
)

// chartLoader reads a chart and its vendored subcharts from the scan's
// file system (never the disk around it), and remembers which file of
// the scan each template came from.
type chartLoader struct {
	fsys   fs.FS
	budget int64 // bytes left to read
	limit  int64
	files  map[*common.File]string
	// archived are the .tgz subcharts: their templates have no lines of
	// their own in the scan.
	archived map[string]bool
	// dirs is where each loaded chart lives (the archive for a .tgz).
	dirs map[*chart.Chart]string
}

// load reads the chart in dir: its files (minus .helmignore'd ones and
// charts/), then each subchart of charts/ (a directory or a .tgz).
func (l *chartLoader) load(dir string) (*chart.Chart, error) {
	if l.limit == 0 {
		l.limit = l.budget
	}
	rules := ignore.Empty()
	if b, err := fs.ReadFile(l.fsys, path.Join(dir, ".helmignore")); err == nil {
		r, err := ignore.Parse(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf(".helmignore: %w", err)
		}
		rules = r
	}
	rules.AddDefaults()
	var files []*archive.BufferedFile
	var subDirs, subArchives []string
	err := fs.WalkDir(l.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel := strings.TrimPrefix(p, dir+"/")
		if dir == "." {
			rel = p
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if rel != "templates" && rules.Ignore(rel, fi) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "charts" && d.IsDir() {
			entries, err := fs.ReadDir(l.fsys, p)
			if err != nil {
				return err
			}
			for _, e := range entries {
				n := e.Name()
				switch {
				case strings.HasPrefix(n, "_") || strings.HasPrefix(n, "."):
				case e.IsDir():
					subDirs = append(subDirs, path.Join(p, n))
				case strings.HasSuffix(n, ".tgz"):
					subArchives = append(subArchives, path.Join(p, n))
				}
			}
			return fs.SkipDir
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		b, err := l.read(p, fi.Size())
		if err != nil {
			return err
		}
		files = append(files, &archive.BufferedFile{Name: rel, ModTime: fi.ModTime(), Data: b})
		return nil
	})
	if err != nil {
		return nil, err
	}
	c, err := loader.LoadFiles(files)
	if err != nil {
		return nil, err
	}
	for _, t := range c.Templates {
		l.files[t] = path.Join(dir, t.Name)
	}
	l.dirs[c] = dir
	for _, sd := range subDirs {
		if _, err := fs.Stat(l.fsys, path.Join(sd, ChartFile)); err != nil {
			continue // not a chart; helm skips it too
		}
		sc, err := l.load(sd)
		if err != nil {
			return nil, fmt.Errorf("subchart %s: %w", sd, err)
		}
		c.AddDependency(sc)
	}
	for _, a := range subArchives {
		fi, err := fs.Stat(l.fsys, a)
		if err != nil {
			return nil, err
		}
		b, err := l.read(a, fi.Size())
		if err != nil {
			return nil, err
		}
		sc, err := loader.LoadArchive(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("subchart %s: %w", a, err)
		}
		l.markArchived(sc, a)
		c.AddDependency(sc)
	}
	return c, nil
}

func (l *chartLoader) read(p string, size int64) ([]byte, error) {
	if size > l.budget {
		return nil, &scanner.BudgetError{Budget: BudgetChartBytes, Limit: l.limit,
			Detail: fmt.Sprintf("the chart's files (subcharts included) are larger than %d bytes at %s; the chart is not checked", l.limit, p)}
	}
	b, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		return nil, err
	}
	l.budget -= int64(len(b))
	return b, nil
}

// markArchived attributes every template of an archived subchart (and
// of its own subcharts) to the archive file.
func (l *chartLoader) markArchived(c *chart.Chart, archivePath string) {
	if l.archived == nil {
		l.archived = map[string]bool{}
	}
	l.archived[archivePath] = true
	l.dirs[c] = archivePath
	for _, t := range c.Templates {
		l.files[t] = archivePath
	}
	for _, d := range c.Dependencies() {
		l.markArchived(d, archivePath)
	}
}

// missingDependencies reports the dependencies of Chart.yaml that are not
// vendored in charts/ and that the values enable: with no network they
// cannot be fetched, so their templates are not checked.
func (l *chartLoader) missingDependencies(c *chart.Chart, vals map[string]any) []error {
	scope, err := cutil.CoalesceValues(c, vals)
	if err != nil {
		scope = common.Values{}
	}
	var out []error
	var walk func(c *chart.Chart, scope common.Values)
	walk = func(c *chart.Chart, scope common.Values) {
		have := map[string]*chart.Chart{}
		for _, d := range c.Dependencies() {
			have[d.Name()] = d
		}
		for _, dep := range c.Metadata.Dependencies {
			if sub, ok := have[dep.Name]; ok {
				sv, err := scope.Table(dep.Name)
				if err != nil {
					sv = common.Values{}
				}
				walk(sub, sv)
				continue
			}
			if !enabled(dep, scope) {
				continue
			}
			where, line := l.dirs[c], 0
			if l.archived[where] {
				where = l.dirs[c]
			} else {
				where, line = path.Join(where, ChartFile), dependencyLine(c, dep.Name)
			}
			out = append(out, problem(where, line,
				errors.New("dependency "+dep.Name+" ("+dep.Repository+") is not vendored in charts/ and cannot be fetched (no network): run `helm dependency build` before the scan; its templates are not checked")))
		}
	}
	walk(c, scope)
	return out
}

// enabled evaluates a dependency's condition and tags as helm does: the
// first condition path that holds a bool decides, else any true tag
// enables it and all-false tags disable it.
func enabled(dep *chart.Dependency, scope common.Values) bool {
	for _, cond := range strings.Split(dep.Condition, ",") {
		if cond = strings.TrimSpace(cond); cond == "" {
			continue
		}
		if v, err := scope.PathValue(cond); err == nil {
			if b, ok := v.(bool); ok {
				return b
			}
		}
	}
	if len(dep.Tags) == 0 {
		return true
	}
	tags, _ := scope["tags"].(map[string]any)
	seen := false
	for _, t := range dep.Tags {
		if b, ok := tags[t].(bool); ok {
			if b {
				return true
			}
			seen = true
		}
	}
	return !seen
}

// dependencyLine is the line of "name: <dep>" in the chart's Chart.yaml.
func dependencyLine(c *chart.Chart, name string) int {
	for _, f := range c.Raw {
		if f.Name != ChartFile {
			continue
		}
		for i, ln := range strings.Split(string(f.Data), "\n") {
			t := strings.TrimLeft(strings.TrimSpace(ln), "- ")
			if v, ok := strings.CutPrefix(t, "name:"); ok && strings.Trim(strings.TrimSpace(v), `"'`) == name {
				return i + 1
			}
		}
	}
	return 0
}
