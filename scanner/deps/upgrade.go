package deps

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
)

// upgradeFor returns the smallest version above the installed one that no
// advisory in vs affects: the one upgrade that closes them all. The
// candidates are the advisories' fixed versions; each is checked with the
// same matcher as the installed version, so a fix that falls inside
// another advisory's range is skipped. Empty when none qualifies.
//
// o orders versions of d's ecosystem.
func upgradeFor(d dep, vs []*osvschema.Vulnerability, o *versionOrder) string {
	var cands []string
	for _, f := range fixedVersions(vs, d, o) {
		if o.compare(f, d.version) > 0 && !slices.Contains(cands, f) {
			cands = append(cands, f)
		}
	}
	// fixedVersions sorts ascending in the ecosystem's order. A candidate
	// is rejected by the first advisory that affects it; the one that
	// rejected the previous candidate usually rejects the next one too
	// (its fix is further up), so it is tried first.
	m := newUpgradeMatcher(d.pkg, vs, o)
	order := slices.Clone(vs)
	for _, c := range cands {
		hit := m.firstAffecting(order, c)
		if hit < 0 {
			return c
		}
		v := order[hit]
		copy(order[1:hit+1], order[:hit])
		order[0] = v
	}
	return ""
}

// majorBump reports whether to changes the leading version number of
// from ("1.9.3" -> "2.0.0"; "v0.3" -> "v0.4" is not). Versions without a
// leading number never count as major.
func majorBump(from, to string) bool {
	a, okA := leadingNumber(from)
	b, okB := leadingNumber(to)
	return okA && okB && a != b
}

func leadingNumber(v string) (int, bool) {
	v = strings.TrimPrefix(strings.TrimPrefix(v, "v"), "V")
	end := strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(v)
	}
	n, err := strconv.Atoi(v[:end])
	return n, err == nil
}
