package deps

import (
	"os"
	"testing"
	"testing/fstest"
)

// FuzzResolvePOM: pom.xml files (and the parents they point at) come from
// the repository under scan. resolvePOM must never panic, and every
// dependency it returns has a name, a version without an unresolved
// property, and a line inside the file.
func FuzzResolvePOM(f *testing.F) {
	parent, err := os.ReadFile(fixtures + "/maven/pom.xml")
	if err != nil {
		f.Fatal(err)
	}
	child, err := os.ReadFile(fixtures + "/maven/child/pom.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(child, parent)
	f.Add(parent, child)
	f.Add([]byte(`<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version><relativePath>..</relativePath></parent>`+
		`<dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency>`+
		`<dependency><groupId>g</groupId><artifactId>b</artifactId><version>[1.2,2.0)</version><scope>test</scope></dependency></dependencies></project>`),
		[]byte(`<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version><properties><v>${w}</v><w>${v}</w></properties>`+
			`<profiles><profile><activation><activeByDefault>true</activeByDefault></activation></profile></profiles></project>`))
	f.Fuzz(func(t *testing.T, child, parent []byte) {
		fsys := fstest.MapFS{"pom.xml": {Data: parent}, "child/pom.xml": {Data: child}}
		pkgs, err := resolvePOM(fsys, "child/pom.xml")
		if err != nil {
			return
		}
		lines := 1
		for _, c := range child {
			if c == '\n' {
				lines++
			}
		}
		for _, p := range pkgs {
			d := p.Location.Descriptor
			if p.Name == "" || p.Version == "" || d == nil || d.File == nil {
				t.Fatalf("bad package %+v", p)
			}
			if l := d.File.LineNumber; l < 0 || l > lines {
				t.Fatalf("line %d outside the %d-line file", l, lines)
			}
		}
	})
}
