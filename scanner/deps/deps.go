package deps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/ossf/osv-schema/bindings/go/osvschema"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps/image"
	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// Name is the scanner's registry name and Finding.Scanner value.
const Name = scanner.KindDeps

// DefaultAPIBaseURL is the public OSV API.
const DefaultAPIBaseURL = "https://api.osv.dev"

// EnvAPIBaseURL overrides Options.APIBaseURL when set (for mirrors).
const EnvAPIBaseURL = "TOLLGATE_OSV_API_URL"

// Options configure a Scanner. The zero value scans online against the
// public OSV API.
type Options struct {
	// Offline matches against the local database in DBDir and makes no
	// network request at all.
	Offline bool
	// DBDir is the offline database directory (osv-scanner's layout,
	// <DBDir>/osv-scalibr/<Ecosystem>/all.zip). Default: the user cache
	// directory + "/tollgate/osv-db".
	DBDir string
	// IndexDir caches the advisory indexes of offline databases that
	// `tollgate db update` did not write (a shared or read-only DB, one in
	// testdata); databases it wrote keep their index beside the zips.
	// Default: the user cache directory + "/tollgate/osv-index"; when
	// there is none, such indexes are built in memory for each scan.
	IndexDir string
	// Image, when set, is a container image saved to a file (`docker
	// save` or an OCI layout tarball): Scan then reads the packages of
	// the image (OS and language packages, with the layer each came
	// from) instead of the lockfiles of the tree, and Match claims no
	// file.
	Image string
	// APIBaseURL is the OSV API used online. Default: DefaultAPIBaseURL,
	// or $TOLLGATE_OSV_API_URL when set.
	APIBaseURL string
	// HTTPClient is used for every online request. Default: a client
	// with a 60 s timeout.
	HTTPClient *http.Client
	// CallAnalysis runs govulncheck on the Go modules found, to tell
	// whether vulnerable code is called; findings then carry the
	// "called" property. It needs the go command on PATH; offline it also
	// needs GOPROXY=off (see ErrCallAnalysisNeedsGOPROXYOff).
	CallAnalysis bool
	// GoVersion is the Go release whose standard library go.mod modules
	// are checked against ("1.22.3"), overriding go.mod's toolchain and
	// go directives; "local" asks the go command on PATH, used only for
	// go.mod files without a toolchain line. Empty: toolchain, else the
	// go directive (findings then say so, see PropStdlibSource).
	GoVersion string
	// GoVersionSource is recorded as the findings' PropStdlibSource when
	// GoVersion is a release: StdlibSourceFlag (default) or
	// StdlibSourceConfig.
	GoVersionSource string
	// Logger receives progress at debug level. Default: discard.
	Logger *slog.Logger
	// Now is the clock used for database ages. Default: time.Now.
	Now func() time.Time
	// Concurrency bounds parallel API requests; default 4.
	Concurrency int
	// BatchSize is the number of queries per querybatch call; default 1000
	// (the API's maximum).
	BatchSize int
	// Retries on 429, 5xx and network errors; default 4.
	Retries int
	// Backoff is the first retry delay, doubled each time; default 500ms.
	Backoff time.Duration
	// RequestTimeout bounds one OSV API request, body included; 0 means
	// DefaultRequestTimeout, negative means none. A request that times
	// out is retried like a network error.
	RequestTimeout time.Duration
	// APITimeout bounds all OSV API work of one scan, retries included;
	// 0 means DefaultAPITimeout, negative means none.
	APITimeout time.Duration
}

// Scanner finds known vulnerabilities in the dependencies that lockfiles
// and manifests declare.
type Scanner struct {
	opts       Options
	extractors []filesystem.Extractor
	log        *slog.Logger

	mu        sync.Mutex
	stats     map[string]any
	inventory []scanner.InventoryPackage
}

var _ scanner.Scanner = (*Scanner)(nil)
var _ scanner.StatsReporter = (*Scanner)(nil)
var _ scanner.InventoryReporter = (*Scanner)(nil)

