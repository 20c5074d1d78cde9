package iac

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/cicd"
	"github.com/tollgate-dev/tollgate/scanner/iac/dockerfile"
	"github.com/tollgate-dev/tollgate/scanner/iac/kubernetes"
	"github.com/tollgate-dev/tollgate/scanner/iac/kustomize"
	"github.com/tollgate-dev/tollgate/scanner/iac/render"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// Name is the scanner's name in the registry and in findings.
const Name = scanner.KindIaC

// Options configures the scanner.
type Options struct {
	// ExtraCheckDirs are directories (or single .rego files) of user checks,
	// written like the built-in ones (METADATA with custom.id, severity and
	// frameworks). Files ending in _test.rego are skipped.
	ExtraCheckDirs []string
	// AllowNet lets the user checks call OPA's network builtins (http.send,
	// net.lookup_*); off, a check that calls one is an error at New.
	AllowNet bool
	// TFVarFiles are extra terraform variable files (like -var-file),
	// applied to every root module after terraform.tfvars and *.auto.tfvars.
	TFVarFiles []string
	// TFVarEnv are TF_VAR_<name> values by variable name (build it with
	// terraform.VarsFromEnviron(os.Environ())), applied to root module
	// variables below every variables file, as terraform does; nil reads
	// none. The CLI passes its environment.
	TFVarEnv map[string]string
	// Concurrency bounds parallel parsing and evaluation; 0 means GOMAXPROCS.
	Concurrency int
	// Logger receives debug messages; nil discards them.
	Logger *slog.Logger
	// EvalTimeout bounds the evaluation of all checks on one document;
	// 0 means DefaultEvalTimeout, negative means no bound. Exceeding it
	// is an error naming the file and the check.
	EvalTimeout time.Duration
	// Helm configures the rendering of Helm charts: value files, --set
	// values, budgets.
	Helm render.HelmOptions
	// Renderer renders Helm charts and builds Kustomize overlays. nil
	// means the companion program tollgate-render, found and started
	// when a scan has a chart or a kustomization (render.NewProcess);
	// inproc.New renders in this process instead (it links Helm and
	// Kustomize). See package render.
	Renderer render.Renderer
}

// Document is a parsed file (or terraform module) the checks run on.
type Document struct {
	Kind  string
	Path  string
	Value map[string]any
}

// Scanner is the IaC scanner. It is safe for concurrent use.
type Scanner struct {
	opts   Options
	log    *slog.Logger
	checks *checkSet
	engine *engine

	mu    sync.Mutex
	stats stats
}

type stats struct {
	documents   map[string]int
	skippedHelm int
	// skippedBicep are .bicep files without a compiled .json beside them.
	skippedBicep []string
	// modulesNotEvaluated are terraform module calls whose code was not
	// available ("path:line module.x (source): reason").
	modulesNotEvaluated []string
	helmCharts          int
	// kustomizeBuilds are the overlays built.
	kustomizeBuilds int
	suppressed      int
	parseErrors     int
}

var _ scanner.Scanner = (*Scanner)(nil)

// New loads and compiles the built-in checks and the user checks.
func New(opts Options) (*Scanner, error) {
	if err := render.CheckSet(opts.Helm.Set); err != nil {
		return nil, err
	}
	if opts.Renderer == nil {
		opts.Renderer = render.NewProcess(render.ProcessOptions{})
	}
	cs, err := loadChecks(opts.ExtraCheckDirs, opts.AllowNet)
	if err != nil {
		return nil, err
	}
	for _, d := range opts.ExtraCheckDirs {
		if err := checkDirHasChecks(cs, d); err != nil {
			return nil, err
		}
	}
	e, err := newEngine(context.Background(), cs)
	if err != nil {
		return nil, err
	}
	cs.modules = nil // each group holds its own until compiled
	e.timeout = opts.EvalTimeout
	s := &Scanner{opts: opts, log: opts.Logger, checks: cs, engine: e}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	return s, nil
}

