package deps

import (
	"context"
	"slices"
	"testing"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/purl"
	"github.com/ossf/osv-schema/bindings/go/osvschema"
)

// TestUpgradeMatcherAgreesWithOSVScalibr runs the upgrade matcher and
// osv-scalibr's matcher side by side on every advisory of the shared
// database, at every version its events and version lists name plus two
// outside them, and requires the same answer each time; most checks must
// take the fast path, or the matcher is only slower.
func TestUpgradeMatcherAgreesWithOSVScalibr(t *testing.T) {
	dir := SharedDB(t)
	types := map[string]string{
		"npm": purl.TypeNPM, "PyPI": purl.TypePyPi, "Go": purl.TypeGolang, "crates.io": purl.TypeCargo,
		"RubyGems": purl.TypeGem, "Packagist": purl.TypeComposer, "Maven": purl.TypeMaven,
		"NuGet": purl.TypeNuget, "Hex": purl.TypeHex,
	}
	db := newLocalDB(dir, t.TempDir())
	for eco, typ := range types {
		idx, err := db.get(context.Background(), eco, nil)
		if err != nil {
			t.Fatalf("%s: %v", eco, err)
		}
		seen := map[*osvschema.Vulnerability]bool{}
		var checks, fast int
		for _, vs := range idx.byName {
			for _, v := range vs {
				if seen[v] {
					continue
				}
				seen[v] = true
				for _, a := range v.GetAffected() {
					names := []string{a.GetPackage().GetName()}
					if eco == "Go" && names[0] == "stdlib" {
						names = append(names, "go")
					}
					for _, name := range names {
						pkg := &extractor.Package{Name: name, PURLType: typ}
						if len(seen)%2 == 0 {
							// As from composer.lock or mix.lock: a source
							// commit beside the ecosystem, which the
							// matcher ignores.
							pkg.SourceCode = &extractor.SourceCodeIdentifier{Repo: "https://example.com/x.git", Commit: "0123456789abcdef0123456789abcdef01234567"}
						}
						c, f := compareMatchers(t, v, pkg, affectedVersions(a))
						checks, fast = checks+c, fast+f
					}
				}
			}
		}
		t.Logf("%s: %d advisories, %d checks, %d on the fast path", eco, len(seen), checks, fast)
		if checks > 0 && fast*10 < checks*9 {
			t.Errorf("%s: only %d of %d checks on the fast path", eco, fast, checks)
		}
	}
}

// compareMatchers checks v against pkg at each version with both
// matchers; it returns the number of checks and of fast ones.
func compareMatchers(t *testing.T, v *osvschema.Vulnerability, pkg *extractor.Package, versions []string) (checks, fast int) {
	t.Helper()
	want := make([]bool, len(versions))
	for i, ver := range versions {
		p := *pkg
		p.Version = ver
		// The scan's first match (the events as in the database), then
		// the real matcher, which sorts them in place.
		fast := len(affectingFast([]*osvschema.Vulnerability{v}, &p, nil)) > 0
		want[i] = len(affecting([]*osvschema.Vulnerability{v}, &p)) > 0
		if fast != want[i] {
			t.Errorf("%s %s@%s: first match says affected=%v, osv-scalibr %v", v.GetId(), pkg.Name, ver, fast, want[i])
		}
	}
	m := newUpgradeMatcher(pkg, []*osvschema.Vulnerability{v}, nil)
	for i, ver := range versions {
		if m.advs[v] != nil && m.parse(ver).ok {
			fast++
		}
		if got := m.firstAffecting([]*osvschema.Vulnerability{v}, ver) == 0; got != want[i] {
			t.Errorf("%s %s@%s: upgrade matcher says affected=%v, osv-scalibr %v", v.GetId(), pkg.Name, ver, got, want[i])
		}
	}
	return len(versions), fast
}

// affectedVersions are the versions an affected entry names, and two
// around them.
func affectedVersions(a *osvschema.Affected) []string {
	out := []string{"0.0.1", "9999.0.0"}
	for _, r := range a.GetRanges() {
		for _, e := range r.GetEvents() {
			for _, s := range []string{e.GetIntroduced(), e.GetFixed(), e.GetLastAffected(), e.GetLimit()} {
				if s != "" && s != "0" && !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	listed := a.GetVersions()
	if len(listed) > 12 { // long lists: their ends are enough
		listed = append(slices.Clone(listed[:6]), listed[len(listed)-6:]...)
	}
	for _, s := range listed {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// TestAffectingFastMixesPaths: for packages whose candidates mix
// advisories the fast path takes with ones it leaves to the matcher,
// affectingFast (advisory by advisory) returns what osv-scalibr's
// matcher returns for the whole list, in the same order.
func TestAffectingFastMixesPaths(t *testing.T) {
	dir := SharedDB(t)
	types := map[string]string{"PyPI": purl.TypePyPi, "Go": purl.TypeGolang, "RubyGems": purl.TypeGem, "Maven": purl.TypeMaven,
		"npm": purl.TypeNPM, "Packagist": purl.TypeComposer, "crates.io": purl.TypeCargo}
	db := newLocalDB(dir, t.TempDir())
	mixed := 0
	for eco, typ := range types {
		idx, err := db.get(context.Background(), eco, nil)
		if err != nil {
			t.Fatalf("%s: %v", eco, err)
		}
		for key, cands := range idx.byName {
			name := key
			if eco == "Go" && name == "stdlib" {
				name = "go"
			}
			pkg := &extractor.Package{Name: name, PURLType: typ}
			m := newUpgradeMatcher(pkg, cands, nil)
			slow := slices.IndexFunc(cands, func(v *osvschema.Vulnerability) bool { return m.advs[v] == nil })
			if !m.plain || len(cands) < 2 || slow < 0 {
				continue
			}
			mixed++
			var versions []string
			for _, v := range cands {
				for _, a := range v.GetAffected() {
					for _, ver := range affectedVersions(a) {
						if !slices.Contains(versions, ver) {
							versions = append(versions, ver)
						}
					}
				}
			}
			for _, ver := range versions {
				p := *pkg
				p.Version = ver
				got := ids(affectingFast(cands, &p, nil))
				if want := ids(affecting(cands, &p)); !slices.Equal(got, want) {
					t.Errorf("%s %s@%s: affectingFast %v, osv-scalibr %v", eco, name, ver, got, want)
				}
			}
		}
	}
	t.Logf("%d packages with candidates on both paths", mixed)
	if mixed == 0 {
		t.Error("no package mixes the paths: the test checks nothing")
	}
}

func ids(vs []*osvschema.Vulnerability) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.GetId()
	}
	return out
}
