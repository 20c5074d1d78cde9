package scanner

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strconv"
	"strings"
)

// fingerprintVersion is mixed into every fingerprint so that a change of
// algorithm can never silently collide with old baselines.
const fingerprintVersion = "tollgate-fp-v1"

// Fingerprint derives a stable identity for a finding from its rule, its
// root-relative path and its normalized evidence. Line numbers, absolute
// paths, commit SHAs and timestamps are deliberately left out so that moving
// code, moving the checkout or re-running later yields the same value.
// The path is cleaned and given "/" separators first.
func Fingerprint(ruleID, relPath, evidence string) string {
	p := path.Clean(strings.ReplaceAll(relPath, "\\", "/"))
	h := sha256.New()
	for _, part := range []string{fingerprintVersion, ruleID, p, strings.TrimSpace(evidence)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	// The first 16 bytes are the 32 hex digits kept; encoding only them
	// leaves no 64-byte string behind each finding's fingerprint.
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:16])
}

// assignFingerprints fills missing fingerprints. Findings are assumed to be
// sorted; when several share rule, path and evidence (two identical
// misconfigurations in one file, say), the second and later get an
// occurrence suffix ":2", ":3", … in file order, like GitHub's
// primaryLocationLineHash.
func assignFingerprints(fs []Finding) {
	seen := make(map[string]int, len(fs))
	for i := range fs {
		if fs[i].Fingerprint != "" {
			continue
		}
		fp := Fingerprint(fs[i].RuleID, fs[i].Location.Path, fs[i].Evidence)
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp += ":" + strconv.Itoa(n)
		}
		fs[i].Fingerprint = fp
	}
}