// New builds a Scanner. It does no I/O beyond resolving the default DB
// directory.
func New(opts Options) (*Scanner, error) {
	if opts.CallAnalysis && opts.Offline && !goproxyOff() {
		return nil, ErrCallAnalysisNeedsGOPROXYOff
	}
	if opts.GoVersion != "" {
		v, err := ParseGoVersion(opts.GoVersion)
		if err != nil {
			return nil, fmt.Errorf("deps: %w", err)
		}
		opts.GoVersion = v
		if opts.GoVersionSource == "" {
			opts.GoVersionSource = StdlibSourceFlag
		}
	}
	if opts.DBDir == "" {
		// Online scans do not need the directory: a missing $HOME (as in
		// some CI containers) only matters offline.
		dir, err := DefaultDBDir()
		if err != nil && opts.Offline {
			return nil, err
		}
		opts.DBDir = dir
	}
	if opts.IndexDir == "" {
		if cache, err := os.UserCacheDir(); err == nil {
			opts.IndexDir = filepath.Join(cache, "tollgate", "osv-index")
		}
	}
	if env := os.Getenv(EnvAPIBaseURL); env != "" {
		opts.APIBaseURL = env
	}
	if opts.APIBaseURL == "" {
		opts.APIBaseURL = DefaultAPIBaseURL
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 60 * time.Second}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 4
	}
	if opts.BatchSize <= 0 || opts.BatchSize > 1000 {
		opts.BatchSize = 1000
	}
	if opts.Retries <= 0 {
		opts.Retries = 4
	}
	if opts.Backoff <= 0 {
		opts.Backoff = 500 * time.Millisecond
	}
	exts, err := newExtractors()
	if err != nil {
		return nil, fmt.Errorf("deps: %w", err)
	}
	return &Scanner{opts: opts, extractors: exts, log: opts.Logger}, nil
}

// DefaultDBDir is the offline database directory used when none is
// given: the user cache directory + "/tollgate/osv-db".
func DefaultDBDir() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("deps: no --osv-db given and no user cache dir: %w", err)
	}
	return filepath.Join(cache, "tollgate", "osv-db"), nil
}

// Name returns "deps".
func (s *Scanner) Name() string { return Name }

// Match reports whether an osv-scalibr extractor reads this file
// (package-lock.json, yarn.lock, go.mod, requirements*.txt, pom.xml, ...).
// It looks at the path only.
func (s *Scanner) Match(path string, d fs.DirEntry) bool {
	if s.opts.Image != "" || (d != nil && d.IsDir()) {
		return false
	}
	return len(s.extractorsFor(path)) > 0
}

// Stats reports the database used and what was scanned:
//
//	{"mode": "offline", "db": {"dir": ..., "ecosystems": {"npm": {"fetched_at": ..., "age_seconds": ..., "advisories": ...}}},
//	 "packages": n, "lockfiles": n}
func (s *Scanner) Stats() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]any, len(s.stats))
	for k, v := range s.stats {
		out[k] = v
	}
	return out
}

// Scan extracts the packages of every matched lockfile, looks them up
// (offline DB or OSV API) and returns one finding per package version and
// advisory, aliases merged. A malformed lockfile yields a
// *scanner.FileError joined into the returned error; the other lockfiles
// are still scanned and their findings returned.
func (s *Scanner) Scan(ctx context.Context, t scanner.Target) ([]scanner.Finding, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(t.Files))
	for _, f := range t.Files {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	fsys := t.FS
	if fsys == nil {
		fsys = os.DirFS(t.Root)
	}
	var (
		deps       []dep
		lockfiles  int
		extractErr error
		layers     map[string]*image.Layer
	)
	if s.opts.Image != "" {
		deps, lockfiles, layers, extractErr = s.extractImage(ctx)
	} else {
		deps, lockfiles, extractErr = s.extractAll(ctx, t.Root, fsys, paths)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.log.Debug("extracted packages", "lockfiles", lockfiles, "packages", len(deps))
	stdlibErr := s.resolveStdlib(ctx, fsys, deps)
	if !s.opts.CallAnalysis { // call analysis reads every Go occurrence's package
		dropRepeatedPackages(deps)
	}

	stats := map[string]any{"packages": len(deps), "lockfiles": lockfiles}
	var (
		vulns    map[pkgKey][]*osvschema.Vulnerability
		matchErr error
		orders   = versionOrders{} // versions parsed once per scan
	)
	if s.opts.Offline {
		stats["mode"] = "offline"
		var db *localDB
		vulns, db, matchErr = s.matchOffline(ctx, deps, orders)
		dbs := s.dbStats(db)
		dbs["missing"] = missingStats(db, deps)
		stats["db"] = dbs
	} else {
		stats["mode"] = "online"
		stats["api"] = s.opts.APIBaseURL
		stats["db"] = map[string]any{"source": "api", "fetched_at": s.opts.Now().UTC().Format(time.RFC3339), "age_seconds": 0}
		vulns, matchErr = s.matchOnline(ctx, deps)
	}
	s.mu.Lock()
	s.stats = stats
	s.inventory = packageInventory(deps)
	s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var (
		calls   map[callKey]bool
		callErr error
	)
	if s.opts.CallAnalysis {
		calls, callErr = analyseCalls(ctx, t.Root, deps, vulns)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	plan := planFindings(deps, vulns, orders)
	// The osv-scalibr packages (with their metadata: a third of the
	// extraction's memory) are not used past this point; dropped, they
	// are not live beside the findings build makes. The advisory
	// records go too: vulns, the last to refer to them, is dead here.
	for i := range deps {
		deps[i].pkg = nil
	}
	lines := newLineFinder(fsys)
	if s.opts.Image != "" {
		lines = newLineFinder(noFiles{})
	}
	findings := plan.build(deps, lines, calls)
	if s.opts.Image != "" {
		s.addImageProperties(findings, layers)
	}
	return findings, errors.Join(extractErr, stdlibErr, matchErr, callErr)
}

// dropRepeatedPackages drops the osv-scalibr package (with its metadata)
// of every occurrence but the first of each package version: matching and
// the upgrade search only look at the first (see uniquePackages and
// planFindings), and a tree whose lockfiles repeat the same packages held
// them all through the matching, the scan's largest heap.
func dropRepeatedPackages(deps []dep) {
	seen := make(map[pkgKey]bool, len(deps)/2)
	for i := range deps {
		k := deps[i].key()
		if deps[i].ecosystem == "" || seen[k] {
			deps[i].pkg = nil
			continue
		}
		seen[k] = true
	}
}

// Inventory returns every package the last Scan extracted, vulnerable or
// not, once per file and package version (for SBOM reports).
func (s *Scanner) Inventory() []scanner.InventoryPackage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.inventory)
}

