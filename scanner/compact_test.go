package scanner

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// denseFindings are findings as the scanners build them on a dense tree:
// every value is its own copy, though most repeat between findings.
func denseFindings(n int) []Finding {
	yes := true
	fs := make([]Finding, n)
	for i := range fs {
		v := i % 10 // findings v apart are equal but for the line
		pkg := fmt.Sprintf("lodash%d", v%7)
		fs[i] = Finding{
			Scanner: strings.Clone(KindDeps), RuleID: fmt.Sprintf("GHSA-%04d", v%13),
			Title: fmt.Sprintf("Prototype pollution in %s", pkg), Description: strings.Repeat("x", 300) + fmt.Sprint(v%13),
			Severity: SeverityHigh, Score: 7.5,
			Location: Location{Path: fmt.Sprintf("p%d/package-lock.json", v%50), StartLine: i + 1},
			Package: &Package{Ecosystem: "npm", Name: pkg, Version: "4.17.4", PURL: "pkg:npm/" + pkg + "@4.17.4",
				FixedVersions: []string{"4.17.5", fmt.Sprint("5.0.", v%3)}, Fix: "4.17.5", Direct: &yes},
			Aliases:     []string{fmt.Sprintf("CVE-2020-%04d", v%13)},
			References:  []string{"https://example.com/a", fmt.Sprintf("https://example.com/%d", v%13)},
			Remediation: fmt.Sprintf("Upgrade %s to 4.17.5 or later.", pkg),
			Tags:        []string{"dependency", "vulnerability"},
			Evidence:    fmt.Sprintf("npm/%s@4.17.4", pkg),
			Properties: map[string]any{"fixable": true, "lockfile": fmt.Sprintf("p%d/package-lock.json", v%50),
				"line": v % 4, "score": 7.5, "peer_ids": map[string][]string{"trivy": {fmt.Sprint("AVD-", v%5)}},
				"list": []string{"a", fmt.Sprint(v % 2)}, "empty": []string{}},
		}
	}
	return fs
}

func TestCompactFindingsKeepsEveryValue(t *testing.T) {
	fs := denseFindings(500)
	want, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	compactFindings(fs)
	got, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("compacted findings encode differently")
	}
	// what repeats is shared: same package, property map, list, string
	a, b := &fs[3], &fs[13]
	if a.Package != b.Package {
		t.Error("equal packages are not shared")
	}
	if fmt.Sprintf("%p", a.Properties) != fmt.Sprintf("%p", b.Properties) {
		t.Error("equal property maps are not shared")
	}
	if &a.References[0] != &b.References[0] {
		t.Error("equal lists are not shared")
	}
	if unsafe.StringData(a.Title) != unsafe.StringData(fs[23].Title) {
		t.Error("equal titles are not shared")
	}
	if cap(a.Tags) != len(a.Tags) {
		t.Errorf("shared list has spare capacity %d > %d: an append would write into it", cap(a.Tags), len(a.Tags))
	}
}

func TestCompactFindingsLeavesUnknownPropertiesAlone(t *testing.T) {
	type custom struct{ N int }
	m1 := map[string]any{"x": custom{1}}
	m2 := map[string]any{"x": custom{1}}
	fs := []Finding{{Properties: m1}, {Properties: m2}, {Properties: map[string]any{"nil": nil}}}
	compactFindings(fs)
	if fmt.Sprintf("%p", fs[0].Properties) != fmt.Sprintf("%p", m1) || fmt.Sprintf("%p", fs[1].Properties) != fmt.Sprintf("%p", m2) {
		t.Error("maps with values of unknown kinds were replaced")
	}
	if fs[2].Properties["nil"] != nil {
		t.Error("a nil property changed")
	}
}

// TestCompactFindingsMemory fails if compaction stops saving most of the
// memory of repeated values (it took 1.4 KB per finding before, on the
// 1.1 GB benchmark tree; see docs/performance.md).
func TestCompactFindingsMemory(t *testing.T) {
	const n = 20000
	live := func(f func() []Finding) uint64 {
		runtime.GC()
		var a, b runtime.MemStats
		runtime.ReadMemStats(&a)
		fs := f()
		runtime.GC()
		runtime.ReadMemStats(&b)
		runtime.KeepAlive(fs)
		return (b.HeapAlloc - a.HeapAlloc) / n
	}
	before := live(func() []Finding { return denseFindings(n) })
	after := live(func() []Finding { fs := denseFindings(n); compactFindings(fs); return fs })
	t.Logf("%d B per finding before, %d after", before, after)
	// the Finding struct itself (~340 B) stays per finding
	if after > before/2 || after > 600 {
		t.Errorf("compacted findings take %d B each (before %d), want at most half and 600", after, before)
	}
}

