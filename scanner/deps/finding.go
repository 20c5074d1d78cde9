package deps

import (
	"slices"
	"sort"
	"strings"

	"github.com/google/osv-scalibr/semantic"
	"github.com/ossf/osv-schema/bindings/go/osvschema"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps/cvss"
)

// maxDescription bounds the advisory text copied into a finding.
const maxDescription = 4000

// aliasGroups partitions advisories into groups that describe the same
// vulnerability: two records are one when one's id or aliases intersect
// the other's (a PYSEC record and its GHSA twin, both aliasing a CVE).
func aliasGroups(vs []*osvschema.Vulnerability) [][]*osvschema.Vulnerability {
	parent := make([]int, len(vs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i, v := range vs {
		for _, id := range append([]string{v.GetId()}, v.GetAliases()...) {
			if j, ok := owner[id]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[id] = i
			}
		}
	}
	byRoot := map[int][]*osvschema.Vulnerability{}
	var roots []int
	for i, v := range vs {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], v)
	}
	out := make([][]*osvschema.Vulnerability, 0, len(roots))
	for _, r := range roots {
		g := byRoot[r]
		sort.Slice(g, func(i, j int) bool { return idLess(g[i].GetId(), g[j].GetId()) })
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return idLess(out[i][0].GetId(), out[j][0].GetId()) })
	return out
}

// idRank orders advisory ids for the choice of the primary one: first
// the ecosystem's own database (GO-, PYSEC-, RUSTSEC-, RUBYSEC-, ...),
// then GHSA (the home database of npm, Maven, NuGet, ...), then CVE.
func idRank(id string) int {
	switch {
	case strings.HasPrefix(id, "CVE-"):
		return 2
	case strings.HasPrefix(id, "GHSA-"):
		return 1
	}
	return 0
}

func idLess(a, b string) bool {
	if ra, rb := idRank(a), idRank(b); ra != rb {
		return ra < rb
	}
	return a < b
}

// fixedVersions collects the "fixed" events of the affected entries about
// this package, sorted by the ecosystem's version order (o).
func fixedVersions(g []*osvschema.Vulnerability, d dep, o *versionOrder) []string {
	var out []string
	for _, v := range g {
		for _, a := range v.GetAffected() {
			if !sameName(a, d.ecosystem, d.name) {
				continue
			}
			for _, r := range a.GetRanges() {
				if r.GetType() == osvschema.Range_GIT {
					continue
				}
				for _, e := range r.GetEvents() {
					if f := e.GetFixed(); f != "" && !slices.Contains(out, f) {
						out = append(out, f)
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return o.compare(out[i], out[j]) < 0 })
	return out
}

// versionOrder orders versions the ecosystem's way, falling back to
// string order for versions the ecosystem parser rejects; each version is
// parsed once (sorting the fixed versions of Go's standard library parsed
// each one some 15 times).
type versionOrder struct {
	ecosystem string
	parsed    map[string]parsedVersion
}

type parsedVersion struct {
	v  semantic.Version
	ok bool
}

func newVersionOrder(ecosystem string) *versionOrder {
	return &versionOrder{ecosystem: baseEcosystem(ecosystem), parsed: map[string]parsedVersion{}}
}

// versionOrders holds one versionOrder per base ecosystem for a scan, so
// that matching and building the findings parse each version once.
type versionOrders map[string]*versionOrder

// get returns the order of the ecosystem (release suffix ignored).
func (vo versionOrders) get(ecosystem string) *versionOrder {
	base := baseEcosystem(ecosystem)
	o := vo[base]
	if o == nil {
		o = newVersionOrder(base)
		vo[base] = o
	}
	return o
}

// parse returns s parsed in the ecosystem, once per string.
func (o *versionOrder) parse(s string) parsedVersion {
	p, ok := o.parsed[s]
	if !ok {
		if o.ecosystem == "RubyGems" {
			p = parsedVersion{parseRubyGemsVersion(s), true} // semantic.Parse's order, faster
		} else {
			v, err := semantic.Parse(s, o.ecosystem)
			p = parsedVersion{v, err == nil}
		}
		o.parsed[s] = p
	}
	return p
}

// compare is semantic's a.CompareStr(b), or string order when a or b
// does not parse.
func (o *versionOrder) compare(a, b string) int {
	if pa := o.parse(a); pa.ok {
		if pb := o.parse(b); pb.ok {
			// Compare(parsed b) is CompareStr(b) without the parse.
			if c, err := pa.v.Compare(pb.v); err == nil {
				return c
			}
		}
	}
	return strings.Compare(a, b)
}

// smallestFixAbove returns the smallest fixed version greater than the
// installed one: the upgrade that closes the advisory with least churn.
func smallestFixAbove(fixed []string, installed string, o *versionOrder) string {
	for _, f := range fixed { // sorted ascending
		if o.compare(f, installed) > 0 {
			return f
		}
	}
	return ""
}

// severityOf picks the highest CVSS base score among the group's vectors
// (top-level and per-affected-package), as osv-scanner's summary does;
// without a usable vector it takes the highest severity word the
// databases give (GHSA's database_specific.severity, ecosystem_specific
// severity); else UNKNOWN.
func severityOf(g []*osvschema.Vulnerability, d dep) (scanner.Severity, float64, string) {
	best, bestVec := -1.0, ""
	consider := func(ss []*osvschema.Severity) {
		for _, s := range ss {
			switch s.GetType() {
			case osvschema.Severity_CVSS_V2, osvschema.Severity_CVSS_V3, osvschema.Severity_CVSS_V4:
			default:
				continue
			}
			if _, score, err := cvss.Score(s.GetScore()); err == nil && score > best {
				best, bestVec = score, s.GetScore()
			}
		}
	}
	for _, v := range g {
		consider(v.GetSeverity())
		for _, a := range v.GetAffected() {
			if sameName(a, d.ecosystem, d.name) {
				consider(a.GetSeverity())
			}
		}
	}
	if best >= 0 {
		return scanner.SeverityFromScore(best), best, bestVec
	}
	sev := scanner.SeverityUnknown
	take := func(word string) {
		if s, err := scanner.ParseSeverity(word); err == nil && s > sev {
			sev = s
		}
	}
	for _, v := range g {
		take(v.GetDatabaseSpecific().GetFields()["severity"].GetStringValue())
		for _, a := range v.GetAffected() {
			if sameName(a, d.ecosystem, d.name) {
				take(a.GetEcosystemSpecific().GetFields()["severity"].GetStringValue())
				take(a.GetDatabaseSpecific().GetFields()["severity"].GetStringValue())
			}
		}
	}
	return sev, 0, ""
}
