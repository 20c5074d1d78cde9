package deps_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// fakeOSV is an httptest OSV API serving the advisories of testDB.
type fakeOSV struct {
	t        *testing.T
	vulns    map[string]map[string]any
	byPkg    map[string][]string // "eco/name@version" -> ids
	fail     atomic.Int32        // fail this many requests with 503 first
	limited  atomic.Int32        // answer this many with 429 + Retry-After
	inflight atomic.Int32
	maxSeen  atomic.Int32
	pageSize int
	mu       sync.Mutex
	batches  []int // query counts per querybatch call
	fetched  map[string]int
}

func newFakeOSV(t *testing.T) *fakeOSV {
	f := &fakeOSV{t: t, vulns: map[string]map[string]any{}, fetched: map[string]int{}, byPkg: map[string][]string{
		"npm/lodash@4.17.4":    {"GHSA-1111-2222-3333", "NSWG-ECO-9001"},
		"npm/qs@6.7.0":         {"GHSA-4444-5555-6666"},
		"PyPI/Django@3.2.0":    {"PYSEC-2099-1", "GHSA-dddd-eeee-ffff"},
		"PyPI/requests@2.19.0": {"PYSEC-2099-2"},
	}}
	for _, advs := range testDB() {
		for _, a := range advs {
			f.vulns[a["id"].(string)] = a
		}
	}
	return f
}

func (f *fakeOSV) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := f.inflight.Add(1)
	defer f.inflight.Add(-1)
	for {
		m := f.maxSeen.Load()
		if n <= m || f.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(2 * time.Millisecond) // let requests overlap
	if f.fail.Add(-1) >= 0 {
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	if f.limited.Add(-1) >= 0 {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v1/querybatch":
		var req struct {
			Queries []struct {
				Package   struct{ Name, Ecosystem string } `json:"package"`
				Version   string                           `json:"version"`
				PageToken string                           `json:"page_token"`
			} `json:"queries"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.batches = append(f.batches, len(req.Queries))
		f.mu.Unlock()
		type vuln struct {
			ID string `json:"id"`
		}
		type result struct {
			Vulns []vuln `json:"vulns,omitempty"`
			Next  string `json:"next_page_token,omitempty"`
		}
		var out struct {
			Results []result `json:"results"`
		}
		for _, q := range req.Queries {
			ids := f.byPkg[q.Package.Ecosystem+"/"+q.Package.Name+"@"+q.Version]
			start := 0
			if q.PageToken != "" {
				fmt.Sscanf(q.PageToken, "p%d", &start)
			}
			var res result
			end := len(ids)
			if f.pageSize > 0 && start+f.pageSize < end {
				end = start + f.pageSize
				res.Next = fmt.Sprintf("p%d", end)
			}
			for _, id := range ids[start:end] {
				res.Vulns = append(res.Vulns, vuln{id})
			}
			out.Results = append(out.Results, res)
		}
		json.NewEncoder(w).Encode(out)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/vulns/"):
		id := strings.TrimPrefix(r.URL.Path, "/v1/vulns/")
		v, ok := f.vulns[id]
		if !ok {
			http.NotFound(w, r)
			return
		}
		f.mu.Lock()
		f.fetched[id]++
		f.mu.Unlock()
		json.NewEncoder(w).Encode(v)
	default:
		http.NotFound(w, r)
	}
}

func onlineScan(t *testing.T, opts deps.Options) ([]scanner.Finding, error) {
	t.Helper()
	root := t.TempDir()
	copyFixture(t, root, map[string]string{
		"web/package-lock.json": "npm-v3/package-lock.json",
		"api/requirements.txt":  "pip/requirements.txt",
	})
	s, err := deps.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s.Scan(context.Background(), targetOf(t, s, root))
}

func ruleIDs(fs []scanner.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.RuleID+" "+f.Package.Name+"@"+f.Package.Version)
	}
	slices.Sort(out)
	return out
}

func TestOnlineScan(t *testing.T) {
	f := newFakeOSV(t)
	f.pageSize = 1 // exercise pagination
	f.fail.Store(2)
	srv := httptest.NewServer(f)
	defer srv.Close()
	fs, err := onlineScan(t, deps.Options{APIBaseURL: srv.URL, Concurrency: 2, BatchSize: 3, Backoff: time.Millisecond})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	want := []string{
		"GHSA-4444-5555-6666 qs@6.7.0",
		"NSWG-ECO-9001 lodash@4.17.4",
		"PYSEC-2099-1 Django@3.2.0",
		"PYSEC-2099-2 requests@2.19.0",
	}
	if got := ruleIDs(fs); !slices.Equal(got, want) {
		t.Errorf("findings = %v, want %v", got, want)
	}
	for _, fd := range fs {
		if fd.RuleID == "NSWG-ECO-9001" && (fd.Package.Fix != "4.17.5" || !slices.Contains(fd.Aliases, "GHSA-1111-2222-3333")) {
			t.Errorf("lodash finding = %+v", fd)
		}
	}
	if m := f.maxSeen.Load(); m > 2 {
		t.Errorf("max concurrent requests = %d, want <= 2", m)
	}
	for _, n := range f.batches {
		if n > 3 {
			t.Errorf("querybatch with %d queries, want <= 3", n)
		}
	}
	for id, n := range f.fetched {
		if n != 1 {
			t.Errorf("advisory %s fetched %d times", id, n)
		}
	}
}

func TestOnlineRetriesRateLimit(t *testing.T) {
	f := newFakeOSV(t)
	f.limited.Store(1)
	srv := httptest.NewServer(f)
	defer srv.Close()
	start := time.Now()
	fs, err := onlineScan(t, deps.Options{APIBaseURL: srv.URL, Concurrency: 1, Backoff: time.Millisecond})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	if len(fs) != 4 {
		t.Errorf("got %d findings", len(fs))
	}
	if time.Since(start) < time.Second {
		t.Errorf("Retry-After was not honoured")
	}
}

func TestOnlineGivesUp(t *testing.T) {
	f := newFakeOSV(t)
	f.fail.Store(1000)
	srv := httptest.NewServer(f)
	defer srv.Close()
	_, err := onlineScan(t, deps.Options{APIBaseURL: srv.URL, Retries: 2, Backoff: time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "503") || !strings.Contains(err.Error(), "after 3 attempts") {
		t.Errorf("err = %v", err)
	}
}

func TestOnlineClientErrorNotRetried(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.Error(w, "bad query", http.StatusBadRequest)
	}))
	defer srv.Close()
	_, err := onlineScan(t, deps.Options{APIBaseURL: srv.URL, Backoff: time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("err = %v", err)
	}
	if calls.Load() != 1 {
		t.Errorf("calls = %d, want 1", calls.Load())
	}
}

func TestOnlineTimeout(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	_, err := onlineScan(t, deps.Options{APIBaseURL: srv.URL, Retries: 1, Backoff: time.Millisecond,
		HTTPClient: &http.Client{Timeout: 50 * time.Millisecond}})
	if err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Errorf("err = %v, want a timeout", err)
	}
}

func TestOnlineBaseURLFromEnv(t *testing.T) {
	f := newFakeOSV(t)
	srv := httptest.NewServer(f)
	defer srv.Close()
	t.Setenv(deps.EnvAPIBaseURL, srv.URL)
	fs, err := onlineScan(t, deps.Options{APIBaseURL: "http://127.0.0.1:1/unused", Backoff: time.Millisecond})
	if err != nil || len(fs) != 4 {
		t.Errorf("scan via env URL: %d findings, %v", len(fs), err)
	}
}
