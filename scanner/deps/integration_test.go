package deps_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// sharedDB returns the real OSV database used for integration tests, or
// skips the test.
func sharedDB(t testing.TB) string { return deps.SharedDB(t) }

func scanDir(t testing.TB, s *deps.Scanner, dir string) ([]scanner.Finding, error) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scanner.Run(context.Background(), abs, []scanner.Scanner{s})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	var errs error
	if len(res.Errors) > 0 {
		errs = res.Errors[0].Err
	}
	return res.Findings, errs
}

func TestIntegrationSharedDB(t *testing.T) {
	db := sharedDB(t)
	s, err := deps.New(deps.Options{Offline: true, DBDir: db, HTTPClient: failingClient(t)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, rule, alias, name, version, fix string
		wantLineAbove0                       bool
	}{
		{"npm-v2", "NSWG-ECO-368", "CVE-2018-3721", "lodash", "4.17.4", "4.17.5", true},
		{"pip", "PYSEC-2021-98", "", "django", "3.2.0", "", true},
		{"gomod", "GO-2020-0015", "GHSA-5rcv-m4m3-hfh7", "golang.org/x/text", "0.3.2", "0.3.3", true},
		{"cargo", "RUSTSEC-2021-0003", "CVE-2021-25900", "smallvec", "1.6.0", "1.6.1", true},
		{"composer", "", "CVE-2020-15094", "symfony/http-kernel", "v4.4.0", "4.4.13", true},
		{"bundler", "", "", "rack", "2.0.6", "", true},
		// The weak spots: git-sourced yarn entries next to registry ones,
		// a go.mod older than 1.17 (indirect modules only in go.sum), and
		// a pom whose version is a property of its parent in the tree.
		{"yarn-classic", "NSWG-ECO-368", "", "lodash", "4.17.4", "4.17.5", true},
		{"gomod-old", "GO-2020-0015", "", "golang.org/x/text", "0.3.2", "0.3.3", true},
		{"maven", "GHSA-4w82-r329-3q67", "CVE-2020-8840", "com.fasterxml.jackson.core:jackson-databind", "2.9.8", "2.9.10.3", true},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			fs, err := scanDir(t, s, filepath.Join("..", "..", "testdata", "deps", tt.dir))
			if err != nil {
				t.Fatalf("scan error: %v", err)
			}
			var hit *scanner.Finding
			for i, f := range fs {
				if f.Package == nil || !equalFold(f.Package.Name, tt.name) || f.Package.Version != tt.version {
					continue
				}
				if (tt.rule == "" || f.RuleID == tt.rule) && (tt.alias == "" || slices.Contains(f.Aliases, tt.alias)) {
					hit = &fs[i]
					break
				}
			}
			if hit == nil {
				for _, f := range fs {
					t.Logf("finding %s %s %s@%s aliases=%v", f.RuleID, f.Location.Path, f.Package.Name, f.Package.Version, f.Aliases)
				}
				t.Fatalf("no finding for %s@%s rule=%q alias=%q", tt.name, tt.version, tt.rule, tt.alias)
			}
			if tt.fix != "" && hit.Package.Fix != tt.fix {
				t.Errorf("fix = %q, want %q (fixed versions %v)", hit.Package.Fix, tt.fix, hit.Package.FixedVersions)
			}
			if tt.wantLineAbove0 && hit.Location.StartLine == 0 {
				t.Errorf("no line for %s in %s", tt.name, hit.Location.Path)
			}
			if hit.Fingerprint == "" || hit.Evidence == "" || hit.Package.PURL == "" {
				t.Errorf("incomplete finding: %+v", hit)
			}
			if _, ok := hit.Properties["fixable"].(bool); !ok {
				t.Errorf("fixable property missing: %v", hit.Properties)
			}
		})
	}
}

func equalFold(a, b string) bool {
	return len(a) == len(b) && (a == b || lower(a) == lower(b))
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