// Name implements scanner.Scanner.
func (s *Scanner) Name() string { return Name }

// Checks lists every loaded check, built-in and user, sorted by id.
func (s *Scanner) Checks() []CheckMeta {
	out := make([]CheckMeta, len(s.checks.metas))
	copy(out, s.checks.metas)
	return out
}

// Structured implements scanner.Structured: the files it matches are IaC
// and pipeline files by name, parsed even when they look binary.
func (s *Scanner) Structured() {}

// Match implements scanner.Scanner: it decides on the file name alone.
func (s *Scanner) Match(p string, _ fs.DirEntry) bool { return classify(p) != classNone }

// Stats implements scanner.StatsReporter.
func (s *Scanner) Stats() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	docs := map[string]any{}
	for k, v := range s.stats.documents {
		docs[k] = v
	}
	out := map[string]any{
		"checks":                len(s.checks.metas),
		"documents":             docs,
		"skipped_helm":          s.stats.skippedHelm,
		"helm_charts":           s.stats.helmCharts,
		"kustomize_builds":      s.stats.kustomizeBuilds,
		"suppressed_findings":   s.stats.suppressed,
		"parse_errors":          s.stats.parseErrors,
		"skipped_bicep":         len(s.stats.skippedBicep),
		"modules_not_evaluated": len(dedupeStrings(s.stats.modulesNotEvaluated)),
	}
	if notes := s.notes(); len(notes) > 0 {
		out["notes"] = notes
	}
	return out
}

// unit is one piece of work: a file, a terraform root module or a Helm
// chart.
type unit struct {
	file   string
	class  fileClass
	tfRoot string
	chart  string
	kustom string // a kustomization directory to build, and its file
	kfile  string
}

