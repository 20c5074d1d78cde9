package secrets_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// TestNoKeyOutputIndependentOfSecret: without a private hash key, two
// secrets of different length and different first characters, in the
// same place of a long line, give findings that differ only in the
// evidence hash and the fingerprint.
func TestNoKeyOutputIndependentOfSecret(t *testing.T) {
	pad := strings.Repeat("x", 300)
	findings := func(secret string) string {
		dir := t.TempDir()
		write(t, dir, "a.env", "# "+pad+"\nAPI_TOKEN_VALUE="+secret+" # "+pad+"\n")
		res := run(t, newScanner(t, secrets.Options{}), dir)
		if len(res.Findings) != 1 {
			t.Fatalf("%d findings, want 1", len(res.Findings))
		}
		f := res.Findings[0]
		f.Evidence, f.Fingerprint = "", ""
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	a := findings("Zk8F4keQw2pLx9T7mN3vB5cR")
	b := findings("Qm3vT7xL9pWz2kF4keRn8bY5cJd6hGs")
	if a != b {
		t.Errorf("without a key the finding depends on the secret:\n%s\n%s", a, b)
	}
	for _, banned := range []string{"entropy", "Zk8F", "end_column"} {
		if strings.Contains(a, `"`+banned) || strings.Contains(a, banned+"*") {
			t.Errorf("finding holds %q: %s", banned, a)
		}
	}
}

// TestHashKeyValidation: keys are trimmed and must keep 16 bytes; the
// error never shows the key.
func TestHashKeyValidation(t *testing.T) {
	if _, err := secrets.ParseHashKey("test", []byte("  tiny-key \n")); err == nil || strings.Contains(err.Error(), "tiny-key") {
		t.Errorf("short key: %v", err)
	}
	k, err := secrets.ParseHashKey("test", []byte("0123456789abcdef0123\n"))
	if err != nil || string(k) != "0123456789abcdef0123" {
		t.Errorf("key %q, err %v", k, err)
	}
	if _, err := secrets.LoadHashKeyFile(t.TempDir() + "/missing"); err == nil {
		t.Error("missing key file: no error")
	}
}

// TestNoKeySnippetCutIndependentOfLength: whether a long line is cut does
// not depend on the secret's length (a line just under the cut-off with a
// short secret and just over it with a long one look the same).
func TestNoKeySnippetCutIndependentOfLength(t *testing.T) {
	pad := strings.Repeat("y", 192) // the line is 235 bytes with the short secret, 252 with the long one
	snip := func(secret string) string {
		dir := t.TempDir()
		write(t, dir, "a.env", "API_TOKEN_VALUE="+secret+" # "+pad+"\n")
		res := run(t, newScanner(t, secrets.Options{}), dir)
		if len(res.Findings) != 1 {
			t.Fatalf("%d findings, want 1", len(res.Findings))
		}
		return res.Findings[0].Snippet
	}
	if a, b := snip("Zk8F4keQw2pLx9T7mN3vB5cR"), snip("Qm3vT7xL9pWz2kF4keRn8bY5cJd6hGs1Wq9Lp2Xz7"); a != b {
		t.Errorf("snippets differ with the secret's length:\n%s\n%s", a, b)
	}
}
