package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
)

// digest identifies what a gate decides with: the content of every policy
// module (the embedded default one included when loaded) and the data
// documents. File names are left out so that the same policies checked out
// in different folders, or passed as a directory rather than files, give
// the same digest; module contents are hashed one by one and sorted, so
// load order does not matter either. encoding/json sorts map keys, which
// makes the data part canonical.
func digest(files map[string]string, data map[string]any) (string, error) {
	sums := make([]string, 0, len(files))
	for _, src := range files {
		s := sha256.Sum256([]byte(src))
		sums = append(sums, hex.EncodeToString(s[:]))
	}
	slices.Sort(sums)
	d, err := json.Marshal(data)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, s := range sums {
		h.Write([]byte("module " + s + "\n"))
	}
	h.Write([]byte("data "))
	h.Write(d)
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// Digest identifies the policy this gate decides with: a SHA-256 over the
// contents of its Rego modules and data documents, independent of file
// names and load order. Reports record it so that `tollgate merge` can
// refuse to combine scans gated by different policies.
func (g *Gate) Digest() string { return g.digest }
