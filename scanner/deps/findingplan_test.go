package deps

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/purl"
	"github.com/ossf/osv-schema/bindings/go/osvschema"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps/image"
)

// planned builds the findings of deps as Scan does: the repeated
// occurrences' osv-scalibr packages dropped, the first ones matched, the
// findings planned, the packages dropped, then the findings built.
func planned(t *testing.T, deps []dep, vs []*osvschema.Vulnerability) (*findingPlan, []scanner.Finding) {
	t.Helper()
	dropRepeatedPackages(deps)
	orders := versionOrders{}
	vulns := map[pkgKey][]*osvschema.Vulnerability{}
	for _, d := range uniquePackages(deps) {
		if got := affecting(vs, d.pkg); len(got) > 0 {
			vulns[d.key()] = got
		}
	}
	p := planFindings(deps, vulns, orders)
	for i := range deps {
		deps[i].pkg = nil // build must not need them
	}
	return p, p.build(deps, newLineFinder(noFiles{}), nil)
}

func npmDep(lockfile, name, version string, line int, dev bool) dep {
	d := newDep(lockfile, &extractor.Package{Name: name, Version: version, PURLType: purl.TypeNPM})
	d.line, d.dev = line, dev
	return d
}

// TestBuiltFindingsShareAdvisoryValues: the findings of one advisory on
// many packages point to one copy of its texts and lists, and findings
// that only differ by line share their package and properties; what each
// finding reports is unchanged (see TestOfflineScanZeroNetwork).
func TestBuiltFindingsShareAdvisoryValues(t *testing.T) {
	long := strings.Repeat("details ", maxDescription/4)
	v := vuln(t, `{"id":"GHSA-aaaa-bbbb-cccc","aliases":["CVE-2099-1"],"summary":"Bad","details":"`+long+`",
	  "references":[{"type":"WEB","url":"https://example.test/a"}],
	  "database_specific":{"cwe_ids":["CWE-79"]},
	  "affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]},
	              {"package":{"ecosystem":"npm","name":"b"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"3.0.0"}]}]}]}`)
	deps := []dep{
		npmDep("x/package-lock.json", "a", "1.0.0", 3, true),
		npmDep("y/package-lock.json", "a", "1.0.0", 5, true),
		npmDep("y/package-lock.json", "b", "1.0.0", 9, false),
		npmDep("x/package-lock.json", "a", "1.0.0", 2, false), // the same version again: merged
	}
	p, fs := planned(t, deps, []*osvschema.Vulnerability{v}) // panics if a dropped package were used
	if len(fs) != 3 || cap(fs) != 3 {
		t.Fatalf("%d findings (capacity %d), want 3", len(fs), cap(fs))
	}
	x, y, b := fs[0], fs[1], fs[2]
	if x.Location.StartLine != 2 || x.Location.EndLine != 3 || x.Package.Dev {
		t.Errorf("merged finding: lines %d-%d dev %v, want 2-3 (first line of either) and not dev", x.Location.StartLine, x.Location.EndLine, x.Package.Dev)
	}
	// The merge copied the package y shared with x before it: y is still dev.
	if !y.Package.Dev || y.Location.StartLine != 5 {
		t.Errorf("y: dev %v line %d, want dev at 5", y.Package.Dev, y.Location.StartLine)
	}
	if b.Package.Fix != "3.0.0" || b.Remediation != "Upgrade b to 3.0.0 or later." || x.Package.Fix != "2.0.0" {
		t.Errorf("fixes %q / %q, remediation %q", x.Package.Fix, b.Package.Fix, b.Remediation)
	}
	if len(x.Description) != maxDescription+len("…") || x.Title != "Bad" || x.Evidence != "npm/a@1.0.0" {
		t.Errorf("x: description of %d bytes, title %q, evidence %q", len(x.Description), x.Title, x.Evidence)
	}
	for _, f := range []scanner.Finding{y, b} {
		if unsafe.StringData(f.Description) != unsafe.StringData(x.Description) || &f.Aliases[0] != &x.Aliases[0] ||
			&f.References[0] != &x.References[0] || &f.CWEs[0] != &x.CWEs[0] || &f.Tags[0] != &x.Tags[0] {
			t.Errorf("%s: advisory texts and lists are copies, want the shared ones", f.Evidence)
		}
		if cap(f.Aliases) != len(f.Aliases) || cap(f.References) != len(f.References) || cap(f.Package.FixedVersions) != len(f.Package.FixedVersions) {
			t.Errorf("%s: shared lists must be clipped (an append would write into the others')", f.Evidence)
		}
	}
	if y.Properties["lockfile"] != "y/package-lock.json" || b.Properties["fixable"] != true {
		t.Errorf("properties %v / %v", y.Properties, b.Properties)
	}
	if !sameMap(y.Properties, b.Properties) || sameMap(x.Properties, y.Properties) {
		t.Errorf("property maps: want one per lockfile and values")
	}
	for _, kp := range p.keys {
		for _, g := range kp.groups {
			if g.adv.members != nil {
				t.Errorf("plan keeps the advisory records of %s live", g.adv.ruleID)
			}
		}
	}
}