// TestCompactorAcrossCalls: a Compactor shared by goroutines that each
// compact their own part (as iac compacts each document's findings as it
// is built) keeps every value and shares what repeats between parts.
func TestCompactorAcrossCalls(t *testing.T) {
	fs := denseFindings(1000)
	want, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCompactor()
	var wg sync.WaitGroup
	for part := range 10 {
		wg.Go(func() { c.Compact(fs[part*100 : (part+1)*100]) })
	}
	wg.Wait()
	got, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("findings compacted in parts encode differently")
	}
	a, b := &fs[3], &fs[903] // equal but for the line, in different parts
	if a.Package != b.Package {
		t.Error("equal packages of different calls are not shared")
	}
	if fmt.Sprintf("%p", a.Properties) != fmt.Sprintf("%p", b.Properties) {
		t.Error("equal property maps of different calls are not shared")
	}
	if unsafe.StringData(a.Description) != unsafe.StringData(b.Description) {
		t.Error("equal strings of different calls are not shared")
	}
	// Run compacts them again when the scanner is done: nothing changes.
	compactFindings(fs)
	if got, _ := json.Marshal(fs); string(got) != string(want) {
		t.Fatal("compacting compacted findings again changed them")
	}
}

// Property maps are found by a hash of their content; a map is shared only
// when its content is equal, as the content keys would have said.
func TestSameProps(t *testing.T) {
	base := func() map[string]any {
		return map[string]any{"s": "x", "b": true, "i": 3, "I": int64(3), "f": 0.5, "l": []string{"a"},
			"m": map[string][]string{"trivy": {"AVD-1"}}}
	}
	tests := []struct {
		name   string
		change func(m map[string]any)
		same   bool
	}{
		{"equal", func(map[string]any) {}, true},
		{"string", func(m map[string]any) { m["s"] = "y" }, false},
		{"bool", func(m map[string]any) { m["b"] = false }, false},
		{"int", func(m map[string]any) { m["i"] = 4 }, false},
		{"int as int64", func(m map[string]any) { m["i"] = int64(3) }, false},
		{"float", func(m map[string]any) { m["f"] = 0.25 }, false},
		{"list", func(m map[string]any) { m["l"] = []string{"a", "b"} }, false},
		{"nil list", func(m map[string]any) { m["l"] = []string(nil) }, false},
		{"empty and nil list", func(m map[string]any) { m["l"] = []string{} }, false},
		{"map value", func(m map[string]any) { m["m"] = map[string][]string{"trivy": {"AVD-2"}} }, false},
		{"map key", func(m map[string]any) { m["m"] = map[string][]string{"kics": {"AVD-1"}} }, false},
		{"nil map", func(m map[string]any) { m["m"] = map[string][]string(nil) }, false},
		{"extra key", func(m map[string]any) { m["x"] = "x" }, false},
		{"missing key", func(m map[string]any) { delete(m, "s") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := base(), base()
			tt.change(b)
			if got := sameProps(a, b); got != tt.same {
				t.Errorf("sameProps = %v, want %v", got, tt.same)
			}
			if got := sameProps(b, a); got != tt.same {
				t.Errorf("sameProps reversed = %v, want %v", got, tt.same)
			}
		})
	}
	if !sameProps(map[string]any{"l": []string{}}, map[string]any{"l": []string{}}) {
		t.Error("empty lists are not the same")
	}
}

// A map whose content hash is taken by another content is left unshared.
func TestCompactPropsHashCollision(t *testing.T) {
	c := newCompactor()
	first := map[string]any{"message": "a"}
	c.props(first)
	other := map[string]any{"message": "b"}
	for h := range c.maps {
		c.maps[h] = other // as if "b" had come first with the same hash
	}
	again := map[string]any{"message": "a"}
	if got := c.props(again); fmt.Sprintf("%p", got) != fmt.Sprintf("%p", again) {
		t.Errorf("props = %v, want the finding's own map", got)
	}
}
