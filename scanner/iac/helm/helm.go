package helm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"helm.sh/helm/v4/pkg/chart/common"
	cutil "helm.sh/helm/v4/pkg/chart/common/util"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	chartutil "helm.sh/helm/v4/pkg/chart/v2/util"
	"helm.sh/helm/v4/pkg/engine"
	"helm.sh/helm/v4/pkg/strvals"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/kubernetes"
	renderapi "github.com/tollgate-dev/tollgate/scanner/iac/render"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// ChartFile is the file that makes a directory a chart.
const ChartFile = renderapi.ChartFile

// Release name and namespace the charts are rendered with, as
// `helm template` does without arguments.
const (
	ReleaseName      = "release-name"
	ReleaseNamespace = "default"
)

// Options configures rendering (value files, --set values, budgets).
// Zero budgets take their defaults.
type Options = renderapi.HelmOptions

// Document is one rendered Kubernetes object, located in its template.
type Document struct {
	Kind  string
	Path  string
	Value map[string]any
}

// Render renders the chart in directory dir of fsys (root-relative, "/"
// separated) with its values, the value files and the --set values, and
// returns the objects with lines of the templates that wrote them.
//
// A chart that cannot be loaded or rendered, renders to invalid YAML or
// exceeds a budget is a *scanner.ParseError of kind HELM (several, joined,
// with the objects of the templates that did render). A values file that
// cannot be read is a plain error: it is the invocation that is wrong.
func Render(ctx context.Context, fsys fs.FS, dir string, opts Options) ([]Document, error) {
	opts = opts.WithDefaults()
	chartYAML := path.Join(dir, ChartFile)
	vals, err := userValues(fsys, opts)
	if err != nil {
		return nil, err
	}
	l := &chartLoader{fsys: fsys, budget: opts.MaxChartBytes, files: map[*common.File]string{}, dirs: map[*chart.Chart]string{}}
	c, err := l.load(dir)
	if err != nil {
		return nil, problem(chartYAML, 0, err)
	}
	var diags []error
	diags = append(diags, l.missingDependencies(c, vals)...)
	if err := chartutil.ProcessDependencies(c, vals); err != nil {
		return nil, errors.Join(append(diags, problem(chartYAML, 0, err))...)
	}
	// No schema validation: a values.schema.json may $ref URLs, and there
	// is no network.
	rv, err := cutil.ToRenderValuesWithSchemaValidation(c, vals,
		common.ReleaseOptions{Name: ReleaseName, Namespace: ReleaseNamespace, Revision: 1, IsInstall: true}, nil, true)
	if err != nil {
		return nil, errors.Join(append(diags, problem(chartYAML, 0, err))...)
	}
	out, err := render(ctx, c, rv, opts)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var be *scanner.BudgetError
		if errors.As(err, &be) {
			return nil, errors.Join(append(diags, problem(chartYAML, 0, be))...)
		}
		p, line := l.errorPlace(c, err, chartYAML)
		return nil, errors.Join(append(diags, problem(p, line, fmt.Errorf("chart does not render: %w", err)))...)
	}
	docs, errs := l.documents(ctx, c, out)
	return docs, errors.Join(append(diags, errs...)...)
}

func problem(p string, line int, err error) error {
	return &scanner.ParseError{Kind: scanner.ParseKindHelm, Path: p, Line: line, Err: err}
}

// userValues merges the value files and --set expressions.
func userValues(fsys fs.FS, opts Options) (map[string]any, error) {
	vals := map[string]any{}
	for _, f := range opts.ValueFiles {
		var b []byte
		var err error
		if filepath.IsAbs(f) {
			b, err = os.ReadFile(f)
		} else {
			b, err = fs.ReadFile(fsys, path.Clean(filepath.ToSlash(f)))
		}
		if err != nil {
			return nil, fmt.Errorf("helm values file: %w", err)
		}
		v, err := loader.LoadValues(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("helm values file %s: %w", f, err)
		}
		vals = loader.MergeMaps(vals, v)
	}
	for _, s := range opts.Set {
		if err := strvals.ParseInto(s, vals); err != nil {
			return nil, fmt.Errorf("helm --set %q: %w", s, err)
		}
	}
	return vals, nil
}

