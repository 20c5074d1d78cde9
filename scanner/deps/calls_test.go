package deps_test

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps"
)

func stdlibAdvisory(id, pkgPath, symbol string) map[string]any {
	return map[string]any{
		"id": id, "summary": "fixture advisory in " + pkgPath,
		"affected": []any{map[string]any{
			"package":            map[string]any{"ecosystem": "Go", "name": "stdlib"},
			"ranges":             []any{map[string]any{"type": "SEMVER", "events": []any{ev("introduced", "0"), ev("fixed", "1.22.0")}}},
			"ecosystem_specific": map[string]any{"imports": []any{map[string]any{"path": pkgPath, "symbols": []string{symbol}}}},
		}},
	}
}

func TestCallAnalysis(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go toolchain")
	}
	if testing.Short() {
		t.Skip("runs govulncheck")
	}
	t.Setenv("GOPROXY", "off") // the fixture has no dependencies to fetch
	db := t.TempDir()
	writeDB(t, db, map[string][]map[string]any{"Go": {
		stdlibAdvisory("GO-2099-0001", "fmt", "Println"),
		stdlibAdvisory("GO-2099-0002", "net/http", "ListenAndServe"),
	}})
	s, err := deps.New(deps.Options{Offline: true, DBDir: db, CallAnalysis: true, HTTPClient: failingClient(t)})
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "deps", "callgraph"))
	fs, err := s.Scan(context.Background(), targetOf(t, s, root))
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	got := map[string]any{}
	for _, f := range fs {
		got[f.RuleID] = f.Properties["called"]
	}
	if got["GO-2099-0001"] != true || got["GO-2099-0002"] != false || len(got) != 2 {
		t.Errorf("called = %v, want GO-2099-0001 true (fmt.Println is called) and GO-2099-0002 false", got)
	}
}

func TestOfflineCallAnalysisNeedsGOPROXYOff(t *testing.T) {
	t.Setenv("GOPROXY", "https://proxy.invalid")
	_, err := deps.New(deps.Options{Offline: true, DBDir: t.TempDir(), CallAnalysis: true})
	if !errors.Is(err, deps.ErrCallAnalysisNeedsGOPROXYOff) {
		t.Errorf("err = %v", err)
	}
}
