package deps

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"
	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/language/cpp/conanlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dart/pubspec"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/csproj"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/depsjson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/nugetcpm"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/packagesconfig"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/packageslockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/erlang/mixlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/golang/gomod"
	"github.com/google/osv-scalibr/extractor/filesystem/language/haskell/cabal"
	"github.com/google/osv-scalibr/extractor/filesystem/language/haskell/stacklock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/gradlelockfile"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/gradleverificationmetadataxml"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/pomxml"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/bunlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/packagelockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/pnpmlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/yarnlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/php/composerlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pdmlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pipfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/poetrylock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pylock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/requirements"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/uvlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/r/renvlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/ruby/gemfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/rust/cargolock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/swift/packageresolved"
	"github.com/google/osv-scalibr/extractor/filesystem/osv"
	"github.com/google/osv-scalibr/extractor/filesystem/sbom/cdx"
	"github.com/google/osv-scalibr/extractor/filesystem/sbom/spdx"
	scalibrfs "github.com/google/osv-scalibr/fs"

	"github.com/tollgate-dev/tollgate/scanner"
)

// newExtractors builds the osv-scalibr lockfile and manifest extractors
// that osv-scanner v2.5.0 enables for source scans ("lockfile" and "sbom"
// presets: CycloneDX *.cdx.json/bom.json and SPDX *.spdx* files), minus
// the OS package databases (a source tree has none) and the
// network-resolving variants (pom.xml is resolved from the local tree
// only: properties, dependencyManagement and parents found on disk).
func newExtractors() ([]filesystem.Extractor, error) {
	ctors := []func(*cpb.PluginConfig) (filesystem.Extractor, error){
		conanlock.New, mixlock.New, pubspec.New, gomod.New,
		gradlelockfile.New, gradleverificationmetadataxml.New, pomxml.New,
		packagelockjson.New, pnpmlock.New, yarnlock.New, bunlock.New,
		composerlock.New,
		pipfilelock.New, pdmlock.New, poetrylock.New, pylock.New, requirements.New, uvlock.New,
		renvlock.New, gemfilelock.New, packageresolved.New, cargolock.New,
		csproj.New, depsjson.New, nugetcpm.New, packagesconfig.New, packageslockjson.New,
		cabal.New, stacklock.New,
		cdx.New, spdx.New,
	}
	cfg := &cpb.PluginConfig{}
	out := make([]filesystem.Extractor, 0, len(ctors))
	for _, c := range ctors {
		e, err := c(cfg)
		if err != nil {
			return nil, fmt.Errorf("create extractor: %w", err)
		}
		out = append(out, e)
	}
	return out, nil
}

// nameOnly is a filesystem.FileAPI for Match: the extractors decide from
// the path; Stat answers without I/O (size 0 passes every size limit).
type nameOnly string

func (n nameOnly) Path() string               { return string(n) }
func (n nameOnly) Stat() (fs.FileInfo, error) { return fakeInfo(path.Base(string(n))), nil }

type fakeInfo string

func (f fakeInfo) Name() string       { return string(f) }
func (f fakeInfo) Size() int64        { return 0 }
func (f fakeInfo) Mode() fs.FileMode  { return 0o644 }
func (f fakeInfo) ModTime() time.Time { return time.Time{} }
func (f fakeInfo) IsDir() bool        { return false }
func (f fakeInfo) Sys() any           { return nil }

// Structured implements scanner.Structured: lockfiles and manifests are
// matched by name and parsed even when they look binary, so that a NUL
// byte cannot hide one.
func (s *Scanner) Structured() {}

// parseError is a lockfile the extractors could not read: a finding
// (TG-PARSE-LOCKFILE) the policy decides on, not a scanner failure.
func parseError(path string, err error) error {
	return &scanner.ParseError{Kind: scanner.ParseKindLockfile, Path: path, Err: err}
}

// extractorsFor returns the extractors that claim p.
func (s *Scanner) extractorsFor(p string) []filesystem.Extractor {
	var out []filesystem.Extractor
	api := nameOnly(p)
	for _, e := range s.extractors {
		if e.FileRequired(api) {
			out = append(out, e)
		}
	}
	return out
}

// dep is one package occurrence in one lockfile.
type dep struct {
	pkg       *extractor.Package
	lockfile  string // the file we extracted, root-relative
	location  string // where the package is declared (usually lockfile)
	line      int
	ecosystem string // OSV ecosystem, e.g. "npm", "PyPI"
	name      string
	version   string
	purl      string
	dev       bool
	direct    *bool // nil: unknown
	// stdlibSource is where a Go standard library version came from
	// (StdlibSource*); empty for other packages.
	stdlibSource string
}

