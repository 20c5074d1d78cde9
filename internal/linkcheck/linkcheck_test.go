package linkcheck

import "testing"

// TestPinsLink exists so that `go test ./...` links this package's test
// binary, which pulls in every pinned dependency: if two pins stop
// agreeing (for example an OPA that needs gobwas/glob v1 beside
// osv-scalibr on v0.2.3) this fails to build.
func TestPinsLink(t *testing.T) {}