// packageInventory lists each package version once per declaring file, dev only
// if every entry is.
func packageInventory(deps []dep) []scanner.InventoryPackage {
	type key struct{ file, eco, name, version string }
	idx := make(map[key]int, len(deps))
	out := make([]scanner.InventoryPackage, 0, len(deps))
	for _, d := range deps {
		k := key{d.location, d.ecosystem, d.name, d.version}
		if i, ok := idx[k]; ok {
			out[i].Dev = out[i].Dev && d.dev
			if d.line > 0 && (out[i].Line == 0 || d.line < out[i].Line) {
				out[i].Line = d.line
			}
			continue
		}
		idx[k] = len(out)
		out = append(out, scanner.InventoryPackage{Ecosystem: d.ecosystem, Name: d.name, Version: d.version, PURL: d.purl, Path: d.location, Line: d.line, Dev: d.dev})
	}
	return out
}

// dbStats describes the offline database for Stats.
func (s *Scanner) dbStats(db *localDB) map[string]any {
	now := s.opts.Now()
	ecos := map[string]any{}
	out := map[string]any{"dir": s.opts.DBDir, "ecosystems": ecos}
	st, err := osvdb.Status(s.opts.DBDir, now)
	if err != nil {
		out["error"] = err.Error()
		return out
	}
	for _, e := range st {
		m := map[string]any{
			"fetched_at":  e.FetchedAt.UTC().Format(time.RFC3339),
			"age_seconds": int64(e.Age / time.Second),
			"advisories":  e.Advisories,
			"source":      e.Source,
		}
		if e.FromMTime {
			m["fetched_at_source"] = "mtime"
		}
		if db != nil {
			m["used"] = db.loaded(e.Ecosystem)
			for k, v := range db.indexInfo(e.Ecosystem) {
				m[k] = v
			}
		}
		ecos[e.Ecosystem] = m
	}
	return out
}

// missingStats lists the ecosystems the scan needed and the offline
// database lacks, with the number of distinct packages left unchecked:
// [{"ecosystem": "PyPI", "packages": 12}]. The default policy warns once
// per entry.
func missingStats(db *localDB, deps []dep) []map[string]any {
	out := []map[string]any{}
	if db == nil {
		return out
	}
	missing := db.missing()
	if len(missing) == 0 {
		return out
	}
	n := map[string]int{}
	for _, d := range uniquePackages(deps) {
		n[baseEcosystem(d.ecosystem)]++
	}
	for _, eco := range missing {
		out = append(out, map[string]any{"ecosystem": eco, "packages": n[eco]})
	}
	return out
}
