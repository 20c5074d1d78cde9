package deps

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

const fixtures = "../../testdata/deps"

// matchedFiles walks dir and returns the files the scanner matches,
// root-relative, as scanner.Run would hand them over.
func matchedFiles(t *testing.T, s *Scanner, dir string) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && s.Match(p, d) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func TestExtractFixtures(t *testing.T) {
	s, err := New(Options{Offline: true, DBDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	type pkg struct{ eco, name, version string }
	yes, no := true, false
	tests := []struct {
		dir      string
		files    []string
		packages int
		want     pkg
		line     int  // expected line of want, 0 = not checked
		dev      bool // want is dev-only
		direct   *bool
	}{
		{"npm-v1", []string{"package-lock.json"}, 2, pkg{"npm", "lodash", "4.17.4"}, 0, false, nil},
		{"npm-v2", []string{"package-lock.json"}, 2, pkg{"npm", "minimist", "1.2.0"}, 0, true, nil},
		{"npm-v3", []string{"package-lock.json"}, 3, pkg{"npm", "qs", "6.7.0"}, 28, false, &no},
		{"npm-v3", []string{"package-lock.json"}, 3, pkg{"npm", "lodash", "4.17.4"}, 23, false, &yes},
		{"yarn-classic", []string{"yarn.lock"}, 4, pkg{"npm", "lodash", "4.17.4"}, 10, false, &yes},
		{"yarn-classic", []string{"yarn.lock"}, 4, pkg{"npm", "minimist", "0.0.8"}, 0, false, &no},
		{"yarn-berry", []string{"yarn.lock"}, 2, pkg{"npm", "lodash", "4.17.4"}, 0, false, nil},
		{"pnpm", []string{"pnpm-lock.yaml"}, 2, pkg{"npm", "lodash", "4.17.4"}, 0, false, nil},
		{"bun", []string{"bun.lock"}, 2, pkg{"npm", "lodash", "4.17.4"}, 0, false, nil},
		{"pip", []string{"requirements.txt"}, 4, pkg{"PyPI", "Django", "3.2.0"}, 3, false, &yes},
		{"pip-compiled", []string{"requirements.txt"}, 4, pkg{"PyPI", "django", "3.2.0"}, 0, false, &yes},
		{"pip-compiled", []string{"requirements.txt"}, 4, pkg{"PyPI", "sqlparse", "0.4.1"}, 0, false, &yes},
		{"pip-compiled", []string{"requirements.txt"}, 4, pkg{"PyPI", "asgiref", "3.4.1"}, 0, false, &no},
		{"poetry", []string{"poetry.lock"}, 3, pkg{"PyPI", "django", "3.2.0"}, 0, false, &yes},
		{"poetry", []string{"poetry.lock"}, 3, pkg{"PyPI", "sqlparse", "0.4.1"}, 0, false, &no},
		{"pipenv", []string{"Pipfile.lock"}, 3, pkg{"PyPI", "pytest", "6.2.0"}, 0, true, &yes},
		{"pdm", []string{"pdm.lock"}, 2, pkg{"PyPI", "django", "3.2.0"}, 0, false, nil},
		{"uv", []string{"uv.lock"}, 1, pkg{"PyPI", "django", "3.2.0"}, 0, false, nil},
		{"pylock", []string{"pylock.toml"}, 2, pkg{"PyPI", "django", "3.2.0"}, 0, false, nil},
		{"gomod", []string{"go.mod"}, 4, pkg{"Go", "golang.org/x/text", "0.3.2"}, 7, false, &no},
		{"gomod", []string{"go.mod"}, 4, pkg{"Go", "github.com/gin-gonic/gin", "1.6.0"}, 8, false, &yes},
		{"gomod-old", []string{"go.mod"}, 3, pkg{"Go", "golang.org/x/text", "0.3.2"}, 0, false, nil},
		{"cargo", []string{"Cargo.lock"}, 3, pkg{"crates.io", "smallvec", "1.6.0"}, 0, false, nil},
		{"bundler", []string{"Gemfile.lock"}, 3, pkg{"RubyGems", "rack", "2.0.6"}, 0, false, nil},
		{"gems-locked", []string{"gems.locked"}, 1, pkg{"RubyGems", "rack", "2.0.6"}, 0, false, nil},
		{"composer", []string{"composer.lock"}, 3, pkg{"Packagist", "guzzlehttp/guzzle", "6.5.0"}, 0, false, nil},
		{"maven", []string{"child/pom.xml", "pom.xml"}, 3, pkg{"Maven", "com.fasterxml.jackson.core:jackson-databind", "2.9.8"}, 20, false, nil},
		{"gradle", []string{"gradle.lockfile"}, 3, pkg{"Maven", "org.apache.logging.log4j:log4j-core", "2.14.1"}, 0, false, nil},
		{"gradle-verification", []string{"gradle/verification-metadata.xml"}, 2, pkg{"Maven", "com.fasterxml.jackson.core:jackson-databind", "2.9.8"}, 0, false, nil},
		{"nuget-lock", []string{"packages.lock.json"}, 2, pkg{"NuGet", "BouncyCastle", "1.8.6"}, 0, false, nil},
		{"nuget-config", []string{"packages.config"}, 2, pkg{"NuGet", "BouncyCastle", "1.8.6"}, 0, false, nil},
		{"nuget-depsjson", []string{"Fixture.App.deps.json"}, 2, pkg{"NuGet", "BouncyCastle", "1.8.6"}, 0, false, nil},
		{"pub", []string{"pubspec.lock"}, 2, pkg{"Pub", "http", "0.12.2"}, 0, false, nil},
		{"mix", []string{"mix.lock"}, 3, pkg{"Hex", "plug", "1.10.0"}, 0, false, nil},
		{"conan", []string{"conan.lock"}, 2, pkg{"ConanCenter", "zlib", "1.2.11"}, 0, false, nil},
		{"renv", []string{"renv.lock"}, 2, pkg{"CRAN", "jsonlite", "1.7.2"}, 0, false, nil},
		{"cabal", []string{"cabal.project.freeze"}, 3, pkg{"Hackage", "aeson", "1.5.6.0"}, 0, false, nil},
		{"stack", []string{"stack.yaml.lock"}, 2, pkg{"Hackage", "aeson", "1.5.6.0"}, 0, false, nil},
		{"sbom", []string{"app.cdx.json"}, 2, pkg{"npm", "lodash", "4.17.4"}, 0, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.dir+"/"+tt.want.name, func(t *testing.T) {
			dir := filepath.Join(fixtures, tt.dir)
			files := matchedFiles(t, s, dir)
			if strings.Join(files, ",") != strings.Join(tt.files, ",") {
				t.Fatalf("matched %v, want %v", files, tt.files)
			}
			abs, _ := filepath.Abs(dir)
			deps, n, err := s.extractAll(context.Background(), abs, os.DirFS(abs), files)
			if err != nil {
				t.Fatalf("extract: %v", err)
			}
			if n != len(tt.files) {
				t.Errorf("lockfiles = %d, want %d", n, len(tt.files))
			}
			var got []string
			var found *dep
			for i, d := range deps {
				got = append(got, d.ecosystem+"/"+d.name+"@"+d.version)
				if d.ecosystem == tt.want.eco && d.name == tt.want.name && d.version == tt.want.version && found == nil {
					found = &deps[i]
				}
			}
			sort.Strings(got)
			if len(deps) != tt.packages {
				t.Errorf("got %d packages %v, want %d", len(deps), got, tt.packages)
			}
			if found == nil {
				t.Fatalf("package %v not extracted; got %v", tt.want, got)
			}
			if tt.line != 0 && found.line != tt.line {
				t.Errorf("line of %s = %d, want %d", tt.want.name, found.line, tt.line)
			}
			if found.dev != tt.dev {
				t.Errorf("dev of %s = %v, want %v", tt.want.name, found.dev, tt.dev)
			}
			if tt.direct != nil && (found.direct == nil || *found.direct != *tt.direct) {
				t.Errorf("direct of %s = %v, want %v", tt.want.name, found.direct, *tt.direct)
			}
			if found.purl == "" {
				t.Errorf("no PURL for %s", tt.want.name)
			}
		})
	}
}

func TestExtractMalformedNamesFile(t *testing.T) {
	s, err := New(Options{Offline: true, DBDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(fixtures)
	files := []string{"malformed/package-lock.json", "npm-v3/package-lock.json"}
	deps, _, err := s.extractAll(context.Background(), abs, os.DirFS(abs), files)
	var fe *scanner.ParseError
	if !errors.As(err, &fe) || fe.Path != "malformed/package-lock.json" || fe.Kind != scanner.ParseKindLockfile {
		t.Fatalf("err = %v, want a LOCKFILE ParseError for malformed/package-lock.json", err)
	}
	if len(deps) != 3 {
		t.Errorf("other lockfile not scanned: %d packages", len(deps))
	}
}

func TestMatchIgnoresUnrelatedFiles(t *testing.T) {
	s, err := New(Options{Offline: true, DBDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{
		"package-lock.json":         true,
		"web/yarn.lock":             true,
		"requirements-dev.txt":      true,
		"svc/go.mod":                true,
		"README.md":                 false,
		"main.go":                   false,
		"package.json":              false,
		"go.sum":                    false,
		"app/Gemfile.lock":          true,
		"src/Fixture.App.deps.json": true,
	} {
		if got := s.Match(p, nil); got != want {
			t.Errorf("Match(%q) = %v, want %v", p, got, want)
		}
	}
}
