package deps_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

// hungOSV accepts requests and never answers until the client gives up.
func hungOSV(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); srv.Close() })
	return srv, &calls
}

func TestOnlineRequestTimeoutNamesEndpoint(t *testing.T) {
	srv, calls := hungOSV(t)
	start := time.Now()
	_, err := onlineScan(t, deps.Options{APIBaseURL: srv.URL, Retries: 1, Backoff: time.Millisecond, RequestTimeout: 100 * time.Millisecond})
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s with a 100ms request timeout", took)
	}
	if err == nil {
		t.Fatal("a hung API gave no error")
	}
	for _, want := range []string{"POST " + srv.URL + "/v1/querybatch", "did not finish within 100ms", "--osv-request-timeout", "after 2 attempts"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("calls = %d, want 2 (a timed-out request is retried)", n)
	}
}

func TestOnlineOverallDeadline(t *testing.T) {
	srv, _ := hungOSV(t)
	start := time.Now()
	_, err := onlineScan(t, deps.Options{APIBaseURL: srv.URL, Retries: 4, Backoff: time.Millisecond,
		RequestTimeout: time.Minute, APITimeout: 300 * time.Millisecond})
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s with a 300ms overall deadline", took)
	}
	var de *scanner.DeadlineError
	if !errors.As(err, &de) || de.Setting != "--osv-timeout" {
		t.Fatalf("err = %v, want the overall --osv-timeout deadline", err)
	}
	for _, want := range []string{"/v1/querybatch", "OSV API at " + srv.URL + " did not finish within 300ms"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
