package secrets

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// sigv4Request is what AWS Signature Version 4 signs. Header names are
// lower-case; host is among them.
type sigv4Request struct {
	method, path, query string
	headers             map[string]string
	body                []byte
}

// sigv4 signs r for keyID/secret in region and service at t and returns
// the Authorization header value. It implements the header-based
// signature of the AWS documentation ("Create a signed AWS API request"):
// canonical request, string to sign, derived signing key, signature.
// The path and query must already be URI-encoded as AWS expects.
func sigv4(r sigv4Request, keyID, secret, region, service string, t time.Time) string {
	amzDate := t.UTC().Format("20060102T150405Z")
	date := amzDate[:8]
	names := make([]string, 0, len(r.headers))
	for k := range r.headers {
		names = append(names, k)
	}
	sort.Strings(names)
	var canon strings.Builder
	for _, k := range names {
		canon.WriteString(k + ":" + strings.Join(strings.Fields(r.headers[k]), " ") + "\n")
	}
	signed := strings.Join(names, ";")
	payload := sha256.Sum256(r.body)
	creq := strings.Join([]string{r.method, r.path, r.query, canon.String(), signed, hex.EncodeToString(payload[:])}, "\n")
	scope := date + "/" + region + "/" + service + "/aws4_request"
	ch := sha256.Sum256([]byte(creq))
	toSign := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex.EncodeToString(ch[:])
	key := hmacSHA256([]byte("AWS4"+secret), date)
	for _, part := range []string{region, service, "aws4_request"} {
		key = hmacSHA256(key, part)
	}
	sig := hex.EncodeToString(hmacSHA256(key, toSign))
	return "AWS4-HMAC-SHA256 Credential=" + keyID + "/" + scope + ", SignedHeaders=" + signed + ", Signature=" + sig
}

func hmacSHA256(key []byte, msg string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}
