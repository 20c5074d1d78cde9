package secrets

import (
	"encoding/base64"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeBlob decodes a base64 (standard or URL alphabet, padded or not)
// run into *buf and returns it, or nil when the run is unlikely to be
// base64 of text: identifiers without digits, hex digests, mixed
// alphabets, or decoded bytes that are not nearly all printable.
func decodeBlob(b []byte, buf *[]byte) []byte {
	var upper, lower, digit, std, url bool
	hex := true
	for _, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
			if c > 'F' {
				hex = false
			}
		case c >= 'a' && c <= 'z':
			lower = true
			if c > 'f' {
				hex = false
			}
		case c >= '0' && c <= '9':
			digit = true
		case c == '+' || c == '/':
			std, hex = true, false
		case c == '-' || c == '_':
			url, hex = true, false
		}
	}
	if hex || !upper || !lower || !(digit || std) || (std && url) {
		return nil
	}
	for len(b) > 0 && b[len(b)-1] == '=' {
		b = b[:len(b)-1]
	}
	if len(b)%4 == 1 {
		b = b[:len(b)-1]
	}
	enc := base64.RawStdEncoding
	if url {
		enc = base64.RawURLEncoding
	}
	need := enc.DecodedLen(len(b))
	if cap(*buf) < need {
		*buf = make([]byte, need)
	}
	out := (*buf)[:need]
	n, err := enc.Decode(out, b)
	if err != nil || n == 0 {
		return nil
	}
	out = out[:n]
	bad := 0
	for _, c := range out {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f {
			bad++
		}
	}
	if bad*20 > n || !utf8.Valid(out) && bad > 0 {
		return nil
	}
	return out
}

// hasUTF16BOM reports a UTF-16 byte-order mark; big reports big-endian.
func hasUTF16BOM(b []byte) (ok, big bool) {
	if len(b) < 2 {
		return false, false
	}
	switch {
	case b[0] == 0xFF && b[1] == 0xFE:
		return true, false
	case b[0] == 0xFE && b[1] == 0xFF:
		return true, true
	}
	return false, false
}

// decodeUTF16 turns UTF-16 text (with its BOM) into UTF-8. Unpaired
// surrogates become U+FFFD; an odd trailing byte is dropped.
func decodeUTF16(b []byte, big bool) []byte {
	b = b[2:]
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	runes := utf16.Decode(u)
	out := make([]byte, 0, len(runes))
	for _, r := range runes {
		out = utf8.AppendRune(out, r)
	}
	return out
}