// Scan implements scanner.Scanner. Per-file problems come back joined as
// *scanner.FileError values after the findings of every other file.
func (s *Scanner) Scan(ctx context.Context, t scanner.Target) ([]scanner.Finding, error) {
	var units []unit
	var tfDirs, bicepSkipped []string
	seenDir := map[string]bool{}
	charts, chartOwned := helmCharts(t.Files)
	for _, d := range charts {
		units = append(units, unit{chart: d})
	}
	kg := kustomizations(t)
	var errs []error
	kustomizeBuilds, kustomizeProblems := 0, 0
	if kg != nil {
		seenProblem := map[error]bool{}
		for _, r := range kg.Roots {
			if ps := kg.Problems[r]; len(ps) > 0 {
				for _, p := range ps {
					if !seenProblem[p] {
						seenProblem[p] = true
						errs = append(errs, p)
						kustomizeProblems++
					}
				}
				continue // building it could fetch something
			}
			units = append(units, unit{kustom: r, kfile: kg.File(r)})
			kustomizeBuilds++
		}
	}
	for _, f := range t.Files {
		c := classify(f.Path)
		if c != classNone && (chartOwned(f.Path) || (kg != nil && kg.Owned[f.Path])) {
			continue // rendered with its chart, built with its kustomization
		}
		switch c {
		case classNone, classTFVars:
			// tfvars are read by the terraform parser with their module
		case classBicep:
			if !bicepCompiled(t.FS, f.Path) {
				bicepSkipped = append(bicepSkipped, f.Path)
			}
		case classTerraform:
			d := path.Dir(f.Path)
			if !seenDir[d] {
				seenDir[d] = true
				tfDirs = append(tfDirs, d)
			}
		default:
			units = append(units, unit{file: f.Path, class: c})
		}
	}
	sess, err := openRenderer(ctx, s.opts.Renderer, len(charts), kustomizeBuilds)
	if err != nil {
		return nil, err
	}
	if sess != nil {
		defer sess.Close()
	}
	s.engine.warm(ctx, kindsOf(units, len(tfDirs) > 0)...)
	// One alias-expansion budget for every YAML file of this scan.
	ctx = yamldoc.WithScanBudget(ctx, yamldoc.NewScanBudget(0))
	if len(tfDirs) > 0 {
		roots, err := terraformRoots(ctx, t.FS, tfDirs)
		if err != nil {
			errs = append(errs, err)
		}
		for _, r := range roots {
			units = append(units, unit{tfRoot: r})
		}
	}

	conc := s.opts.Concurrency
	if conc <= 0 {
		conc = runtime.GOMAXPROCS(0)
	}
	// Each document's findings are compacted as soon as they are built,
	// into tables shared by the whole scan: built one by one they take
	// about three times the memory (fresh messages, property maps), and
	// kept so until the scan ends they were most of its live heap, which
	// the collector's headroom then doubles (docs/performance.md).
	comp := scanner.NewCompactor()
	results := make([][]scanner.Finding, len(units))
	unitErrs := make([]error, len(units))
	unitModules := make([][]string, len(units))
	var docCounts sync.Map
	var skippedHelm atomic.Int64
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(conc)
	for i, u := range units {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			docs, skipped, err := s.parseUnit(gctx, t, u, sess)
			if skipped {
				skippedHelm.Add(1)
			}
			if err != nil {
				unitErrs[i] = parseProblems(u, err)
			}
			for _, d := range docs {
				unitModules[i] = append(unitModules[i], unresolvedModules(d)...)
				n, _ := docCounts.LoadOrStore(d.Kind, new(atomic.Int64))
				n.(*atomic.Int64).Add(1)
				rs, err := s.engine.eval(gctx, d)
				if err != nil {
					if gctx.Err() != nil {
						return gctx.Err()
					}
					unitErrs[i] = errors.Join(unitErrs[i], err)
					continue
				}
				fs := s.toFindings(d, rs)
				comp.Compact(fs)
				if results[i] == nil {
					results[i] = fs
				} else {
					results[i] = append(results[i], fs...)
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	// Sized once, and each unit's slice let go as it is copied: growing
	// by appends left up to twice the findings behind as garbage.
	total := 0
	for _, r := range results {
		total += len(r)
	}
	findings := make([]scanner.Finding, 0, total)
	for i, r := range results {
		findings = append(findings, r...)
		results[i] = nil
	}
	parseErrs := 0
	for _, e := range unitErrs {
		if e != nil {
			parseErrs++
			errs = append(errs, e)
		}
	}
	findings = dedupeOverlays(findings)
	// Sorted before suppress and dedupe, not after: both then see one
	// file at a time (suppress holds one file's comments, dedupe one
	// file's keys) instead of every file's at once. Both only drop
	// findings, so the order is the same; and the sort is stable, so
	// dedupe keeps the same first of equal findings.
	scanner.SortFindings(findings)
	findings, suppressed := suppress(t, findings, s.peers, time.Now())
	findings = dedupe(findings)

	s.mu.Lock()
	if s.stats.documents == nil {
		s.stats.documents = map[string]int{}
	}
	docCounts.Range(func(k, v any) bool {
		s.stats.documents[k.(string)] += int(v.(*atomic.Int64).Load())
		return true
	})
	s.stats.skippedHelm += int(skippedHelm.Load())
	s.stats.helmCharts += len(charts)
	s.stats.kustomizeBuilds += kustomizeBuilds
	s.stats.parseErrors += kustomizeProblems
	s.stats.skippedBicep = append(s.stats.skippedBicep, bicepSkipped...)
	for _, ms := range unitModules {
		s.stats.modulesNotEvaluated = append(s.stats.modulesNotEvaluated, ms...)
	}
	s.stats.suppressed += suppressed
	s.stats.parseErrors += parseErrs
	s.mu.Unlock()
	return findings, errors.Join(errs...)
}

// kindsOf lists the document kinds the units certainly produce, known
// from their names; YAML and JSON files are only known once parsed.
func kindsOf(units []unit, terraform bool) []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	if terraform {
		add(KindTerraform)
	}
	for _, u := range units {
		if u.chart != "" || u.kustom != "" {
			add(KindKubernetes)
			continue
		}
		switch u.class {
		case classDockerfile:
			add(KindDockerfile)
		case classGitHubWorkflow, classGitHubAction:
			add(KindGitHubActions)
		case classGitLabCI:
			add(KindGitLabCI)
		}
	}
	return out
}

// parseUnit turns one unit into documents.
func (s *Scanner) parseUnit(ctx context.Context, t scanner.Target, u unit, sess render.Session) ([]Document, bool, error) {
	if u.tfRoot != "" {
		docs, err := parseTerraformModule(ctx, t.FS, u.tfRoot, s.opts.TFVarFiles, s.opts.TFVarEnv, s.log)
		return docs, false, err
	}
	if u.chart != "" {
		docs, err := parseHelmChart(ctx, sess, t, u.chart, s.opts.Helm)
		return docs, false, err
	}
	if u.kustom != "" {
		docs, err := buildKustomization(ctx, sess, t, u.kustom, u.kfile)
		return docs, false, err
	}
	src, err := t.ReadFile(u.file)
	if err != nil {
		return nil, false, &scanner.FileError{Path: u.file, Err: err}
	}
	p := u.file
	switch u.class {
	case classDockerfile:
		docs, err := dockerfile.Parse(ctx, p, src)
		return convert(docs, func(d dockerfile.Document) Document { return Document(d) }), false, err
	case classGitHubWorkflow, classGitHubAction:
		docs, err := cicd.ParseGitHub(ctx, p, src)
		return convert(docs, func(d cicd.Document) Document { return Document(d) }), false, err
	case classGitLabCI:
		docs, err := cicd.ParseGitLab(ctx, p, src)
		return convert(docs, func(d cicd.Document) Document { return Document(d) }), false, err
	case classJSON:
		switch {
		case looksARM(src):
			docs, err := parseARM(ctx, t.FS, p, src)
			return docs, false, err
		case looksPlan(src):
			docs, err := parseTerraformPlan(ctx, p, src)
			return docs, false, err
		case looksCloudFormation(src):
			docs, err := parseCloudFormation(ctx, p, src)
			return docs, false, err
		}
		return nil, false, nil
	case classTemplate:
		if looksCloudFormation(src) {
			docs, err := parseCloudFormation(ctx, p, src)
			return docs, false, err
		}
		return nil, false, nil
	case classYAML:
		switch {
		case looksHelmTemplate(p, src):
			return nil, true, nil
		case looksCloudFormation(src) && !looksKubernetes(src):
			docs, err := parseCloudFormation(ctx, p, src)
			return docs, false, err
		case looksKubernetes(src):
			docs, err := kubernetes.Parse(ctx, p, src)
			return convert(docs, func(d kubernetes.Document) Document { return Document(d) }), false, err
		}
	}
	return nil, false, nil
}

// parseProblems turns the per-file errors of a unit (a *scanner.FileError:
// a syntax error, an evaluation failure, a budget) into *scanner.ParseError
// values of the unit's format, which Run reports as findings. What is not
// about the file stays an error: I/O failures, cancellation, the scan-wide
// YAML budget.
func parseProblems(u unit, err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, parseProblems(u, e))
		}
		return errors.Join(out...)
	}
	var pe *scanner.ParseError
	var fe *scanner.FileError
	var sbe *yamldoc.ScanBudgetError
	var pathErr *fs.PathError
	switch {
	case errors.As(err, &pe), errors.As(err, &sbe), !errors.As(err, &fe), errors.As(fe.Err, &pathErr):
		return err
	}
	return &scanner.ParseError{Kind: parseKind(u, fe.Path), Path: fe.Path, Line: fe.Line, Err: fe.Err}
}

