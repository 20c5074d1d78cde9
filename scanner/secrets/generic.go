package secrets

import (
	"bytes"
	"strings"
)

// This file holds the value filters of the generic assignment rules
// (rules/generic.yaml) and the global placeholder filter every rule
// applies: what makes "name = value" a credential rather than a
// reference, a placeholder or prose.

// selfNamed reports a value that contains the name it is assigned to
// ("c.fooTokenRequest = fooTokenRequest", "// Credentials: Credentials
// for ..."): a reference or documentation, not a secret. Only rules with
// a "name" group get this check.
func selfNamed(sub []byte, m []int, g int, secret string) bool {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return false
	}
	name := strings.ToLower(strings.Trim(string(sub[m[2*g]:m[2*g+1]]), "\"'`[]._-"))
	return len(name) >= 3 && strings.Contains(strings.ToLower(secret), name)
}

// globalStopwords drop any candidate containing them (case-insensitive):
// documentation placeholders and template variables.
var globalStopwords = []string{
	"example", "dummy", "sample", "placeholder", "changeme", "change-me", "change_me", "xxxx", "your_",
	"<your", "${", "{{", "redacted", "insert", "replace_me", "todo",
}

// placeholder reports whether a candidate secret is obviously not real:
// it contains a global stopword, or its body (after any "prefix_" or
// "prefix-") is one repeated character or a run of 6+ sequential
// characters such as "abcdef" or "123456".
func placeholder(secret string) bool {
	low := strings.ToLower(secret)
	for _, w := range globalStopwords {
		if strings.Contains(low, w) {
			return true
		}
	}
	body := low
	if i := strings.LastIndexAny(body, "_-"); i >= 0 && i < len(body)-1 {
		body = body[i+1:]
	}
	if sameChar(body) || sameChar(low) {
		return true
	}
	return sequential(low, 6)
}

func sameChar(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

// sequential reports a run of n or more ascending (abcd, 1234) or
// descending (dcba, 4321) characters, or of one repeated masking
// character ("****", "....", "####").
func sequential(s string, n int) bool {
	up, down := 1, 1
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1]+1 && isAlnum(s[i]) {
			up++
		} else {
			up = 1
		}
		if s[i]+1 == s[i-1] && isAlnum(s[i]) {
			down++
		} else {
			down = 1
		}
		if up >= n || down >= n {
			return true
		}
	}
	return bytes.Contains([]byte(s), []byte("****"))
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z'
}

// validGenericValue rejects values of the generic rules that are not
// plausible secrets: truncated documentation values ("abc..."), leetspeak
// "password", and base64 that decodes to a placeholder, to "user:test",
// or to plain lower-case letters (keyboard mashing such as "asdfjkl").
func validGenericValue(s string) bool {
	if strings.Contains(s, "...") || strings.Contains(s, "…") {
		return false
	}
	low := strings.ToLower(s)
	for _, w := range []string{"passw0rd", "p@ssw0rd", "p@ssword", "pa55word", "passwort"} {
		if strings.Contains(low, w) {
			return false
		}
	}
	if len(s) < 12 {
		return true
	}
	var buf []byte
	dec := decodeBlob([]byte(s), &buf)
	if dec == nil {
		return true
	}
	d := strings.ToLower(string(dec))
	if placeholder(d) || strings.Contains(d, "test") || strings.Contains(d, "password") {
		return false
	}
	letters := true
	for _, c := range []byte(d) {
		if !(c >= 'a' && c <= 'z' || c == ' ' || c == ':' || c == '-' || c == '_') {
			letters = false
			break
		}
	}
	return !letters
}
