package deps

import (
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/google/osv-scalibr/enricher/vulnmatch/osvlocal"
	"github.com/google/osv-scalibr/extractor"
	"github.com/ossf/osv-schema/bindings/go/osvschema"
)

// pkgKey identifies a package version independent of the lockfile.
type pkgKey struct {
	ecosystem, name, version string
}

func (d dep) key() pkgKey { return pkgKey{d.ecosystem, d.name, d.version} }

// baseEcosystem strips a release suffix ("Debian:12" -> "Debian").
func baseEcosystem(eco string) string {
	b, _, _ := strings.Cut(eco, ":")
	return b
}

// uniquePackages returns one dep per package version, in a stable order.
func uniquePackages(deps []dep) []dep {
	// Sized exactly, once: grown by append, a 10,000-package tree copied
	// its deps four times over; sized len(deps), a tree whose lockfiles
	// repeat a few thousand versions 69,180 times held 9.5 MB of empty
	// capacity through the matching, the scan's largest heap.
	seen := make(map[pkgKey]bool, len(deps))
	var firsts []int32
	for i, d := range deps {
		if d.ecosystem == "" || seen[d.key()] {
			continue
		}
		seen[d.key()] = true
		firsts = append(firsts, int32(i))
	}
	out := make([]dep, len(firsts))
	for j, i := range firsts {
		out[j] = deps[i]
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].key(), out[j].key()
		if a.ecosystem != b.ecosystem {
			return a.ecosystem < b.ecosystem
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.version < b.version
	})
	return out
}

// matchOffline matches every package against the local database. It
// loads only the ecosystems the lockfiles use. Versions are parsed into
// orders.
func (s *Scanner) matchOffline(ctx context.Context, deps []dep, orders versionOrders) (map[pkgKey][]*osvschema.Vulnerability, *localDB, error) {
	db := newLocalDB(s.opts.DBDir, s.opts.IndexDir)
	uniq := uniquePackages(deps)
	ecos := map[string]bool{}
	need := map[string]map[string]bool{}
	for _, d := range uniq {
		eco := baseEcosystem(d.ecosystem)
		ecos[eco] = true
		if need[eco] == nil {
			need[eco] = map[string]bool{}
		}
		for _, k := range depKeys(d) {
			need[eco][k] = true
		}
	}
	// Load the needed ecosystems in parallel; each load is itself
	// parallel, so this mostly overlaps file reads with decoding.
	errc := make(chan error, len(ecos))
	for eco := range ecos {
		go func() {
			_, err := db.get(ctx, eco, need[eco])
			errc <- err
		}()
	}
	var errs []error
	for range ecos {
		if err := <-errc; err != nil && !errors.Is(err, ErrNoDatabase) {
			errs = append(errs, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, db, err
	}
	// An ecosystem the database lacks is a warning the policy sees
	// (scan.db.missing), not an error: the other ecosystems were checked.
	// A database with no ecosystem at all is an error: nothing was.
	if missing := db.missing(); len(missing) > 0 && len(missing) == len(ecos) && !db.installed() {
		errs = append(errs, fmt.Errorf("%w: none in %s (run `tollgate db update --osv-db %s`)", ErrNoDatabase, s.opts.DBDir, s.opts.DBDir))
	}
	out := map[pkgKey][]*osvschema.Vulnerability{}
	for _, d := range uniq {
		idx, err := db.get(ctx, baseEcosystem(d.ecosystem), nil)
		if err != nil {
			continue // reported above
		}
		cands := idx.candidates(d)
		if len(cands) == 0 {
			continue
		}
		if vs := affectingFast(cands, d.pkg, orders.get(d.ecosystem)); len(vs) > 0 {
			out[d.key()] = vs
		}
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return out, db, errors.Join(errs...)
}

var goMajorSuffix = regexp.MustCompile(`(v[0-9]+)`)

// candidates returns the advisories that name the package, without
// looking at versions.
func (idx *ecoIndex) candidates(d dep) []*osvschema.Vulnerability {
	var out []*osvschema.Vulnerability
	for _, k := range depKeys(d) {
		for _, v := range idx.byName[k] {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// depKeys are the index keys an advisory about d can be filed under.
func depKeys(d dep) []string {
	keys := append(nameKeys(d.ecosystem, d.name), osSourceKeys(d)...)
	if baseEcosystem(d.ecosystem) == "Go" {
		if d.name == "go" {
			keys = append(keys, "stdlib")
		}
		if pu := d.pkg.PURL(); pu != nil && pu.Subpath != "" {
			if m := goMajorSuffix.FindString(pu.Subpath); m != "" {
				keys = append(keys, strings.ToLower(path.Join(d.name, m)))
			}
		}
	}
	return keys
}

// affecting applies osv-scalibr's matcher (the one osv-scanner uses
// offline) to the candidates. The matcher panics on versions or
// ecosystems it cannot parse; then each advisory is tried on its own and
// one that still panics falls back to the exact "versions" list.
func affecting(cands []*osvschema.Vulnerability, pkg *extractor.Package) (out []*osvschema.Vulnerability) {
	panicked := false
	func() {
		defer func() {
			if r := recover(); r != nil {
				panicked = true
			}
		}()
		out = osvlocal.VulnerabilitiesAffectingPackage(cands, pkg)
	}()
	if !panicked {
		return out
	}
	out = nil
	for _, v := range cands {
		func() {
			defer func() {
				if r := recover(); r != nil {
					if listsVersion(v, pkg) {
						out = append(out, v)
					}
				}
			}()
			out = append(out, osvlocal.VulnerabilitiesAffectingPackage([]*osvschema.Vulnerability{v}, pkg)...)
		}()
	}
	return out
}

func listsVersion(v *osvschema.Vulnerability, pkg *extractor.Package) bool {
	eco := pkg.Ecosystem().String()
	for _, a := range v.GetAffected() {
		if sameName(a, eco, pkg.Name) && slices.Contains(a.GetVersions(), pkg.Version) {
			return true
		}
	}
	return false
}

// sameName reports whether an affected entry is about the package.
func sameName(a *osvschema.Affected, ecosystem, name string) bool {
	if baseEcosystem(a.GetPackage().GetEcosystem()) != baseEcosystem(ecosystem) {
		return false
	}
	ak := nameKeys(ecosystem, a.GetPackage().GetName())
	pk := nameKeys(ecosystem, name)
	if baseEcosystem(ecosystem) == "Go" && name == "go" {
		pk = append(pk, "stdlib")
	}
	for _, k := range ak {
		if slices.Contains(pk, k) {
			return true
		}
	}
	return false
}
