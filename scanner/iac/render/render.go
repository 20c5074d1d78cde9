package render

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"helm.sh/helm/v4/pkg/strvals"
)

// ChartFile is the file that makes a directory a Helm chart.
const ChartFile = "Chart.yaml"

// Budget names (Helm's, and the companion's), as they appear in findings
// and docs/hardening.md.
const (
	BudgetHelmRenderTime  = "helm-render-time"
	BudgetHelmRenderBytes = "helm-render-bytes"
	BudgetHelmRangeItems  = "helm-range-items"
	BudgetHelmChartBytes  = "helm-chart-bytes"
	// BudgetRenderMemory is the companion's resident set while it
	// renders one chart ([ProcessOptions.MaxRSS]).
	BudgetRenderMemory = "render-memory"
	// BudgetRenderResponse is the size of one answer of the companion
	// ([ProcessOptions.MaxResponseBytes]).
	BudgetRenderResponse = "render-response-bytes"
)

// Default budgets of one chart (see [HelmOptions]).
const (
	DefaultHelmRenderTimeout  = 10 * time.Second
	DefaultHelmMaxRenderBytes = 32 << 20
	DefaultHelmMaxRangeItems  = 100_000
	DefaultHelmMaxChartBytes  = 64 << 20
)

// HelmOptions configures the rendering of charts. Zero budgets take
// their defaults.
type HelmOptions struct {
	// ValueFiles are values files applied to every chart after its
	// values.yaml, in order (like -f): an absolute path is read from
	// disk, a relative one from the scan root.
	ValueFiles []string `json:"value_files,omitempty"`
	// Set are --set expressions (a=b,c.d=e), applied after ValueFiles.
	Set []string `json:"set,omitempty"`
	// RenderTimeout bounds the rendering of one chart.
	RenderTimeout time.Duration `json:"render_timeout,omitempty"`
	// MaxRenderBytes bounds the output of one chart (and what repeat may
	// make).
	MaxRenderBytes int64 `json:"max_render_bytes,omitempty"`
	// MaxRangeItems bounds the items until, untilStep and seq make in one
	// chart.
	MaxRangeItems int64 `json:"max_range_items,omitempty"`
	// MaxChartBytes bounds the files read for one chart, subcharts
	// included.
	MaxChartBytes int64 `json:"max_chart_bytes,omitempty"`
}

// WithDefaults fills the zero budgets with their defaults.
func (o HelmOptions) WithDefaults() HelmOptions {
	if o.RenderTimeout <= 0 {
		o.RenderTimeout = DefaultHelmRenderTimeout
	}
	if o.MaxRenderBytes <= 0 {
		o.MaxRenderBytes = DefaultHelmMaxRenderBytes
	}
	if o.MaxRangeItems <= 0 {
		o.MaxRangeItems = DefaultHelmMaxRangeItems
	}
	if o.MaxChartBytes <= 0 {
		o.MaxChartBytes = DefaultHelmMaxChartBytes
	}
	return o
}

// CheckSet reports the first --set expression that does not parse, so
// that a typo is a usage error before any scan. (Helm's strvals parser
// links no Kubernetes client.)
func CheckSet(set []string) error {
	for _, s := range set {
		if err := strvals.ParseInto(s, map[string]any{}); err != nil {
			return fmt.Errorf("helm --set %q: %w", s, err)
		}
	}
	return nil
}

// Document is one rendered or built Kubernetes object, located in the
// file it came from (Value carries the parsers' line annotations).
type Document struct {
	Kind  string
	Path  string
	Value map[string]any
}

// Tree is the scanned tree a session renders from: Root is its absolute
// path on disk, FS the same tree (the in-process renderer reads charts
// through it; the companion reads Root).
type Tree struct {
	Root string
	FS   fs.FS
}

// Renderer opens render sessions.
type Renderer interface {
	// Open starts a session for one scan. The scan calls it once, and
	// only when it has a chart or a kustomization to render; an error
	// (no companion, a companion of another protocol) fails the scan.
	Open(ctx context.Context) (Session, error)
}

// Session renders the charts and overlays of one scan. It is safe for
// concurrent use (the out-of-process one renders one at a time).
type Session interface {
	// RenderHelm renders the chart in dir (root-relative) with its
	// values, opts' value files and --set values. A chart that cannot be
	// loaded or rendered or exceeds a budget is a *scanner.ParseError of
	// kind HELM (several, joined, with the objects that did render); a
	// values file that cannot be read is a plain error.
	RenderHelm(ctx context.Context, t Tree, dir string, opts HelmOptions) ([]Document, error)
	// BuildKustomization runs `kustomize build` on dir (root-relative),
	// whose kustomization file is file. A failed build is a
	// *scanner.ParseError of kind KUSTOMIZE on file.
	BuildKustomization(ctx context.Context, t Tree, dir, file string) ([]Document, error)
	// Close ends the session (and the companion).
	Close() error
}
