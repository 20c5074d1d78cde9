package deps_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// stdlibDB has two standard library advisories: one fixed in 1.20.5, one
// fixed in 1.23.1.
func stdlibDB() map[string][]map[string]any {
	return map[string][]map[string]any{"Go": {
		{"id": "GO-2099-0001", "summary": "old net/http bug",
			"affected": []any{affected("Go", "stdlib", ev("introduced", "0"), ev("fixed", "1.20.5"))}},
		{"id": "GO-2099-0002", "summary": "newer crypto bug",
			"affected": []any{affected("Go", "stdlib", ev("introduced", "0"), ev("fixed", "1.23.1"))}},
	}}
}

// fakeGo puts a go command on PATH that reports version v.
func fakeGo(t *testing.T, v string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("fake go command is a shell script")
	}
	dir := t.TempDir()
	script := "#!/bin/sh\n[ \"$1 $2\" = \"env GOVERSION\" ] && echo " + v + " && exit 0\nexit 3\n"
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
}

func TestStdlibVersionPrecedence(t *testing.T) {
	const (
		directiveOnly = "module example.com/a\n\ngo 1.19\n"
		withToolchain = "module example.com/a\n\ngo 1.19\n\ntoolchain go1.21.0\n"
	)
	tests := []struct {
		name            string
		gomod           string
		goVersion       string
		goVersionSource string
		localGo         string // "" leaves PATH alone; "none" empties it
		wantVersion     string
		wantSource      string
		wantIDs         []string
		wantErr         string
	}{
		{name: "go directive only", gomod: directiveOnly,
			wantVersion: "1.19", wantSource: "go-directive", wantIDs: []string{"GO-2099-0001", "GO-2099-0002"}},
		{name: "toolchain beats go directive", gomod: withToolchain,
			wantVersion: "1.21.0", wantSource: "toolchain", wantIDs: []string{"GO-2099-0002"}},
		{name: "flag beats toolchain", gomod: withToolchain, goVersion: "go1.20.0",
			wantVersion: "1.20.0", wantSource: "flag", wantIDs: []string{"GO-2099-0001", "GO-2099-0002"}},
		{name: "flag release without findings", gomod: directiveOnly, goVersion: "1.24.0"},
		{name: "config", gomod: directiveOnly, goVersion: "1.22.0", goVersionSource: "config",
			wantVersion: "1.22.0", wantSource: "config", wantIDs: []string{"GO-2099-0002"}},
		{name: "local when asked", gomod: directiveOnly, goVersion: "local", localGo: "go1.20.6",
			wantVersion: "1.20.6", wantSource: "local", wantIDs: []string{"GO-2099-0002"}},
		{name: "toolchain beats local", gomod: withToolchain, goVersion: "local", localGo: "go1.20.6",
			wantVersion: "1.21.0", wantSource: "toolchain", wantIDs: []string{"GO-2099-0002"}},
		{name: "local with experiment suffix", gomod: directiveOnly, goVersion: "local", localGo: "'go1.23.2 X:nocoverageredesign'"},
		{name: "local without go command", gomod: directiveOnly, goVersion: "local", localGo: "none",
			wantVersion: "1.19", wantSource: "go-directive", wantIDs: []string{"GO-2099-0001", "GO-2099-0002"},
			wantErr: "no go command on PATH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			switch tt.localGo {
			case "":
			case "none":
				t.Setenv("PATH", t.TempDir())
			default:
				fakeGo(t, tt.localGo)
			}
			db := t.TempDir()
			writeDB(t, db, stdlibDB())
			root := t.TempDir()
			if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(tt.gomod), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := deps.New(deps.Options{Offline: true, DBDir: db, GoVersion: tt.goVersion, GoVersionSource: tt.goVersionSource, HTTPClient: failingClient(t)})
			if err != nil {
				t.Fatal(err)
			}
			fs, err := s.Scan(context.Background(), targetOf(t, s, root))
			if tt.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			var ids []string
			for _, f := range fs {
				ids = append(ids, f.RuleID)
				if f.Package.Version != tt.wantVersion || f.Properties[deps.PropStdlibSource] != tt.wantSource {
					t.Errorf("%s: version %s source %v, want %s %s", f.RuleID, f.Package.Version, f.Properties[deps.PropStdlibSource], tt.wantVersion, tt.wantSource)
				}
				if tt.wantSource == "go-directive" && !strings.Contains(f.Remediation, "go directive") {
					t.Errorf("remediation does not explain the go directive: %q", f.Remediation)
				}
			}
			sort.Strings(ids)
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("advisories (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseGoVersion(t *testing.T) {
	for in, want := range map[string]string{"1.22.3": "1.22.3", "go1.22.3": "1.22.3", "1.22": "1.22", "go1.23rc1": "1.23rc1", "local": "local"} {
		if got, err := deps.ParseGoVersion(in); err != nil || got != want {
			t.Errorf("ParseGoVersion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "latest", "2.0", "1", "go1.22.3; rm -rf /"} {
		if _, err := deps.ParseGoVersion(bad); err == nil {
			t.Errorf("ParseGoVersion(%q) accepted", bad)
		}
	}
	if _, err := deps.New(deps.Options{Offline: true, DBDir: t.TempDir(), GoVersion: "newest"}); err == nil {
		t.Error("New accepted --go-version newest")
	}
}
