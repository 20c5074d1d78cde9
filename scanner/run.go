package scanner

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
	"io/fs"
)

// Option configures Run.
type Option func(*runConfig)

type runConfig struct {
	excludes        []string
	defaultExcludes []string
	maxFileSize     int64
	concurrency     int
	fsys            fs.FS
	logger          *slog.Logger
	now             func() time.Time
	gitignore       bool
	pathPrefix      string
	progressEvery   time.Duration
	progress        func(Progress)
	maxFindings     int
	heavy           []string
}

// WithMaxFindingsPerFile sets the findings-per-file budget (default
// [DefaultMaxFindingsPerFile]; 0 means no budget): a scanner's findings in
// one file beyond it are dropped, the most severe kept, and a
// TG-PARSE-FINDINGS finding says how many went.
func WithMaxFindingsPerFile(n int) Option {
	return func(c *runConfig) { c.maxFindings = n }
}

// WithExcludes adds doublestar globs to skip (see [DefaultExcludes] for
// how patterns match).
func WithExcludes(globs ...string) Option {
	return func(c *runConfig) { c.excludes = append(c.excludes, globs...) }
}

// WithDefaultExcludes replaces [DefaultExcludes]; pass nothing to scan
// node_modules, vendor and the rest too.
func WithDefaultExcludes(globs ...string) Option {
	return func(c *runConfig) { c.defaultExcludes = globs }
}

// WithMaxFileSize sets the size cap in bytes; 0 means no cap.
func WithMaxFileSize(n int64) Option {
	return func(c *runConfig) { c.maxFileSize = n }
}

// WithConcurrency bounds how many scanners run at once (default: the
// number of CPUs).
func WithConcurrency(n int) Option {
	return func(c *runConfig) { c.concurrency = n }
}

// WithHeavy names the scanners whose working memory is large enough that
// two of them must not run at the same time (default [DefaultHeavy]); they
// run one after the other in the order named here. Pass nothing to let
// every scanner run beside every other. A heavy scanner waiting for its
// turn does not hold a concurrency slot, so light scanners run beside
// whichever heavy one is at work.
func WithHeavy(names ...string) Option {
	return func(c *runConfig) { c.heavy = names }
}

// DefaultHeavy are the built-in scanners with large working sets, in the
// order they run: iac (parsed documents, Rego evaluation, and a burst at
// the end of its scan) first, while little else is live, then deps
// (lockfiles parsed whole, the advisory records of every package). Each
// parallelises internally over all CPUs, so running them one after the
// other costs little wall time, while running them together added their
// peaks (docs/performance.md, "The peak, phase by phase"). Secrets
// streams files in fixed-size chunks and runs beside either.
func DefaultHeavy() []string { return []string{KindIaC, KindDeps} }

// WithFS scans fsys instead of os.DirFS(root). Root is still reported and
// handed to scanners as Target.Root. Tests use it to inject faults.
func WithFS(fsys fs.FS) Option {
	return func(c *runConfig) { c.fsys = fsys }
}

// WithGitignore makes the walk honour .gitignore files (the root's and
// every folder's). Off by default: what is in the workspace is what a
// pipeline builds and ships, ignored or not.
func WithGitignore(on bool) Option {
	return func(c *runConfig) { c.gitignore = on }
}

// WithLogger sets where progress is logged (default: discard).
func WithLogger(l *slog.Logger) Option {
	return func(c *runConfig) { c.logger = l }
}

// WithClock sets the clock used for Result.Started (tests freeze it).
func WithClock(now func() time.Time) Option {
	return func(c *runConfig) { c.now = now }
}

// collectBeforeMerge is the number of findings from which Run collects
// garbage once before merging the scanners' findings; below it the merge
// is too small to matter.
const collectBeforeMerge = 10000

