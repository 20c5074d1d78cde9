package deps

import (
	"strings"

	"github.com/google/osv-scalibr/semantic"
)

// rubyGemsVersion orders RubyGems versions exactly as osv-scalibr's
// semantic.RubyGemsVersion does, without its cost: that type converts
// every numeric segment to a big.Int on every comparison, which was a
// tenth of building the findings of a Rails lockfile. The segments are
// the library's (canonicalized, numbers before the first non-number,
// trailing "0" segments dropped); a numeric segment is a run of ASCII
// digits (canonicalization splits digits from everything else), so two
// compare by length once leading zeros are trimmed, then by digits.
// TestRubyGemsVersionAgreesWithOSVScalibr compares both on every pair of
// versions the shared database names.
type rubyGemsVersion struct {
	segs []string
}

var _ semantic.Version = rubyGemsVersion{}

func parseRubyGemsVersion(s string) rubyGemsVersion {
	return rubyGemsVersion{canonicalRubyGemsSegments(strings.Split(canonicalizeRubyGemsVersion(s), "."))}
}

// canonicalizeRubyGemsVersion puts a dot between a run of digits and a
// run of other characters (semantic's canonicalizeRubyGemVersion).
func canonicalizeRubyGemsVersion(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	checkPrevious, previousWasDigit := false, true
	for _, c := range s {
		if c == '.' {
			checkPrevious = false
			b.WriteByte('.')
			continue
		}
		isDigit := c >= '0' && c <= '9'
		if checkPrevious && previousWasDigit != isDigit {
			b.WriteByte('.')
		}
		b.WriteRune(c)
		previousWasDigit, checkPrevious = isDigit, true
	}
	return b.String()
}

// isRubyGemsNumber reports whether big.Int's SetString(s, 10) accepts s,
// for the segments canonicalization produces: digits only.
func isRubyGemsNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// canonicalRubyGemsSegments keeps the numbers up to the first
// non-number, then the rest, each part without trailing "0" segments.
func canonicalRubyGemsSegments(segs []string) []string {
	var numbers, build []string
	for _, s := range segs {
		if len(build) > 0 || !isRubyGemsNumber(s) {
			build = append(build, s)
			continue
		}
		numbers = append(numbers, s)
	}
	return append(trimZeroSegments(numbers), trimZeroSegments(build)...)
}

func trimZeroSegments(segs []string) []string {
	i := len(segs)
	for i > 0 && segs[i-1] == "0" {
		i--
	}
	return segs[:i]
}

// compareDigits compares two runs of ASCII digits as numbers.
func compareDigits(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

func (v rubyGemsVersion) compare(w rubyGemsVersion) int {
	for i := range max(len(v.segs), len(w.segs)) {
		as, bs := "0", "0"
		if i < len(v.segs) {
			as = v.segs[i]
		}
		if i < len(w.segs) {
			bs = w.segs[i]
		}
		an, bn := isRubyGemsNumber(as), isRubyGemsNumber(bs)
		switch {
		case an && bn:
			if c := compareDigits(as, bs); c != 0 {
				return c
			}
		case !an && !bn:
			if c := strings.Compare(as, bs); c != 0 {
				return c
			}
		case an:
			return 1
		default:
			return -1
		}
	}
	return 0
}

// Compare orders v against another rubyGemsVersion.
func (v rubyGemsVersion) Compare(w semantic.Version) (int, error) {
	if w, ok := w.(rubyGemsVersion); ok {
		return v.compare(w), nil
	}
	return 0, semantic.ErrNotSameEcosystem
}

// CompareStr orders v against a version string.
func (v rubyGemsVersion) CompareStr(s string) (int, error) {
	return v.compare(parseRubyGemsVersion(s)), nil
}
