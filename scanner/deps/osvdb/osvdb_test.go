package osvdb_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

func makeZip(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var fixedNow = time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)

func opts(url string) osvdb.UpdateOptions {
	return osvdb.UpdateOptions{BaseURL: url, Now: func() time.Time { return fixedNow }, Backoff: time.Millisecond}
}

func TestUpdateAndStatus(t *testing.T) {
	npm := makeZip(t, map[string]string{"GHSA-1.json": `{"id":"GHSA-1"}`, "GHSA-2.json": `{"id":"GHSA-2"}`})
	pypi := makeZip(t, map[string]string{"PYSEC-1.json": `{"id":"PYSEC-1"}`})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/npm/all.zip":
			w.Write(npm)
		case "/PyPI/all.zip":
			w.Write(pypi)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	res, err := osvdb.Update(context.Background(), dir, []string{"npm", "PyPI"}, opts(srv.URL))
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if len(res) != 2 || res[0].Advisories != 2 || res[1].Advisories != 1 {
		t.Errorf("results = %+v", res)
	}
	got, err := os.ReadFile(osvdb.ZipPath(dir, "npm"))
	if err != nil || !bytes.Equal(got, npm) {
		t.Fatalf("npm archive not installed: %v", err)
	}
	st, err := osvdb.Status(dir, fixedNow.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 2 || st[0].Ecosystem != "PyPI" || st[1].Ecosystem != "npm" {
		t.Fatalf("status = %+v", st)
	}
	if st[1].Advisories != 2 || !st[1].FetchedAt.Equal(fixedNow) || st[1].Age != time.Hour || st[1].FromMTime {
		t.Errorf("npm status = %+v", st[1])
	}
	if st[1].Source != srv.URL+"/npm/all.zip" {
		t.Errorf("npm source = %q, want the URL it was fetched from", st[1].Source)
	}
	// No temp files left behind: the zip and its index only.
	entries, _ := os.ReadDir(filepath.Dir(osvdb.ZipPath(dir, "npm")))
	if len(entries) != 2 {
		t.Errorf("leftover files: %v", entries)
	}
	// db update writes the index beside the zip, verified and used as is.
	oi, err := osvdb.OpenIndex(context.Background(), osvdb.ZipPath(dir, "npm"), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if oi.State != osvdb.IndexFresh || oi.Path != osvdb.IndexPath(osvdb.ZipPath(dir, "npm")) {
		t.Errorf("index after update: %s at %s, want fresh beside the zip", oi.State, oi.Path)
	}
}

func TestUpdateRejectsBadArchivesAndKeepsOld(t *testing.T) {
	good := makeZip(t, map[string]string{"GHSA-1.json": `{"id":"GHSA-1"}`})
	bigger := makeZip(t, map[string]string{"a.json": strings.Repeat("x", 5000), "b.json": strings.Repeat("y", 5000)})
	tests := []struct {
		name   string
		body   []byte
		status int
		errHas string
	}{
		{"corrupt", []byte("this is not a zip archive at all"), 200, "not a valid zip"},
		{"truncated", bigger[:len(bigger)/2], 200, "not a valid zip"},
		{"zip slip", makeZip(t, map[string]string{"../../evil.json": "{}"}), 200, "escape"},
		{"absolute entry", makeZip(t, map[string]string{"/etc/evil.json": "{}"}), 200, "escape"},
		{"not found", nil, 404, "404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			serveGood := true
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if serveGood {
					w.Write(good)
					return
				}
				w.WriteHeader(tt.status)
				w.Write(tt.body)
			}))
			defer srv.Close()
			dir := t.TempDir()
			if _, err := osvdb.Update(context.Background(), dir, []string{"npm"}, opts(srv.URL)); err != nil {
				t.Fatal(err)
			}
			metaBefore, _ := os.ReadFile(filepath.Join(dir, "tollgate-db.json"))
			serveGood = false
			o := opts(srv.URL)
			o.Now = func() time.Time { return fixedNow.Add(24 * time.Hour) }
			_, err := osvdb.Update(context.Background(), dir, []string{"npm"}, o)
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.errHas)
			}
			got, _ := os.ReadFile(osvdb.ZipPath(dir, "npm"))
			if !bytes.Equal(got, good) {
				t.Error("old archive was not kept")
			}
			metaAfter, _ := os.ReadFile(filepath.Join(dir, "tollgate-db.json"))
			if !bytes.Equal(metaBefore, metaAfter) {
				t.Error("metadata changed after a failed update")
			}
			if _, err := osvdb.Validate(osvdb.ZipPath(dir, "npm")); err != nil {
				t.Errorf("old archive no longer valid: %v", err)
			}
		})
	}
}

func TestUpdateRetriesServerErrors(t *testing.T) {
	good := makeZip(t, map[string]string{"GHSA-1.json": `{"id":"GHSA-1"}`})
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.Write(good)
		}
	}))
	defer srv.Close()
	if _, err := osvdb.Update(context.Background(), t.TempDir(), []string{"npm"}, opts(srv.URL)); err != nil {
		t.Fatalf("update: %v", err)
	}
	if calls.Load() != 3 {
		t.Errorf("calls = %d, want 3", calls.Load())
	}
}

func TestUpdatePartialFailureKeepsSuccesses(t *testing.T) {
	good := makeZip(t, map[string]string{"GHSA-1.json": `{"id":"GHSA-1"}`})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/npm/") {
			w.Write(good)
			return
		}
		w.Write([]byte("garbage"))
	}))
	defer srv.Close()
	dir := t.TempDir()
	res, err := osvdb.Update(context.Background(), dir, []string{"npm", "PyPI"}, opts(srv.URL))
	if err == nil || !strings.Contains(err.Error(), "PyPI") {
		t.Fatalf("err = %v, want a PyPI failure", err)
	}
	if res[0].Err != nil || res[1].Err == nil {
		t.Errorf("results = %+v", res)
	}
	st, _ := osvdb.Status(dir, fixedNow)
	if len(st) != 1 || st[0].Ecosystem != "npm" {
		t.Errorf("status = %+v", st)
	}
}

func TestFindAndStatusLegacyLayout(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "osv-scanner", "Go", "all.zip")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, makeZip(t, map[string]string{"GO-1.json": "{}"}), 0o644)
	got, err := osvdb.Find(dir, "Go")
	if err != nil || got != p {
		t.Errorf("Find = %q, %v", got, err)
	}
	if _, err := osvdb.Find(dir, "npm"); !errors.Is(err, osvdb.ErrNotInstalled) {
		t.Errorf("Find(npm) err = %v", err)
	}
	st, err := osvdb.Status(dir, time.Now())
	if err != nil || len(st) != 1 || !st[0].FromMTime || st[0].Advisories != 1 || !strings.HasPrefix(st[0].Source, "placed by another tool") {
		t.Errorf("status = %+v, %v", st, err)
	}
}

func TestUpdateRejectsBadEcosystemName(t *testing.T) {
	_, err := osvdb.Update(context.Background(), t.TempDir(), []string{"../x"}, opts("http://127.0.0.1:1"))
	if err == nil || !strings.Contains(err.Error(), "invalid ecosystem") {
		t.Errorf("err = %v", err)
	}
}