// Run walks root once and runs the scanners concurrently over the files
// each of them matched. It returns an error only when the scan could not
// happen at all (missing root, bad exclude pattern, cancelled context);
// a failing scanner is recorded in Result.Errors and its stats, and the
// other scanners' findings are still returned.
//
// When ctx ends (a deadline from [WithDeadline], a signal, a cancel) Run
// returns at once with an *[IncompleteError] naming what was still
// running; it does not wait for a scanner that has not noticed ctx yet
// (that goroutine ends when its scanner does).
//
// root may also be a regular file: then only that file is walked (with
// the same excludes, size cap and binary check), the scanners that match
// it scan it, findings carry its name as their path, and Result.Root and
// Target.Root are its directory.
func Run(ctx context.Context, root string, ss []Scanner, opts ...Option) (*Result, error) {
	cfg := runConfig{
		defaultExcludes: DefaultExcludes(),
		maxFileSize:     DefaultMaxFileSize,
		concurrency:     runtime.NumCPU(),
		logger:          slog.New(slog.DiscardHandler),
		now:             time.Now,
		maxFindings:     DefaultMaxFindingsPerFile,
		heavy:           DefaultHeavy(),
	}
	for _, o := range opts {
		o(&cfg)
	}
	abs, only, err := resolveRoot(root, cfg.fsys == nil)
	if err != nil {
		return nil, err
	}
	prefix, err := CleanPathPrefix(cfg.pathPrefix)
	if err != nil {
		return nil, err
	}
	fsys := cfg.fsys
	if fsys == nil {
		fsys = os.DirFS(abs)
	}
	walkFS := fsys
	if only != "" {
		walkFS = singleFileFS{FS: fsys, name: only}
	}
	excl, err := newMatcher(append(slices.Clone(cfg.defaultExcludes), cfg.excludes...))
	if err != nil {
		return nil, err
	}

	started := cfg.now()
	t0 := time.Now()
	files, wst, err := walk(ctx, walkFS, ss, excl, cfg.maxFileSize, cfg.gitignore)
	if ctx.Err() != nil {
		return nil, &IncompleteError{Cause: Cause(ctx), Running: []string{fmt.Sprintf("walk (%d files seen)", wst.Files)}}
	}
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", abs, err)
	}
	cfg.logger.Debug("walk done", "files", wst.Files, "scanned", wst.Scanned, "skipped", wst.Skipped.Total())

	targets := make([]Target, len(ss))
	stats := make([]ScannerStats, len(ss))
	for i, s := range ss {
		targets[i] = Target{Root: abs, FS: fsys}
		stats[i].Name = s.Name()
	}
	for _, w := range files {
		for _, i := range w.scanners {
			targets[i].Files = append(targets[i].Files, w.file)
			stats[i].Files++
			stats[i].Bytes += w.file.Size
		}
	}

	found := make([][]Finding, len(ss))
	errs := make([]error, len(ss))
	// A scanner is running between started and finished; one still
	// queued behind the concurrency limit is not named as running.
	running, finished := make([]atomic.Bool, len(ss)), make([]atomic.Bool, len(ss))
	if cfg.progress != nil {
		counters := make([]*progressFS, len(ss))
		for i := range targets {
			counters[i] = newProgressFS(targets[i].FS, targets[i].Files)
			targets[i].FS = counters[i]
		}
		stop, stopped := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(stopped)
			runProgress(cfg.progressEvery, cfg.progress, t0, ss, targets, counters, finished, stop)
		}()
		defer func() { close(stop); <-stopped }()
	}
	slots := newSchedule(max(cfg.concurrency, 1), ss, cfg.heavy)
	var g errgroup.Group
	for i, s := range ss {
		g.Go(func() error {
			defer finished[i].Store(true)
			release, ok := slots.acquire(ctx, i)
			if !ok {
				return nil
			}
			defer release()
			running[i].Store(true)
			st := time.Now()
			found[i], errs[i] = scanOne(ctx, s, targets[i], cfg.logger)
			// A file the scanner could not parse (or that exceeded one of
			// its budgets) is a finding the policy decides on, not a
			// scanner failure.
			pes, rest := splitParseErrors(errs[i])
			for _, pe := range pes {
				found[i] = append(found[i], pe.Finding(s.Name()))
			}
			errs[i] = rest
			found[i] = capFindingsPerFile(s.Name(), found[i], cfg.maxFindings)
			// Compacted now, not after the merge: the other scanners are
			// still running, and this one's findings stay live until the
			// reports are written.
			compactFindings(found[i])
			stats[i].Duration = time.Since(st)
			if sr, ok := s.(StatsReporter); ok {
				stats[i].Extra = sr.Stats()
			}
			cfg.logger.Debug("scanner done", "scanner", s.Name(), "findings", len(found[i]), "duration", stats[i].Duration, "error", errs[i])
			return nil
		})
	}
	// Scanners report through errs; none returns to the group. When ctx
	// ends first, Run returns at once and names what was still running:
	// a scanner that does not notice ctx must not hold the process (its
	// goroutine finishes, or dies with the process, on its own).
	done := make(chan struct{})
	go func() { _ = g.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	if ctx.Err() != nil {
		return nil, incomplete(ctx, ss, running, finished)
	}

	res := &Result{Root: abs, PathPrefix: prefix, Scanners: stats, Walk: wst, Started: started}
	total := 0
	for _, f := range found {
		total += len(f)
	}
	if total >= collectBeforeMerge {
		// The scanners' working sets are garbage now; collected before
		// the merge copies every finding, that copy reuses their memory
		// instead of adding to the scan's high-water mark (on the 1.1 GB
		// benchmark tree the merge was +50 MB of peak RSS).
		runtime.GC()
	}
	if total > 0 {
		// Sized once: growing it by appends left up to twice the findings'
		// structs behind as garbage, at the scan's largest heap.
		res.Findings = make([]Finding, 0, total)
	}
	for i, s := range ss {
		stats[i].Findings = len(found[i])
		if errs[i] != nil {
			stats[i].Error = errs[i].Error()
			res.Errors = append(res.Errors, ScanError{Scanner: s.Name(), Err: errs[i]})
		}
		res.Findings = append(res.Findings, found[i]...)
		found[i] = nil
		if ir, ok := s.(InventoryReporter); ok {
			res.Packages = append(res.Packages, ir.Inventory()...)
		}
	}
	prefixPaths(res.Findings, prefix)
	prefixInventory(res.Packages, prefix)
	SortFindings(res.Findings)
	assignFingerprints(res.Findings)
	SortFindings(res.Findings)
	res.Duration = time.Since(t0)
	return res, nil
}

