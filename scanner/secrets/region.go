package secrets

import "bytes"

// pemReach bounds how far past the matched body the END marker of a PEM
// block is looked for: rules match a bounded prefix of long keys (a
// 4096-bit RSA key is about 3,300 characters of base64).
const pemReach = 8 << 10

var (
	pemBegin = []byte("-----BEGIN ")
	pemDash  = []byte("-----")
)

// regionEnd is where a finding's region ends: the end of the secret, or,
// for a PEM block whose rule matched its header and (part of) its body,
// the end of the block's "-----END <label>-----" marker, so that the
// region covers the whole key in the file, whether it is written on
// several lines or JSON-escaped on one ("...-----\nMIIE...\n-----END").
// A secret found in a decoded base64 blob keeps the blob's span.
func regionEnd(text []byte, c cand) int {
	if c.decoded || !bytes.HasPrefix(text[c.start:], pemBegin) {
		return c.end
	}
	rest := text[c.start+len(pemBegin):]
	n := bytes.Index(rest[:min(len(rest), 64)], pemDash)
	if n <= 0 {
		return c.end
	}
	marker := append(append([]byte("-----END "), rest[:n]...), pemDash...)
	tail := text[c.end:min(len(text), c.end+pemReach)]
	i := bytes.Index(tail, marker)
	if i < 0 || bytes.Contains(tail[:i], pemBegin) {
		return c.end
	}
	return c.end + i + len(marker)
}