// sameMap reports whether a and b are one map.
func sameMap(a, b map[string]any) bool {
	return *(*unsafe.Pointer)(unsafe.Pointer(&a)) == *(*unsafe.Pointer)(unsafe.Pointer(&b))
}

// TestImagePropertiesDoNotLeakBetweenFindings: image findings of one
// lockfile start from one shared property map; each layer lands only on
// its own finding.
func TestImagePropertiesDoNotLeakBetweenFindings(t *testing.T) {
	v := vuln(t, `{"id":"GHSA-aaaa-bbbb-cccc","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]},
	  {"package":{"ecosystem":"npm","name":"b"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}`)
	deps := []dep{npmDep("app/package-lock.json", "a", "1.0.0", 1, false), npmDep("app/package-lock.json", "b", "1.0.0", 2, false)}
	_, fs := planned(t, deps, []*osvschema.Vulnerability{v})
	if len(fs) != 2 || !sameMap(fs[0].Properties, fs[1].Properties) {
		t.Fatalf("want 2 findings sharing their properties, got %d", len(fs))
	}
	s := &Scanner{opts: Options{Image: "img.tar"}}
	s.addImageProperties(fs, map[string]*image.Layer{
		layerKey("app/package-lock.json", "npm", "a", "1.0.0"): {Index: 1, DiffID: "sha256:aa"},
		layerKey("app/package-lock.json", "npm", "b", "1.0.0"): {Index: 2, DiffID: "sha256:bb"},
	})
	if fs[0].Properties["layer_index"] != 1 || fs[1].Properties["layer_index"] != 2 {
		t.Errorf("layers %v / %v, want 1 / 2", fs[0].Properties["layer_index"], fs[1].Properties["layer_index"])
	}
}

// TestUniquePackagesSizedExactly: one dep per package version, first
// occurrence first, in a slice without spare capacity (it is live through
// the matching; sized len(deps), a tree of repeated lockfiles held 9.5 MB
// of nothing there).
func TestUniquePackagesSizedExactly(t *testing.T) {
	deps := []dep{
		npmDep("b/package-lock.json", "b", "1.0.0", 1, false),
		npmDep("a/package-lock.json", "a", "1.0.0", 1, false),
		npmDep("c/package-lock.json", "b", "1.0.0", 1, false),
		{lockfile: "x", name: "no-ecosystem"},
		npmDep("c/package-lock.json", "a", "2.0.0", 1, false),
	}
	u := uniquePackages(deps)
	var got []string
	for _, d := range u {
		got = append(got, d.lockfile+" "+d.name+"@"+d.version)
	}
	want := []string{"a/package-lock.json a@1.0.0", "c/package-lock.json a@2.0.0", "b/package-lock.json b@1.0.0"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") || cap(u) != len(u) {
		t.Errorf("uniquePackages = %v (capacity %d), want %v without spare capacity", got, cap(u), want)
	}
}
