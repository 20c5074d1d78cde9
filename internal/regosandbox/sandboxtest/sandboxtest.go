// Package sandboxtest gives the sandbox tests of several packages the same
// witness: a local HTTP server that counts what reaches it. It is for
// tests only.
package sandboxtest

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// Server starts a server answering {} to everything and counting the
// requests; it is closed when t ends.
func Server(t testing.TB) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{}`)) //nolint:errcheck // test server
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}