// IncompleteError is Run's error when ctx ended (a deadline, a signal,
// a cancel) before the scan finished. Running names what was still at
// work, with what it was doing when the scanner says ([ProgressReporter]).
type IncompleteError struct {
	Cause   error
	Running []string
}

func (e *IncompleteError) Error() string {
	msg := "scan stopped: " + e.Cause.Error()
	if len(e.Running) > 0 {
		msg += "; still running: " + strings.Join(e.Running, ", ")
	}
	return msg
}

func (e *IncompleteError) Unwrap() error { return e.Cause }

// ProgressReporter is implemented by scanners that can say what they are
// working on (for example the files whose checks are being evaluated), so
// that a timeout or an interrupt names it.
type ProgressReporter interface {
	InProgress() []string
}

func incomplete(ctx context.Context, ss []Scanner, started, finished []atomic.Bool) error {
	e := &IncompleteError{Cause: Cause(ctx)}
	for i, s := range ss {
		if !started[i].Load() || finished[i].Load() {
			continue
		}
		what := s.Name()
		if pr, ok := s.(ProgressReporter); ok {
			if ps := pr.InProgress(); len(ps) > 0 {
				what += " (" + strings.Join(ps, "; ") + ")"
			}
		}
		e.Running = append(e.Running, what)
	}
	return e
}

// scanOne runs one scanner, turning a panic into an error so that a broken
// scanner fails the run closed instead of crashing it. The stack goes to
// the debug log, never into the error a user sees.
func scanOne(ctx context.Context, s Scanner, t Target, log *slog.Logger) (fs []Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			log.Debug("scanner panicked", "scanner", s.Name(), "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("scanner panicked: %v", r)
		}
	}()
	fs, err = s.Scan(ctx, t)
	for i := range fs {
		if fs[i].Scanner == "" {
			fs[i].Scanner = s.Name()
		}
	}
	return fs, err
}

// resolveRoot returns the absolute scan root and, when root names a
// regular file, that file's name: the file is then the only one walked
// (a single-file target such as an SBOM or one lockfile).
func resolveRoot(root string, mustExist bool) (string, string, error) {
	if root == "" {
		root = "."
	}
	if !mustExist {
		abs, err := filepath.Abs(root)
		if err != nil {
			return "", "", fmt.Errorf("scan root %s: %w", root, err)
		}
		return abs, "", nil
	}
	return splitTarget(root)
}

// SortFindings orders findings deterministically: by path, line, column,
// rule, fingerprint, then scanner and evidence as tie-breakers.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int { return CompareFindings(&a, &b) })
}

// CompareFindings is SortFindings' order: path, line, column, rule,
// fingerprint, scanner, evidence.
func CompareFindings(a, b *Finding) int {
	return cmp.Or(
		cmp.Compare(a.Location.Path, b.Location.Path),
		cmp.Compare(a.Location.StartLine, b.Location.StartLine),
		cmp.Compare(a.Location.StartColumn, b.Location.StartColumn),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Fingerprint, b.Fingerprint),
		cmp.Compare(a.Scanner, b.Scanner),
		cmp.Compare(a.Evidence, b.Evidence),
	)
}