// render runs the engine under the guard. On a timeout the rendering
// goroutine is left to stop at its next guarded call.
func render(ctx context.Context, c *chart.Chart, vals common.Values, opts Options) (map[string]string, error) {
	g := &guard{ctx: ctx, deadline: time.Now().Add(opts.RenderTimeout), timeout: opts.RenderTimeout,
		maxItems: opts.MaxRangeItems, maxBytes: opts.MaxRenderBytes}
	eng := engine.Engine{CustomTemplateFuncs: g.funcs()}
	type result struct {
		out map[string]string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		out, err := eng.RenderWithContext(ctx, c, vals)
		ch <- result{out, err}
	}()
	timer := time.NewTimer(opts.RenderTimeout)
	defer timer.Stop()
	select {
	case r := <-ch:
		if be := g.tripped.Load(); be != nil {
			return nil, be
		}
		if r.err != nil {
			return nil, r.err
		}
		var n int64
		for _, s := range r.out {
			n += int64(len(s))
		}
		if err := g.chargeBytes(n); err != nil {
			return nil, err
		}
		return r.out, nil
	case <-timer.C:
		return nil, g.trip(g.timeBudget())
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

var errPlaceRe = regexp.MustCompile(`(?:template: |\()([^\s:()"]+):(\d+)`)

// errorPlace finds the template file and line a render error names.
func (l *chartLoader) errorPlace(c *chart.Chart, err error, fallback string) (string, int) {
	m := errPlaceRe.FindStringSubmatch(err.Error())
	if m == nil {
		return fallback, 0
	}
	if p, ok := l.templatePaths(c)[m[1]]; ok {
		line := 0
		fmt.Sscan(m[2], &line)
		if l.archived[p] {
			line = 0
		}
		return p, line
	}
	return fallback, 0
}

// templatePaths maps the engine's template names (chart full path +
// file name, subcharts under their alias) to files of the scan.
func (l *chartLoader) templatePaths(c *chart.Chart) map[string]string {
	out := map[string]string{}
	var walk func(*chart.Chart)
	walk = func(c *chart.Chart) {
		for _, t := range c.Templates {
			if p, ok := l.files[t]; ok {
				out[path.Join(c.ChartFullPath(), t.Name)] = p
			}
		}
		for _, d := range c.Dependencies() {
			walk(d)
		}
	}
	walk(c)
	return out
}

// templateSources maps the engine's template names to their text.
func templateSources(c *chart.Chart) map[string]string {
	out := map[string]string{}
	var walk func(*chart.Chart)
	walk = func(c *chart.Chart) {
		for _, t := range c.Templates {
			out[path.Join(c.ChartFullPath(), t.Name)] = string(t.Data)
		}
		for _, d := range c.Dependencies() {
			walk(d)
		}
	}
	walk(c)
	return out
}

// documents parses the rendered files and locates their objects.
func (l *chartLoader) documents(ctx context.Context, c *chart.Chart, out map[string]string) ([]Document, []error) {
	paths := l.templatePaths(c)
	srcs := templateSources(c)
	names := make([]string, 0, len(out))
	for n := range out {
		names = append(names, n)
	}
	slices.Sort(names)
	var docs []Document
	var errs []error
	for _, name := range names {
		text := out[name]
		if strings.HasSuffix(name, "NOTES.txt") || strings.TrimSpace(text) == "" {
			continue
		}
		p, ok := paths[name]
		if !ok {
			continue // every template comes from a file we read
		}
		rendered, err := yamldoc.ParseFile(ctx, p, []byte(text))
		if err != nil {
			var pe *scanner.ParseError
			if !errors.As(err, &pe) {
				return nil, []error{err}
			}
			errs = append(errs, problem(p, 0, fmt.Errorf("rendered output is not valid YAML (line %d of the rendered file): %w", pe.Line, pe.Err)))
		}
		var segs []segment
		if !l.archived[p] {
			segs = indexTemplate(srcs[name])
		}
		ordinal := map[string]int{}
		for i, d := range rendered {
			m, ok := d.Value.(map[string]any)
			if !ok {
				continue
			}
			kind, _ := m["kind"].(string)
			seg := pickSegment(segs, i, len(rendered), kind, ordinal[kind])
			ordinal[kind]++
			remap(m, seg)
			for _, o := range kubernetes.Objects(p, m) {
				docs = append(docs, Document(o))
			}
		}
	}
	return docs, errs
}
