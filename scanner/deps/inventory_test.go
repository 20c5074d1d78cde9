package deps_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// TestInventoryListsEveryPackage: the scan result carries every package
// the lockfiles declare, vulnerable or not, once per file, with its PURL
// and line, paths prefixed like finding paths, sorted.
func TestInventoryListsEveryPackage(t *testing.T) {
	db := t.TempDir()
	writeDB(t, db, testDB())
	root := t.TempDir()
	copyFixture(t, root, map[string]string{
		"web/package-lock.json": "npm-v3/package-lock.json",
		"api/requirements.txt":  "pip/requirements.txt",
	})
	s, err := deps.New(deps.Options{Offline: true, DBDir: db, HTTPClient: failingClient(t), Now: func() time.Time { return time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s}, scanner.WithPathPrefix("repo"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Packages {
		got = append(got, p.Path+" "+p.PURL)
	}
	want := []string{
		"repo/api/requirements.txt pkg:pypi/django@3.2.0", "repo/api/requirements.txt pkg:pypi/pyyaml@5.3.1",
		"repo/api/requirements.txt pkg:pypi/flask@2.0", "repo/api/requirements.txt pkg:pypi/requests@2.19.0",
		"repo/web/package-lock.json pkg:npm/express@4.17.0", "repo/web/package-lock.json pkg:npm/lodash@4.17.4",
		"repo/web/package-lock.json pkg:npm/qs@6.7.0",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("inventory (-want +got):\n%s", diff)
	}
	vulnerable := map[string]bool{}
	for _, f := range res.Findings {
		vulnerable[f.Package.PURL] = true
	}
	clean := 0
	for _, p := range res.Packages {
		if p.PURL == "" || p.Name == "" || p.Version == "" || p.Ecosystem == "" {
			t.Errorf("incomplete inventory entry %+v", p)
		}
		if !vulnerable[p.PURL] {
			clean++
		}
	}
	if len(res.Findings) == 0 || clean == 0 {
		t.Errorf("%d findings, %d packages without one: want both", len(res.Findings), clean)
	}
}
