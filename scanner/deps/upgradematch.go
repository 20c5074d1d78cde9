package deps

import (
	"slices"

	"github.com/google/osv-scalibr/extractor"
	archivemeta "github.com/google/osv-scalibr/extractor/filesystem/language/java/archive/metadata"
	apkmeta "github.com/google/osv-scalibr/extractor/filesystem/os/apk/metadata"
	dpkgmeta "github.com/google/osv-scalibr/extractor/filesystem/os/dpkg/metadata"
	rpmmeta "github.com/google/osv-scalibr/extractor/filesystem/os/rpm/metadata"
	"github.com/google/osv-scalibr/inventory/osvecosystem"
	"github.com/google/osv-scalibr/purl"
	"github.com/google/osv-scalibr/semantic"
	"github.com/ossf/osv-schema/bindings/go/osvconstants"
	"github.com/ossf/osv-schema/bindings/go/osvschema"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// upgradeMatcher tells, for many candidate versions of one package, which
// advisories affect them, with the answer of osv-scalibr's matcher
// (osvlocal.VulnerabilitiesAffectingPackage, wrapped by affecting) but
// with every version string parsed once. That matcher parses the package
// version and re-sorts each range's events, parsing both sides of every
// comparison, on each call: trying the 124 upgrade candidates of Go 1.13's
// standard library against its 138 advisories that way was two thirds of
// the CPU of a small scan.
//
// The fast path is taken only where it provably gives the matcher's
// answer and leaves the advisory as the matcher would: package shapes
// whose normalized name and version are plain (an ecosystem, no OS or
// archive metadata, not Homebrew; a source commit only matters without
// an ecosystem), and advisories whose evaluated ranges the
// matcher would not reorder (at most 12 events, the insertion-sort size,
// already in the matcher's order) and whose versions and ecosystems all
// parse (the matcher panics otherwise, and affecting recovers). Any other
// advisory or candidate goes through affecting itself. A test compares
// both on every advisory of the shared database.
type upgradeMatcher struct {
	pkg   *extractor.Package
	eco   osvecosystem.Parsed
	name  string                                             // the matcher's normalized name (osvutil.ParsePackage)
	plain bool                                               // false: every check goes through affecting
	vers  *versionOrder                                      // in the matcher's ecosystem string
	advs  map[*osvschema.Vulnerability][]*osvschema.Affected // nil: not fast
	one   []*osvschema.Vulnerability
}

// insertionSortMax is the length up to which sort.Slice (the matcher's
// event sort) is an insertion sort: a no-op on a slice whose adjacent
// pairs are in order, which is what the fast path checks.
const insertionSortMax = 12

// o, when it orders the package's ecosystem, shares parsed versions
// across packages.
func newUpgradeMatcher(pkg *extractor.Package, vs []*osvschema.Vulnerability, o *versionOrder) *upgradeMatcher {
	m := &upgradeMatcher{pkg: pkg, one: make([]*osvschema.Vulnerability, 1)}
	m.name, m.plain = plainName(pkg)
	m.eco = pkg.Ecosystem()
	m.vers = o
	if o == nil || o.ecosystem != string(m.eco.Ecosystem) {
		m.vers = newVersionOrder(string(m.eco.Ecosystem))
	}
	if m.eco.IsEmpty() || m.eco.Ecosystem == "GIT" {
		m.plain = false
	}
	if !m.plain {
		return m
	}
	m.advs = make(map[*osvschema.Vulnerability][]*osvschema.Affected, len(vs))
	for _, v := range vs {
		m.advs[v] = m.prepare(v)
	}
	return m
}

// plainName mirrors osvutil.ParsePackage's name for packages without
// metadata-derived names; ok is false for the others.
func plainName(pkg *extractor.Package) (string, bool) {
	switch pkg.Metadata.(type) {
	case *archivemeta.Metadata, *dpkgmeta.Metadata, *apkmeta.Metadata, *rpmmeta.Metadata:
		return "", false
	}
	if pkg.PURLType == purl.TypeBrew {
		return "", false // named after its source repository
	}
	switch pkg.Ecosystem().Ecosystem {
	case osvconstants.EcosystemGo:
		if pkg.Name == "go" {
			return "stdlib", true
		}
		if pu := pkg.PURL(); pu != nil && pu.Subpath != "" {
			if sm := goMajorSuffix.FindStringSubmatch(pu.Subpath); sm != nil {
				return pkg.Name + "/" + sm[1], true
			}
		}
	case osvconstants.EcosystemPyPI:
		return osvdb.PyPIName(pkg.Name), true // the same as ToLower after the regexp
	}
	return pkg.Name, true
}

// parse returns s parsed in the package's ecosystem, once per string.
func (m *upgradeMatcher) parse(s string) parsedVersion { return m.vers.parse(s) }

// cmp is v.CompareStr(s) with the error ignored, as the matcher does.
func (m *upgradeMatcher) cmp(v semantic.Version, s string) int {
	w := m.parse(s)
	if !w.ok {
		return 0
	}
	c, _ := v.Compare(w.v)
	return c
}

// prepare returns the affected entries of v about the package, or nil
// when the matcher could panic on v or reorder its events.
func (m *upgradeMatcher) prepare(v *osvschema.Vulnerability) []*osvschema.Affected {
	var out []*osvschema.Affected
	for _, a := range v.GetAffected() {
		if a.GetPackage() == nil {
			continue
		}
		eco, err := osvecosystem.Parse(a.GetPackage().GetEcosystem())
		if err != nil {
			return nil
		}
		if !eco.Equal(m.eco) || a.GetPackage().GetName() != m.name {
			continue
		}
		for _, r := range a.GetRanges() {
			if r.GetType() != osvschema.Range_ECOSYSTEM && r.GetType() != osvschema.Range_SEMVER {
				break // the matcher stops at the first other range
			}
			if !m.inMatcherOrder(r.GetEvents()) {
				return nil
			}
		}
		out = append(out, a)
	}
	if out == nil {
		out = []*osvschema.Affected{} // fast, about nothing
	}
	return out
}

// inMatcherOrder reports whether sorting events with the matcher's
// comparison leaves them as they are and cannot panic.
func (m *upgradeMatcher) inMatcherOrder(events []*osvschema.Event) bool {
	if len(events) > insertionSortMax {
		return false
	}
	for _, e := range events {
		if e.GetIntroduced() != "0" && !m.parse(eventVersion(e)).ok {
			return false // MustParse in the comparison would panic
		}
	}
	for j := 1; j < len(events); j++ {
		a, b := events[j], events[j-1]
		if a.GetIntroduced() == "0" {
			return false // less(j, j-1): insertion sort would swap
		}
		if b.GetIntroduced() == "0" {
			continue
		}
		if c, _ := m.parse(eventVersion(a)).v.Compare(m.parse(eventVersion(b)).v); c < 0 {
			return false
		}
	}
	return true
}

// eventVersion is the matcher's sort key of an event.
func eventVersion(e *osvschema.Event) string {
	for _, s := range []string{e.GetIntroduced(), e.GetFixed(), e.GetLimit(), e.GetLastAffected()} {
		if s != "" {
			return s
		}
	}
	return ""
}

// affectingFast is affecting(cands, pkg) with each candidate that
// qualifies checked through the fast path and the others by the matcher
// one at a time. The matcher judges each advisory on its own and keeps
// the first of each id, in order, so advisory by advisory gives its
// answer (a Django release has 116 candidates; one of them, with long
// unsorted ranges, sent all 116 through the matcher). A package or
// version that does not qualify goes through affecting as a whole.
func affectingFast(cands []*osvschema.Vulnerability, pkg *extractor.Package, o *versionOrder) []*osvschema.Vulnerability {
	m := newUpgradeMatcher(pkg, cands, o)
	if !m.plain || pkg.Version == "" { // the matcher calls a versionless package affected
		return affecting(cands, pkg)
	}
	cv := m.parse(pkg.Version)
	if !cv.ok {
		return affecting(cands, pkg)
	}
	var out []*osvschema.Vulnerability
	for _, v := range cands {
		var hit bool
		if entries := m.advs[v]; entries != nil {
			hit = v.GetWithdrawn() == nil && m.affects(entries, cv.v, pkg.Version)
		} else {
			m.one[0] = v
			hit = len(affecting(m.one, pkg)) > 0
		}
		if hit && !slices.ContainsFunc(out, func(w *osvschema.Vulnerability) bool { return w.GetId() == v.GetId() }) {
			out = append(out, v)
		}
	}
	return out
}

// firstAffecting returns the index of the first advisory in vs that
// affects version c of the package, or -1.
func (m *upgradeMatcher) firstAffecting(vs []*osvschema.Vulnerability, c string) int {
	p := *m.pkg
	p.Version = c
	var cv parsedVersion
	if m.plain {
		cv = m.parse(c)
	}
	for i, v := range vs {
		entries := m.advs[v]
		if cv.ok && entries != nil {
			if v.GetWithdrawn() == nil && m.affects(entries, cv.v, c) {
				return i
			}
			continue
		}
		m.one[0] = v
		if len(affecting(m.one, &p)) > 0 {
			return i
		}
	}
	return -1
}

// affects is vulns.IsAffected on prepared entries, for a version that
// parses.
func (m *upgradeMatcher) affects(entries []*osvschema.Affected, cv semantic.Version, c string) bool {
	for _, a := range entries {
		if len(a.GetRanges()) == 0 && len(a.GetVersions()) == 0 {
			continue
		}
		if slices.Contains(a.GetVersions(), c) {
			return true
		}
		for _, r := range a.GetRanges() {
			if r.GetType() != osvschema.Range_ECOSYSTEM && r.GetType() != osvschema.Range_SEMVER {
				break
			}
			if m.rangeContains(r.GetEvents(), cv, c) {
				return true
			}
		}
	}
	return false
}

// rangeContains walks the (already ordered) events as the matcher does.
func (m *upgradeMatcher) rangeContains(events []*osvschema.Event, cv semantic.Version, c string) bool {
	affected := false
	for _, e := range events {
		switch {
		case affected && e.GetFixed() != "":
			affected = m.cmp(cv, e.GetFixed()) < 0
		case affected && e.GetLastAffected() != "":
			affected = e.GetLastAffected() == c || m.cmp(cv, e.GetLastAffected()) <= 0
		case !affected && e.GetIntroduced() != "":
			affected = e.GetIntroduced() == "0" || m.cmp(cv, e.GetIntroduced()) >= 0
		}
	}
	return affected
}
