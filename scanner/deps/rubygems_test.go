package deps

import (
	"context"
	"slices"
	"testing"

	"github.com/google/osv-scalibr/semantic"
)

var rubyGemsSamples = []string{"", "0", "00", "1", "01", "1.0", "1.0.0", "1.00", "1.0.a", "1.0.0.a", "1.a", "1-a", "1.0-rc1",
	"1.0.0.rc1", "1.0.0.pre", "1.0.0.pre.2", "1.0.0.beta10", "1.0.0.beta9", "2.0.0.b", "10", "9", "99999999999999999999999",
	"100000000000000000000000", "0.0.0.1", "1..2", "1.2.", ".1", "a", "a.b", "A", "1.0.0-java", "1_0", "1+2", "v1.0",
	"3.2.1.1", "3.2.10", "5.2.4.3", "6.0.0.rc2", "1٣", "1.0.0.0.0.0.1", "0.a", "0.0.a.0"}

// TestRubyGemsVersionSamples: odd versions are ordered as
// semantic.RubyGemsVersion orders them.
func TestRubyGemsVersionSamples(t *testing.T) {
	checkRubyGemsOrder(t, rubyGemsSamples)
	if _, err := parseRubyGemsVersion("1").Compare(semantic.ParseRubyGemsVersion("1")); err == nil {
		t.Error("comparing with another Version type should fail as semantic's does")
	}
}

// TestRubyGemsVersionAgreesWithOSVScalibr: rubyGemsVersion orders every
// pair of the versions the shared database's RubyGems advisories name as
// semantic.RubyGemsVersion does.
func TestRubyGemsVersionAgreesWithOSVScalibr(t *testing.T) {
	db := newLocalDB(SharedDB(t), t.TempDir())
	idx, err := db.get(context.Background(), "RubyGems", nil)
	if err != nil {
		t.Fatal(err)
	}
	versions := slices.Clone(rubyGemsSamples)
	seen := map[string]bool{}
	for _, vs := range idx.byName {
		for _, v := range vs {
			for _, a := range v.GetAffected() {
				for _, ver := range affectedVersions(a) {
					if !seen[ver] {
						seen[ver] = true
						versions = append(versions, ver)
					}
				}
			}
		}
	}
	slices.Sort(versions[len(rubyGemsSamples):]) // a stable choice when capped
	if len(versions) > 3000 {
		versions = versions[:3000]
	}
	checkRubyGemsOrder(t, versions)
}

// checkRubyGemsOrder compares every pair both ways.
func checkRubyGemsOrder(t *testing.T, versions []string) {
	t.Helper()
	parsed := make([]rubyGemsVersion, len(versions))
	for i, s := range versions {
		parsed[i] = parseRubyGemsVersion(s)
	}
	for i, a := range versions {
		lib := semantic.ParseRubyGemsVersion(a)
		for j, b := range versions {
			want, _ := lib.CompareStr(b)
			if got, err := parsed[i].Compare(parsed[j]); err != nil || got != want {
				t.Fatalf("%q vs %q: got %d (%v), osv-scalibr %d", a, b, got, err, want)
			}
		}
	}
	t.Logf("%d versions, %d comparisons", len(versions), len(versions)*len(versions))
}

func FuzzRubyGemsVersion(f *testing.F) {
	for _, s := range rubyGemsSamples {
		f.Add(s, "1.0.0")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		want, _ := semantic.ParseRubyGemsVersion(a).CompareStr(b)
		if got, _ := parseRubyGemsVersion(a).CompareStr(b); got != want {
			t.Errorf("%q vs %q: got %d, osv-scalibr %d", a, b, got, want)
		}
	})
}
