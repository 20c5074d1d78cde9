package secrets

import (
	"encoding/base64"
	"encoding/json"
	"hash/crc32"
	"math"
	"sort"
	"strings"
)

// validators are the checksum and structure checks a rule can name in its
// "validate" field. Each gets the candidate secret and reports whether it
// is well-formed; a failing candidate is dropped.
var validators = map[string]func(string) bool{
	"github-crc32":  validCRC32Token,
	"npm-crc32":     validCRC32Token,
	"pypi-macaroon": validPyPIMacaroon,
	"jwt":           validJWT,
	"luhn":          validLuhn,
	// base64-userpass: base64 of "user:password" (HTTP Basic, docker and
	// npm "auth" values) whose password is not a placeholder.
	"base64-userpass": validBase64UserPass,
	// generic-value: extra plausibility checks for the generic rules.
	"generic-value": validGenericValue,
	// generic-token: generic-value, not words or an identifier, and the
	// entropy of a random token in its alphabet (see generic.go).
	"generic-token": validGenericToken,
	// generic-phrase: generic-value and not prose (quoted values with spaces).
	"generic-phrase": validGenericPhrase,
}

func validatorNames() []string {
	var out []string
	for k := range validators {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

const base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62CRC32 encodes the IEEE CRC32 of body in base62, left-padded with
// '0' to 6 digits: the checksum GitHub appends to its prefixed tokens
// (ghp_, gho_, ghu_, ghs_, ghr_) and npm to npm_ tokens.
func base62CRC32(body string) string {
	v := crc32.ChecksumIEEE([]byte(body))
	var out [6]byte
	for i := 5; i >= 0; i-- {
		out[i] = base62Alphabet[v%62]
		v /= 62
	}
	return string(out[:])
}

// validCRC32Token checks "<prefix>_<body><6-char base62 crc32(body)>".
// The prefix is everything up to the last underscore.
func validCRC32Token(s string) bool {
	if i := strings.LastIndexByte(s, '_'); i >= 0 {
		s = s[i+1:]
	}
	if len(s) < 7 {
		return false
	}
	body, sum := s[:len(s)-6], s[len(s)-6:]
	return base62CRC32(body) == sum
}

// validPyPIMacaroon checks that a "pypi-..." token's body is a base64url
// serialized macaroon (version 2) whose first field is a location.
func validPyPIMacaroon(s string) bool {
	s = strings.TrimPrefix(s, "pypi-")
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil || len(b) < 4 {
		return false
	}
	// Version byte 2, then field type 1 (location) with a varint length.
	if b[0] != 2 || b[1] != 1 {
		return false
	}
	n := int(b[2])
	if n == 0 || n >= 0x80 || 3+n > len(b) {
		return false
	}
	loc := string(b[3 : 3+n])
	if !strings.Contains(loc, "pypi") {
		return false
	}
	// The identifier field (type 2) follows the location.
	return 3+n < len(b) && b[3+n] == 2
}

// validJWT checks three base64url parts whose first decodes to a JSON
// object with an "alg" member.
func validJWT(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return false
	}
	hdr, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[0], "="))
	if err != nil {
		return false
	}
	var h map[string]any
	if err := json.Unmarshal(hdr, &h); err != nil {
		return false
	}
	// An unsigned token (alg "none") carries no secret.
	if alg, ok := h["alg"].(string); !ok || strings.EqualFold(alg, "none") {
		return false
	}
	_, err = base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	return err == nil
}

// validLuhn checks the Luhn (mod 10) digit of a card-like number; spaces
// and dashes are ignored.
func validLuhn(s string) bool {
	sum, n := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c == ' ' || c == '-' {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if n%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		n++
	}
	return n >= 12 && sum%10 == 0
}

// shannon is the Shannon entropy of s in bits per byte.
func shannon(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// validBase64UserPass checks that s is base64 of printable "user:password"
// with a non-empty password that is not an obvious placeholder.
func validBase64UserPass(s string) bool {
	s = strings.TrimRight(s, "=")
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return false
	}
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	user, pw, ok := strings.Cut(string(b), ":")
	if !ok || user == "" || len(pw) < 3 {
		return false
	}
	switch strings.ToLower(pw) {
	case "pass", "password", "passwd", "secret", "pwd", "test", "guest", "admin", "root", "user":
		return false
	}
	return !placeholder(pw)
}
