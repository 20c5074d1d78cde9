package secrets

import (
	"bytes"
	"errors"
	"fmt"
	"os"
)

// HashKeyEnv is the environment variable the CLI reads a private hash key
// from (the key itself, not a file name).
const HashKeyEnv = "TOLLGATE_HASH_KEY"

// MinHashKeyLen is the shortest hash key accepted: a short key could be
// guessed along with the secret.
const MinHashKeyLen = 16

// ParseHashKey checks a private hash key: surrounding white space (a
// trailing newline in a key file) is dropped, and at least MinHashKeyLen
// bytes must remain. what names the key's source in errors; the key
// itself never appears in one.
func ParseHashKey(what string, b []byte) ([]byte, error) {
	k := bytes.TrimSpace(b)
	if len(k) < MinHashKeyLen {
		return nil, fmt.Errorf("hash key from %s: %d bytes, want at least %d (e.g. `openssl rand -hex 32`)", what, len(k), MinHashKeyLen)
	}
	return k, nil
}

// LoadHashKeyFile reads a private hash key from a file (see ParseHashKey).
func LoadHashKeyFile(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the message below
		}
		return nil, fmt.Errorf("hash key file %s: %w", name, err)
	}
	return ParseHashKey("file "+name, b)
}
