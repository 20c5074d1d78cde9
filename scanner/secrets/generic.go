package secrets

import (
	"bytes"
	"strings"
	"unicode"
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

// validGenericToken is validGenericValue plus the checks of the generic
// secret and key rules: the value is not made of words or identifiers
// ("ThisIsNotARealToken", "auth.session.refresh_token",
// "user-profile-v2-shard-0042"), and it has the entropy expected of a
// random token in its own alphabet (hex carries at most 4 bits a
// character, so one entropy floor for all values either drops every hex
// key or lets words through).
func validGenericToken(s string) bool {
	if !validGenericValue(s) || wordLike(s) || knownDigest[strings.ToLower(s)] {
		return false
	}
	return shannon(s) >= tokenEntropyFloor(s)
}

// knownDigest are digests every code base has (SHA-256 and SHA-1 and MD5
// of the empty string): constants, not keys.
var knownDigest = map[string]bool{
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855": true,
	"da39a3ee5e6b4b0d3255bfef95601890afd80709":                         true,
	"d41d8cd98f00b204e9800998ecf8427e":                                 true,
}

// tokenEntropyFloor is the minimum Shannon entropy (bits/char) of a
// random token of s's length over s's alphabet, with a margin: hex 3.0,
// lower-case alphanumeric 3.3, anything else 3.5 (short) to 4.0 (32+).
func tokenEntropyFloor(s string) float64 {
	hex, lower := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		isHex := c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
		hex = hex && (isHex || c == '-')
		lower = lower && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '-' || c == '_' || c == '.')
	}
	switch {
	case hex:
		return 3.0
	case lower:
		return 3.3
	case len(s) >= 32:
		return 4.0
	}
	return 3.5
}

// wordLike reports a value whose every part is a word, a number or a
// short alphanumeric tag: an identifier, a path, a key name or prose,
// not a random token. Parts are split at separators (- _ . / : space),
// then at letter/digit changes; a part with more than two digit runs
// ("k8f4ke2qw9") or a letter run that is not camel-case words ("ZnCjm",
// "qWeRtY", "xkqzvt") is random.
func wordLike(s string) bool {
	seg := 0
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("-_./: +,@=", r)
	}) {
		seg++
		if !wordPart(p) {
			return false
		}
	}
	return seg > 0
}

func wordPart(p string) bool {
	digitRuns := 0
	for i := 0; i < len(p); {
		j := i
		if isDigit(p[i]) {
			for j < len(p) && isDigit(p[j]) {
				j++
			}
			digitRuns++
			if digitRuns > 2 || j-i > 8 {
				return false
			}
			i = j
			continue
		}
		for j < len(p) && isLetter(p[j]) {
			j++
		}
		if j == i { // neither letter nor digit: symbols are not words
			return false
		}
		if !camelWords(p[i:j]) {
			return false
		}
		i = j
	}
	return true
}

// camelWords reports whether a run of ASCII letters reads as words:
// all upper-case ("HTTP"), or humps of an optional upper-case letter
// followed by 2+ lower-case ones ("getUserName", "HTTPServer", or a
// short word such as "Is"), each
// hump of 5+ letters holding a vowel.
func camelWords(w string) bool {
	upper := 0
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			upper++
		}
	}
	if upper == len(w) {
		return true
	}
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && w[j] >= 'A' && w[j] <= 'Z' {
			j++
		}
		k := j
		for k < len(w) && w[k] >= 'a' && w[k] <= 'z' {
			k++
		}
		lower := k - j
		// "HTTPServer": the last capital of a run starts the next hump.
		// A lone letter ("v" of "v2"), a short capitalised word ("Is").
		// A first hump may be short ("Op" of "OpGreaterThan").
		lone := i == 0 && k-i <= 2
		if lower == 1 && !lone && !(k-i == 2 && shortWords[strings.ToLower(w[i:k])]) {
			return false
		}
		if k-i >= 5 && !strings.ContainsAny(strings.ToLower(w[i:k]), "aeiouy") {
			return false
		}
		i = k
	}
	return true
}

// shortWords are the two-letter words allowed as a capitalised hump
// ("ThisIsNotAToken"); any other "Xy" hump reads as random.
var shortWords = map[string]bool{
	"is": true, "of": true, "to": true, "by": true, "at": true, "on": true, "in": true, "or": true,
	"an": true, "up": true, "id": true, "if": true, "it": true, "as": true, "be": true, "do": true,
	"go": true, "no": true, "so": true, "we": true, "my": true, "me": true, "us": true, "ok": true,
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// validGenericPhrase checks a quoted value with spaces (a passphrase):
// it is dropped when it reads as prose, i.e. every space-separated part
// is a word in any script or a number, once punctuation is trimmed
// ("Le mot de passe doit contenir au moins 8 caractères.", "Enter your
// new password"). "Tz9!F4ke Qw2x#Lp" stays.
func validGenericPhrase(s string) bool {
	if !validGenericValue(s) {
		return false
	}
	for _, f := range strings.Fields(s) {
		f = strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if f == "" {
			continue
		}
		if !proseWord(f) {
			return true
		}
	}
	return false
}

// proseWord: letters of any script with at most one capital after the
// first letter ("McDonald", "iPhone"), or a number.
func proseWord(f string) bool {
	digits, letters, caps := 0, 0, 0
	for i, r := range f {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			letters++
			if i > 0 && unicode.IsUpper(r) {
				caps++
			}
		case r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	if digits > 0 {
		return letters == 0 && digits <= 8
	}
	return caps <= 1 || caps == letters-1
}
