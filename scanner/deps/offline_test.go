package deps_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// writeDB writes one all.zip per ecosystem in osv-scanner's layout.
func writeDB(t testing.TB, dir string, advisories map[string][]map[string]any) {
	t.Helper()
	for eco, advs := range advisories {
		p := osvdb.ZipPath(dir, eco)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		for _, a := range advs {
			w, err := zw.Create(a["id"].(string) + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.NewEncoder(w).Encode(a); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

func affected(eco, name string, events ...map[string]string) map[string]any {
	evs := make([]any, len(events))
	for i, e := range events {
		evs[i] = e
	}
	return map[string]any{
		"package": map[string]any{"ecosystem": eco, "name": name},
		"ranges":  []any{map[string]any{"type": "ECOSYSTEM", "events": evs}},
	}
}

func ev(k, v string) map[string]string { return map[string]string{k: v} }

// testDB is a small database exercising alias merging, fix choice and
// every severity source.
func testDB() map[string][]map[string]any {
	return map[string][]map[string]any{
		"npm": {
			{
				"id": "GHSA-1111-2222-3333", "summary": "Prototype pollution in lodash",
				"aliases":           []string{"CVE-2099-0001"},
				"severity":          []any{map[string]any{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}},
				"affected":          []any{affected("npm", "lodash", ev("introduced", "0"), ev("fixed", "4.17.5"), ev("introduced", "4.17.10"), ev("fixed", "4.17.12"))},
				"database_specific": map[string]any{"cwe_ids": []string{"CWE-1321"}, "severity": "CRITICAL"},
			},
			{
				// The ecosystem's own record of the same issue: merged.
				"id": "NSWG-ECO-9001", "aliases": []string{"CVE-2099-0001"},
				"affected": []any{affected("npm", "lodash", ev("introduced", "0"), ev("fixed", "4.17.5"))},
			},
			{
				// Severity only from the database's own word.
				"id": "GHSA-4444-5555-6666", "summary": "ReDoS in qs",
				"affected":          []any{affected("npm", "qs", ev("introduced", "0"), ev("fixed", "6.7.3"), ev("introduced", "6.8.0"), ev("fixed", "6.8.3"))},
				"database_specific": map[string]any{"severity": "MODERATE"},
			},
			{
				"id": "GHSA-7777-8888-9999", "withdrawn": "2020-01-01T00:00:00Z",
				"affected": []any{affected("npm", "qs", ev("introduced", "0"))},
			},
			{
				// Not affected: fixed before the installed version.
				"id":       "GHSA-aaaa-bbbb-cccc",
				"affected": []any{affected("npm", "express", ev("introduced", "0"), ev("fixed", "4.0.0"))},
			},
		},
		"PyPI": {
			{
				// Nothing about severity: UNKNOWN. Name case differs.
				"id": "PYSEC-2099-1", "aliases": []string{"CVE-2099-0002", "GHSA-dddd-eeee-ffff"},
				"affected": []any{affected("PyPI", "Django", ev("introduced", "3.2"), ev("fixed", "3.2.1"))},
			},
			{
				"id": "GHSA-dddd-eeee-ffff", "aliases": []string{"CVE-2099-0002"},
				"severity": []any{map[string]any{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}},
				"affected": []any{affected("PyPI", "django", ev("introduced", "3.0"), ev("fixed", "3.2.1"))},
			},
			{
				"id": "PYSEC-2099-2",
				"affected": []any{map[string]any{
					"package":            map[string]any{"ecosystem": "PyPI", "name": "requests"},
					"versions":           []string{"2.19.0"},
					"ecosystem_specific": map[string]any{"severity": "LOW"},
				}},
			},
		},
	}
}

func copyFixture(t testing.TB, dst string, files map[string]string) {
	t.Helper()
	for to, from := range files {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "deps", from))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, to)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type brief struct {
	Rule, Path    string
	Line          int
	Pkg           string
	Severity      string
	Score         float64
	Fix           string
	Fixed         []string
	Aliases       []string
	Fixable, Dev  bool
	Lockfile, Evd string
}

func TestOfflineScanZeroNetwork(t *testing.T) {
	// Any request through the default transport (used by libraries that
	// do not take our client) also fails the test.
	saved := http.DefaultTransport
	http.DefaultTransport = failingTransport{t}
	t.Cleanup(func() { http.DefaultTransport = saved })

	db := t.TempDir()
	writeDB(t, db, testDB())
	root := t.TempDir()
	copyFixture(t, root, map[string]string{
		"web/package-lock.json": "npm-v3/package-lock.json",
		"api/requirements.txt":  "pip/requirements.txt",
	})
	now := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	s, err := deps.New(deps.Options{Offline: true, DBDir: db, HTTPClient: failingClient(t), Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 0 {
		t.Fatalf("scan errors: %v", res.Errors)
	}
	var got []brief
	for _, f := range res.Findings {
		got = append(got, brief{
			Rule: f.RuleID, Path: f.Location.Path, Line: f.Location.StartLine,
			Pkg:      f.Package.Ecosystem + "/" + f.Package.Name + "@" + f.Package.Version,
			Severity: f.Severity.String(), Score: f.Score, Fix: f.Package.Fix, Fixed: f.Package.FixedVersions,
			Aliases: f.Aliases, Fixable: f.Properties["fixable"].(bool), Dev: f.Package.Dev,
			Lockfile: f.Properties["lockfile"].(string), Evd: f.Evidence,
		})
	}
	want := []brief{
		{
			Rule: "PYSEC-2099-2", Path: "api/requirements.txt", Line: 2, Pkg: "PyPI/requests@2.19.0",
			Severity: "LOW", Lockfile: "api/requirements.txt", Evd: "PyPI/requests@2.19.0",
		},
		{
			Rule: "PYSEC-2099-1", Path: "api/requirements.txt", Line: 3, Pkg: "PyPI/Django@3.2.0",
			Severity: "CRITICAL", Score: 9.3, Fix: "3.2.1", Fixed: []string{"3.2.1"},
			Aliases: []string{"GHSA-dddd-eeee-ffff", "CVE-2099-0002"}, Fixable: true,
			Lockfile: "api/requirements.txt", Evd: "PyPI/Django@3.2.0",
		},
		{
			Rule: "NSWG-ECO-9001", Path: "web/package-lock.json", Line: 23, Pkg: "npm/lodash@4.17.4",
			Severity: "CRITICAL", Score: 9.8, Fix: "4.17.5", Fixed: []string{"4.17.5", "4.17.12"},
			Aliases: []string{"GHSA-1111-2222-3333", "CVE-2099-0001"}, Fixable: true,
			Lockfile: "web/package-lock.json", Evd: "npm/lodash@4.17.4",
		},
		{
			Rule: "GHSA-4444-5555-6666", Path: "web/package-lock.json", Line: 28, Pkg: "npm/qs@6.7.0",
			Severity: "MEDIUM", Fix: "6.7.3", Fixed: []string{"6.7.3", "6.8.3"}, Fixable: true,
			Lockfile: "web/package-lock.json", Evd: "npm/qs@6.7.0",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}

	st := s.Stats()
	if st["packages"] != 7 || st["lockfiles"] != 2 || st["mode"] != "offline" {
		t.Errorf("stats = %v", st)
	}
	npm := st["db"].(map[string]any)["ecosystems"].(map[string]any)["npm"].(map[string]any)
	if npm["advisories"] != 5 || npm["used"] != true {
		t.Errorf("npm db stats = %v", npm)
	}
	if _, ok := npm["age_seconds"].(int64); !ok {
		t.Errorf("no age: %v", npm)
	}
}

func TestOfflineMissingEcosystemAndMalformedLockfile(t *testing.T) {
	db := t.TempDir()
	writeDB(t, db, map[string][]map[string]any{"npm": testDB()["npm"]})
	root := t.TempDir()
	copyFixture(t, root, map[string]string{
		"web/package-lock.json":    "npm-v3/package-lock.json",
		"broken/package-lock.json": "malformed/package-lock.json",
		"api/requirements.txt":     "pip/requirements.txt",
	})
	s, err := deps.New(deps.Options{Offline: true, DBDir: db, HTTPClient: failingClient(t)})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := s.Scan(context.Background(), targetOf(t, s, root))
	var fe *scanner.ParseError
	if !errors.As(err, &fe) || fe.Path != "broken/package-lock.json" {
		t.Errorf("err = %v, want a ParseError naming broken/package-lock.json", err)
	}
	if errors.Is(err, deps.ErrNoDatabase) {
		t.Errorf("err = %v: a missing ecosystem is a warning (stats), not an error", err)
	}
	if len(fs) != 2 {
		t.Errorf("got %d findings, want the 2 npm ones despite the errors", len(fs))
	}
	missing := s.Stats()["db"].(map[string]any)["missing"]
	want := []map[string]any{{"ecosystem": "PyPI", "packages": 4}}
	if diff := cmp.Diff(want, missing); diff != "" {
		t.Errorf("db.missing (-want +got):\n%s", diff)
	}
}

func TestOfflineEmptyDatabaseIsAnError(t *testing.T) {
	root := t.TempDir()
	copyFixture(t, root, map[string]string{"api/requirements.txt": "pip/requirements.txt"})
	s, err := deps.New(deps.Options{Offline: true, DBDir: t.TempDir(), HTTPClient: failingClient(t)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scan(context.Background(), targetOf(t, s, root)); !errors.Is(err, deps.ErrNoDatabase) {
		t.Errorf("err = %v, want ErrNoDatabase: a database with no ecosystem at all checked nothing", err)
	}
}

func TestScanHonoursCancelledContext(t *testing.T) {
	s, err := deps.New(deps.Options{Offline: true, DBDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Scan(ctx, scanner.Target{Root: t.TempDir()}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// targetOf builds a Target the way scanner.Run would.
func targetOf(t testing.TB, s *deps.Scanner, root string) scanner.Target {
	t.Helper()
	tg := scanner.Target{Root: root, FS: os.DirFS(root)}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if !d.IsDir() && s.Match(rel, d) {
			tg.Files = append(tg.Files, scanner.File{Path: rel})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}
