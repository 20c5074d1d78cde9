package deps_test

import (
	"net/http"
	"testing"
)

// failingTransport fails the test on any request: offline scans must not
// touch the network.
type failingTransport struct{ t testing.TB }

func (f failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	f.t.Errorf("unexpected network request in offline mode: %s %s", r.Method, r.URL)
	return nil, http.ErrNotSupported
}

func failingClient(t testing.TB) *http.Client {
	return &http.Client{Transport: failingTransport{t}}
}
