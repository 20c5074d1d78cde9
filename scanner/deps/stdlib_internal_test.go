package deps

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/purl"
)

// TestStdlibFromBinaryKeepsItsVersion: a Go binary's standard library is
// the toolchain that built it; --go-version does not override it, and an
// SBOM's entry carries no source.
func TestStdlibFromBinaryKeepsItsVersion(t *testing.T) {
	mk := func(lockfile string, plugins ...string) dep {
		pkg := &extractor.Package{Name: "stdlib", Version: "1.21.4", PURLType: purl.TypeGolang, Plugins: plugins}
		return dep{pkg: pkg, lockfile: lockfile, location: lockfile, ecosystem: "Go", name: "stdlib", version: "1.21.4"}
	}
	s := &Scanner{opts: Options{GoVersion: "1.24.0", GoVersionSource: StdlibSourceFlag}}
	ds := []dep{mk("usr/local/bin/app", "go/binary"), mk("app.cdx.json"), mk("go.mod")}
	fsys := fstest.MapFS{"go.mod": {Data: []byte("module x\n\ngo 1.21\n")}}
	if err := s.resolveStdlib(context.Background(), fsys, ds); err != nil {
		t.Fatal(err)
	}
	want := []struct{ version, source string }{{"1.21.4", StdlibSourceBinary}, {"1.21.4", ""}, {"1.24.0", StdlibSourceFlag}}
	for i, w := range want {
		if ds[i].version != w.version || ds[i].pkg.Version != w.version || ds[i].stdlibSource != w.source {
			t.Errorf("%s: version %s (pkg %s) source %q, want %s %q", ds[i].lockfile, ds[i].version, ds[i].pkg.Version, ds[i].stdlibSource, w.version, w.source)
		}
	}
}
