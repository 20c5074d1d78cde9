package deps

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"
	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/packagelockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/osv"
	scalibrfs "github.com/google/osv-scalibr/fs"
)

// bigLock writes a package-lock.json v3 above the chunking threshold,
// pretty-printed, with nested duplicates (same name and version in
// several places, dev in one and production in another) and scoped names.
func bigLock(t *testing.T, dir string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("{\n  \"name\": \"big\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"big\",\n      \"version\": \"1.0.0\"\n    }")
	for i := range n {
		name := fmt.Sprintf("pkg-%d", i%(n/2)) // names below n/4 twice, with the same version
		if i%(n/2) >= n/4 {
			name = fmt.Sprintf("uniq-%d", i)
		}
		if i%7 == 0 {
			name = fmt.Sprintf("@scope/pkg-%d", i%(n/2))
		}
		path := "node_modules/" + name
		if i >= n/2 {
			path = fmt.Sprintf("node_modules/parent-%d/node_modules/%s", i, name)
		}
		dev := ""
		if i%3 == 0 {
			dev = ",\n      \"dev\": true"
		}
		fmt.Fprintf(&b, ",\n    %q: {\n      \"version\": \"1.%d.0\",\n      \"resolved\": \"https://example.invalid/%s.tgz\",\n      \"integrity\": \"sha512-%s\"%s\n    }",
			path, i%5, name, strings.Repeat("A", 80), dev)
	}
	b.WriteString("\n  }\n}\n")
	if err := os.WriteFile(filepath.Join(dir, "package-lock.json"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

type lockPkg struct {
	Name, Version string
	Line          int
	Groups        []string
}

func summarize(pkgs []*extractor.Package) []lockPkg {
	var out []lockPkg
	for _, p := range pkgs {
		g := p.Metadata.(*osv.DepGroupMetadata).DepGroupVals
		g = slices.Sorted(slices.Values(g))
		if len(g) == 0 {
			g = nil
		}
		out = append(out, lockPkg{p.Name, p.Version, lineOfPkg(p), g})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Version < out[j].Version
	})
	return out
}

// TestPackageLockChunkedMatchesExtractor: chunked extraction gives the
// extractor's packages, dependency groups and lines. The extractor keeps
// an arbitrary line among duplicates; the chunked path keeps the first,
// so duplicates compare by "a line of one of the entries".
func TestPackageLockChunkedMatchesExtractor(t *testing.T) {
	dir := t.TempDir()
	bigLock(t, dir, 4000)
	e, err := packagelockjson.New(&cpb.PluginConfig{})
	if err != nil {
		t.Fatal(err)
	}
	sfs := scalibrfs.DirFS(dir)
	got, ok, err := extractPackageLockChunked(context.Background(), sfs, dir, "package-lock.json", e)
	if err != nil || !ok {
		t.Fatalf("chunked: ok %v err %v", ok, err)
	}
	want, err := runExtractor(context.Background(), sfs, dir, "package-lock.json", e)
	if err != nil {
		t.Fatal(err)
	}
	g, w := summarize(got), summarize(want)
	if len(g) != len(w) || len(g) < 1000 {
		t.Fatalf("%d packages chunked, %d by the extractor", len(g), len(w))
	}
	// Lines: every line must be the line of an entry with that name and
	// version; for names listed once it is exactly the extractor's.
	for i := range g {
		gl, wl := g[i].Line, w[i].Line
		g[i].Line, w[i].Line = 0, 0
		if gl == 0 || (gl != wl && strings.Contains(g[i].Name, "uniq-")) {
			t.Errorf("%s@%s: line %d, extractor %d", g[i].Name, g[i].Version, gl, wl)
		}
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("(-extractor +chunked):\n%s", diff)
	}

	// The first entry's line is exact: the line of its value's brace.
	b, _ := os.ReadFile(filepath.Join(dir, "package-lock.json"))
	lines := strings.Split(string(b), "\n")
	for _, p := range got {
		if p.Name == "pkg-1" && p.Version == "1.1.0" {
			if l := lineOfPkg(p); !strings.Contains(lines[l-1], `"node_modules/pkg-1": {`) {
				t.Errorf("pkg-1 at line %d: %q", l, lines[l-1])
			}
		}
	}
}

func TestPackageLockChunkedSkipsSmallAndV1(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "package-lock.json"), []byte(`{"lockfileVersion":1,"dependencies":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _ := packagelockjson.New(&cpb.PluginConfig{})
	if _, ok, err := extractPackageLockChunked(context.Background(), scalibrfs.DirFS(dir), dir, "package-lock.json", e); ok || err != nil {
		t.Errorf("small file chunked: ok %v err %v", ok, err)
	}
}

// FuzzPackageLockChunked: lockfiles are untrusted; the chunked path must
// never panic, and whenever it and the plain extractor both succeed they
// find the same packages.
func FuzzPackageLockChunked(f *testing.F) {
	f.Add([]byte(`{"lockfileVersion":3,"packages":{"":{"name":"a"},"node_modules/x":{"version":"1.0.0","dev":true},"node_modules/y/node_modules/x":{"version":"1.0.0"}}}`))
	f.Add([]byte(`{"lockfileVersion":2,"packages":{"node_modules/@s/p":{"version":"2.0.0","resolved":"git+ssh://git@example.invalid/p.git#0123456789abcdef0123456789abcdef01234567"}}}`))
	f.Add([]byte(`{"packages":[]}`))
	f.Add([]byte(`{"packages":{"x":1}}`))
	e, err := packagelockjson.New(&cpb.PluginConfig{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "package-lock.json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		sfs := scalibrfs.DirFS(dir)
		got, ok, err := chunkPackageLock(context.Background(), sfs, dir, "package-lock.json", e, 0)
		if !ok || err != nil {
			return
		}
		want, err := runExtractor(context.Background(), sfs, dir, "package-lock.json", e)
		if err != nil {
			return
		}
		g, w := summarize(got), summarize(want)
		for i := range g {
			g[i].Line = 0
		}
		for i := range w {
			w[i].Line = 0
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("(-extractor +chunked):\n%s", diff)
		}
	})
}
