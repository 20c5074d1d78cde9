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

// Run walks root once and runs the scanners concurrently over the files
// each of them matched. It returns an error only when the scan could not
// happen at all (missing root, bad exclude pattern, cancelled context);
// a failing scanner is recorded in Result.Errors and its stats, and the
// other scanners' findings are still returned.
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
	g := new(errgroup.Group)
	g.SetLimit(max(cfg.concurrency, 1))
	for i, s := range ss {
		g.Go(func() error {
			st := time.Now()
			found[i], errs[i] = scanOne(ctx, s, targets[i])
			stats[i].Duration = time.Since(st)
			if sr, ok := s.(StatsReporter); ok {
				stats[i].Extra = sr.Stats()
			}
			cfg.logger.Debug("scanner done", "scanner", s.Name(), "findings", len(found[i]), "duration", stats[i].Duration, "error", errs[i])
			return nil
		})
	}
	_ = g.Wait() // scanners report through errs; none returns to the group
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res := &Result{Root: abs, PathPrefix: prefix, Scanners: stats, Walk: wst, Started: started}
	for i, s := range ss {
		stats[i].Findings = len(found[i])
		if errs[i] != nil {
			stats[i].Error = errs[i].Error()
			res.Errors = append(res.Errors, ScanError{Scanner: s.Name(), Err: errs[i]})
		}
		res.Findings = append(res.Findings, found[i]...)
	}
	prefixPaths(res.Findings, prefix)
	SortFindings(res.Findings)
	assignFingerprints(res.Findings)
	SortFindings(res.Findings)
	res.Duration = time.Since(t0)
	return res, nil
}

// scanOne runs one scanner, turning a panic into an error so that a broken
// scanner fails the run closed instead of crashing it.
func scanOne(ctx context.Context, s Scanner, t Target) (fs []Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("scanner panicked: %v\n%s", r, debug.Stack())
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
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Location.Path, b.Location.Path),
			cmp.Compare(a.Location.StartLine, b.Location.StartLine),
			cmp.Compare(a.Location.StartColumn, b.Location.StartColumn),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Fingerprint, b.Fingerprint),
			cmp.Compare(a.Scanner, b.Scanner),
			cmp.Compare(a.Evidence, b.Evidence),
		)
	})
}
