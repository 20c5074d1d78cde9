package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// secretsTreePlanted reads testdata/secrets/planted.txt.
func secretsTreePlanted(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/secrets/planted.txt")
	if err != nil {
		t.Fatal(err)
	}
	var planted []string
	for _, line := range strings.Split(string(raw), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			planted = append(planted, line)
		}
	}
	return planted
}

// maskedPrefixes counts the planted secrets whose first 1 to 4
// characters appear in out followed by the mask.
func maskedPrefixes(t *testing.T, out string) int {
	n := 0
	for _, p := range secretsTreePlanted(t) {
		for k := 1; k <= 4 && k < len(p); k++ {
			if strings.Contains(out, p[:k]+"****") {
				n++
				break
			}
		}
	}
	return n
}

// TestNoKeyRevealsNoLengthEntropyOrPrefix: without a private hash key,
// no output (every report format, --dump-input, -v logs) carries a
// secret's entropy, its first characters or an end column (which would
// give its length).
func TestNoKeyRevealsNoLengthEntropyOrPrefix(t *testing.T) {
	t.Setenv(secrets.HashKeyEnv, "")
	outputs := everyOutput(t, "../../testdata/secrets/tree", "--scanners", "secrets")
	if !strings.Contains(outputs["out.json"], `"scanner": "secrets"`) {
		t.Fatal("no secrets found in the fixture tree")
	}
	for name, out := range outputs {
		for _, banned := range []string{`"entropy":`, `entropy=`, `"end_column"`, `"endColumn"`} {
			if strings.Contains(out, banned) {
				t.Errorf("%s contains %q without a hash key", name, banned)
			}
		}
		if n := maskedPrefixes(t, out); n > 0 {
			t.Errorf("%s shows the first characters of %d planted secrets", name, n)
		}
	}
}

// TestHashKeySources: --hash-key-file, $TOLLGATE_HASH_KEY and the config's
// secrets.hash_key_file give the same fingerprints for the same key,
// different from the default key's; with a key the outputs carry the
// entropy, the masked prefix and the end column; a short key is a usage
// error that does not print the key.
func TestHashKeySources(t *testing.T) {
	const key = "team-private-evidence-key-0123456789"
	tree := copyTree(t, "../../testdata/secrets/tree")
	keyFile := filepath.Join(t.TempDir(), "key")
	writeFile(t, keyFile, key+"\n")
	scan := func(t *testing.T, root string, extra ...string) (int, string, string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out.json")
		var stdout, stderr bytes.Buffer
		args := append([]string{"scan", "-q", "--scanners", "secrets", "--fail-on", "none", "--report", "json=" + out}, extra...)
		code := run(context.Background(), append(args, root), &stdout, &stderr)
		b, _ := os.ReadFile(out)
		return code, string(b), stderr.String()
	}
	fingerprints := func(t *testing.T, report string) string {
		t.Helper()
		var r struct {
			Findings []struct{ Fingerprint string } `json:"findings"`
		}
		if err := json.Unmarshal([]byte(report), &r); err != nil || len(r.Findings) == 0 {
			t.Fatalf("report: %v (%d findings)", err, len(r.Findings))
		}
		var fps []string
		for _, f := range r.Findings {
			fps = append(fps, f.Fingerprint)
		}
		return strings.Join(fps, ",")
	}
	t.Setenv(secrets.HashKeyEnv, "")
	_, plain, _ := scan(t, tree)
	_, fromFlag, _ := scan(t, tree, "--hash-key-file", keyFile)
	t.Setenv(secrets.HashKeyEnv, key)
	_, fromEnv, _ := scan(t, tree)
	t.Setenv(secrets.HashKeyEnv, "")
	// A relative hash_key_file is resolved against the config's folder.
	writeFile(t, filepath.Join(tree, "ci", "evidence.key"), key)
	writeFile(t, filepath.Join(tree, ".tollgate.yaml"), "secrets:\n  hash_key_file: ci/evidence.key\n")
	_, fromConfig, stderr := scan(t, tree)
	if fingerprints(t, fromFlag) != fingerprints(t, fromEnv) || fingerprints(t, fromFlag) != fingerprints(t, fromConfig) {
		t.Errorf("the same key from flag, env and config gives different fingerprints (%s)", stderr)
	}
	if fingerprints(t, fromFlag) == fingerprints(t, plain) {
		t.Error("the private key does not change the fingerprints")
	}
	for _, want := range []string{`"entropy"`, `"end_column"`, `****"`} {
		if !strings.Contains(fromFlag, want) {
			t.Errorf("keyed report lacks %s", want)
		}
	}
	if maskedPrefixes(t, fromFlag) == 0 || maskedPrefixes(t, plain) != 0 {
		t.Errorf("masked prefixes: %d with a key, %d without; want some and none", maskedPrefixes(t, fromFlag), maskedPrefixes(t, plain))
	}
	t.Setenv(secrets.HashKeyEnv, "short-key")
	code, _, stderr := scan(t, tree)
	if code != 2 || !strings.Contains(stderr, "at least 16") || strings.Contains(stderr, "short-key") {
		t.Errorf("short key: exit %d, stderr %q", code, stderr)
	}
}