func parseKind(u unit, p string) string {
	switch {
	case u.tfRoot != "":
		return scanner.ParseKindTerraform
	case u.class == classDockerfile:
		return scanner.ParseKindDockerfile
	case strings.HasSuffix(strings.ToLower(p), ".json"):
		return scanner.ParseKindJSON
	}
	return scanner.ParseKindYAML
}

func convert[T any](in []T, f func(T) Document) []Document {
	out := make([]Document, 0, len(in))
	for _, d := range in {
		out = append(out, f(d))
	}
	return out
}

// toFindings maps check results to findings.
func (s *Scanner) toFindings(d Document, rs []result) []scanner.Finding {
	out := make([]scanner.Finding, 0, len(rs))
	// Several results of one check on one resource (two open ingress rules
	// of a security group) need distinct evidence, or their fingerprints
	// would collide; the message tells them apart without using lines.
	perResource := map[[2]string]int{}
	for _, r := range rs {
		perResource[[2]string{r.CheckID, r.Resource}]++
	}
	seen := map[[2]string]int{}
	for _, r := range rs {
		m := s.engine.byID[r.CheckID]
		if m == nil {
			continue
		}
		p := d.Path
		if r.Path != "" {
			p = r.Path
		}
		start := r.StartLine
		if start <= 0 {
			start = 1
		}
		end := r.EndLine
		if end < start {
			end = start
		}
		evidence := r.Resource
		if evidence == "" {
			evidence = r.Msg
		} else if perResource[[2]string{r.CheckID, r.Resource}] > 1 {
			evidence += "#" + r.Msg
		}
		// identical messages too: number them in source order
		k := [2]string{r.CheckID, evidence}
		seen[k]++
		if n := seen[k]; n > 1 {
			evidence += "#" + strconv.Itoa(n)
		}
		desc := r.Msg
		if desc == "" {
			desc = m.Description
		}
		props := map[string]any{"kind": d.Kind, "message": r.Msg}
		if b, ok := d.Value["bicep"].(string); ok && b != "" {
			// findings are on the compiled JSON; say where to fix them
			props["bicep"] = b
			desc += " (compiled from " + b + ")"
		}
		if r.Resource != "" {
			props["resource"] = r.Resource
		}
		if r.BlockStart > 0 {
			props["block_start_line"] = r.BlockStart
		}
		peers := s.engine.peers[m.ID]
		if peers.byTool != nil {
			props["peer_ids"] = peers.byTool
		}
		if ov, ok := d.Value[kustomize.OverlayKey].(string); ok {
			props["kustomization"] = ov
		}
		out = append(out, scanner.Finding{
			Scanner:     Name,
			RuleID:      m.ID,
			Title:       m.Title,
			Description: desc,
			Severity:    m.Severity,
			Location:    scanner.Location{Path: p, StartLine: start, EndLine: end},
			References:  m.References,
			Remediation: m.Remediation,
			CWEs:        m.CWEs,
			Aliases:     peers.all,
			Tags:        m.Frameworks,
			Evidence:    evidence,
			Properties:  props,
		})
	}
	return out
}

// peers gives the peer ids of a check, for the suppression comments of
// other tools.
func (s *Scanner) peers(id string) PeerIDs {
	if m := s.engine.byID[id]; m != nil {
		return m.Peers
	}
	return PeerIDs{}
}

// dedupe drops findings that are identical in rule, place and resource
// (terraform documents can surface the same module resource twice),
// keeping the first. fs must be grouped by path (as SortFindings leaves
// it): the keys seen are forgotten when the path changes, so that the
// table holds one file's findings, not the scan's.
func dedupe(fs []scanner.Finding) []scanner.Finding {
	type key struct {
		rule, ev string
		line     int
		msg      any
	}
	seen := map[key]bool{}
	out := fs[:0]
	path := ""
	for i, f := range fs {
		if i == 0 || f.Location.Path != path {
			path = f.Location.Path
			clear(seen)
		}
		k := key{f.RuleID, f.Evidence, f.Location.StartLine, f.Properties["message"]}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}