// extractAll runs the extractors over the target's files concurrently.
// Per-file failures come back joined, each a *scanner.FileError.
func (s *Scanner) extractAll(ctx context.Context, root string, fsys fs.FS, files []string) ([]dep, int, error) {
	sfs, ok := fsys.(scalibrfs.FS)
	if !ok {
		sfs = scalibrfs.DirFS(root)
	}
	type result struct {
		deps []dep
		err  error
		used bool
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	for i, f := range files {
		exts := s.extractorsFor(f)
		if len(exts) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results[i].err = ctx.Err()
				return
			}
			defer func() { <-sem }()
			results[i].deps, results[i].err = extractFile(ctx, sfs, root, f, exts)
			results[i].used = true
		}()
	}
	wg.Wait()
	total := 0
	for _, r := range results {
		total += len(r.deps)
	}
	all := make([]dep, 0, total)
	var errs []error
	n := 0
	for _, r := range results {
		if r.used {
			n++
		}
		all = append(all, r.deps...)
		if r.err != nil {
			errs = append(errs, r.err)
		}
	}
	if err := ctx.Err(); err != nil {
		return all, n, err
	}
	return all, n, errors.Join(errs...)
}

func extractFile(ctx context.Context, sfs scalibrfs.FS, root, p string, exts []filesystem.Extractor) (deps []dep, err error) {
	// Extractors parse untrusted input; a panic in one must not take the
	// whole scan down.
	defer func() {
		if r := recover(); r != nil {
			err = parseError(p, fmt.Errorf("extractor panic: %v", r))
		}
	}()
	for _, e := range exts {
		var inv []*extractor.Package
		var xerr error
		chunked := false
		if e.Name() == packagelockjson.Name {
			// Large lockfiles: see npmlock.go.
			inv, chunked, xerr = extractPackageLockChunked(ctx, sfs, root, p, e)
		}
		if !chunked {
			inv, xerr = runExtractor(ctx, sfs, root, p, e)
		}
		if e.Name() == pomxml.Name {
			// See pom.go: recover dependencies whose versions come from
			// properties of local parents.
			ours, perr := resolvePOM(sfs, p)
			if xerr != nil && perr == nil {
				inv, xerr = ours, nil
			} else if xerr == nil && perr == nil {
				inv = mergePOM(inv, ours)
			}
		}
		if xerr != nil {
			return deps, parseError(p, fmt.Errorf("%s: %w", e.Name(), xerr))
		}
		direct := directSet(sfs, p)
		deps = slices.Grow(deps, len(inv))
		for _, pkg := range inv {
			d := newDep(p, pkg)
			if direct != nil && d.location == p && !isStdlib(d) {
				v := direct[directKey(d.ecosystem, d.name)]
				d.direct = &v
			}
			deps = append(deps, d)
		}
	}
	return deps, nil
}

func runExtractor(ctx context.Context, sfs scalibrfs.FS, root, p string, e filesystem.Extractor) ([]*extractor.Package, error) {
	f, err := sfs.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	inv, err := e.Extract(ctx, &filesystem.ScanInput{FS: sfs, Path: p, Root: root, Info: info, Reader: f})
	if err != nil {
		return nil, err
	}
	return inv.Packages, nil
}

func newDep(lockfile string, pkg *extractor.Package) dep {
	d := dep{
		pkg:       pkg,
		lockfile:  lockfile,
		location:  lockfile,
		ecosystem: pkg.Ecosystem().String(),
		name:      pkg.Name,
		version:   pkg.Version,
	}
	if loc := pkg.Location.Descriptor; loc != nil && loc.File != nil {
		if loc.File.Path != "" {
			d.location = strings.TrimPrefix(path.Clean(strings.ReplaceAll(loc.File.Path, "\\", "/")), "./")
		}
		d.line = loc.File.LineNumber
	}
	if pu := pkg.PURL(); pu != nil {
		d.purl = pu.String()
	}
	if g, ok := pkg.Metadata.(osv.DepGroups); ok {
		d.dev = isDevOnly(g.DepGroups())
	}
	return d
}

// isDevOnly reports whether the dependency groups say the package is only
// needed for development ("dev" in npm, composer, poetry, Pipfile, ...).
func isDevOnly(groups []string) bool {
	if len(groups) == 0 {
		return false
	}
	return !slices.ContainsFunc(groups, func(g string) bool {
		g = strings.ToLower(g)
		return g != "dev" && g != "development" && g != "test"
	})
}
