package secrets

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// DefaultVerifyTimeout bounds each verification request.
const DefaultVerifyTimeout = 5 * time.Second

// verifyConcurrency bounds parallel verification requests.
const verifyConcurrency = 4

// maxPartners bounds how many AWS secret keys are tried with one key id
// (and the reverse).
const maxPartners = 3

// verifier checks one provider's credentials with a read-only API call.
type verifier struct {
	provider string
	base     string // default base URL; the host is on the allow-list
	// check returns true (live), false (rejected) or an error (unknown).
	check func(ctx context.Context, c *http.Client, base, secret, partner string) (bool, error)
}

// Provider names, the keys of [Options.VerifyEndpoints].
const (
	ProviderAWS       = "aws"
	ProviderGitHub    = "github"
	ProviderGitLab    = "gitlab"
	ProviderSlack     = "slack"
	ProviderStripe    = "stripe"
	ProviderOpenAI    = "openai"
	ProviderAnthropic = "anthropic"
	ProviderSendGrid  = "sendgrid"
)

// verifiers are the supported providers. Every call only reads the
// identity of the credential's owner.
var verifiers = map[string]verifier{
	ProviderAWS:    {ProviderAWS, "https://sts.amazonaws.com", checkAWS},
	ProviderGitHub: {ProviderGitHub, "https://api.github.com", bearerCheck("/user", "token ")},
	ProviderGitLab: {ProviderGitLab, "https://gitlab.com", headerCheck(http.MethodGet, "/api/v4/user", func(h http.Header, s string) { h.Set("PRIVATE-TOKEN", s) })},
	ProviderSlack:  {ProviderSlack, "https://slack.com", checkSlack},
	ProviderStripe: {ProviderStripe, "https://api.stripe.com", bearerCheck("/v1/balance", "Bearer ")},
	ProviderOpenAI: {ProviderOpenAI, "https://api.openai.com", bearerCheck("/v1/models", "Bearer ")},
	ProviderAnthropic: {ProviderAnthropic, "https://api.anthropic.com", headerCheck(http.MethodGet, "/v1/models", func(h http.Header, s string) {
		h.Set("x-api-key", s)
		h.Set("anthropic-version", "2023-06-01")
	})},
	ProviderSendGrid: {ProviderSendGrid, "https://api.sendgrid.com", bearerCheck("/v3/scopes", "Bearer ")},
}

// verifyRules maps rule ids to providers. AWS key ids and secret keys
// are verified in pairs found in the same file.
var verifyRules = map[string]string{
	"aws-access-key-id":            ProviderAWS,
	"aws-secret-access-key":        ProviderAWS,
	"aws-secret-access-key-pair":   ProviderAWS,
	"github-pat-classic":           ProviderGitHub,
	"github-fine-grained-pat":      ProviderGitHub,
	"github-oauth-access-token":    ProviderGitHub,
	"github-user-to-server-token":  ProviderGitHub,
	"gitlab-personal-access-token": ProviderGitLab,
	"slack-bot-token":              ProviderSlack,
	"slack-user-token":             ProviderSlack,
	"stripe-secret-key-live":       ProviderStripe,
	"stripe-restricted-key-live":   ProviderStripe,
	"openai-api-key-legacy":        ProviderOpenAI,
	"openai-project-key":           ProviderOpenAI,
	"openai-service-account-key":   ProviderOpenAI,
	"openai-admin-key":             ProviderOpenAI,
	"openai-user-key":              ProviderOpenAI,
	"anthropic-api-key":            ProviderAnthropic,
	"anthropic-admin-key":          ProviderAnthropic,
	"sendgrid-api-key":             ProviderSendGrid,
}

// awsIDRules and awsSecretRules pair up for STS.
var (
	awsIDRules     = map[string]bool{"aws-access-key-id": true}
	awsSecretRules = map[string]bool{"aws-secret-access-key": true, "aws-secret-access-key-pair": true}
)

// VerifyProviders lists the providers --verify-secrets checks, with the
// rule ids of each.
func VerifyProviders() map[string][]string {
	out := map[string][]string{}
	for id, p := range verifyRules {
		out[p] = append(out[p], id)
	}
	return out
}

// verifyJob is one finding waiting for verification. The raw secret (and
// its AWS partners) live only here, inside the package, until the scan's
// verification pass ends.
type verifyJob struct {
	provider string
	secret   string
	partners []string // AWS: the other halves found in the same text
	aws      bool     // secret is the key id (true) or the secret key
}

// pendingKey identifies a finding across the copy from worker to result.
func pendingKey(rule, path, evidence string) string {
	return rule + "\x00" + path + "\x00" + evidence
}

// queueVerify records the verifiable candidates among keep (one text's
// kept candidates) for the findings built from them.
func (s *Scanner) queueVerify(keep []cand, path string) {
	var ids, keys []string
	for _, c := range keep {
		switch id := s.eng.rules[c.rule].ID; {
		case awsIDRules[id]:
			ids = append(ids, c.secret)
		case awsSecretRules[id]:
			keys = append(keys, c.secret)
		}
	}
	s.pendMu.Lock()
	defer s.pendMu.Unlock()
	if s.pending == nil {
		s.pending = map[string]*verifyJob{}
	}
	for _, c := range keep {
		id := s.eng.rules[c.rule].ID
		p, ok := verifyRules[id]
		if !ok {
			continue
		}
		j := &verifyJob{provider: p, secret: c.secret}
		switch {
		case awsIDRules[id]:
			j.aws, j.partners = true, firstN(keys, maxPartners)
		case awsSecretRules[id]:
			j.partners = firstN(ids, maxPartners)
		}
		s.pending[pendingKey(id, path, s.evidence(c.secret))] = j
	}
}

func firstN(s []string, n int) []string { return append([]string(nil), s[:min(n, len(s))]...) }

// verifyClient is an HTTP client that only talks to allowed hosts, never
// follows redirects and gives up after timeout per request.
func verifyClient(allowed map[string]bool, timeout time.Duration) *http.Client {
	base := http.DefaultTransport.(*http.Transport).Clone()
	return &http.Client{
		Timeout:   timeout,
		Transport: allowTransport{allowed: allowed, next: base},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

type allowTransport struct {
	allowed map[string]bool
	next    http.RoundTripper
}

var errHostNotAllowed = errors.New("host not on the verification allow-list")

func (t allowTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if !t.allowed[r.URL.Host] {
		return nil, errHostNotAllowed
	}
	return t.next.RoundTrip(r)
}

// endpoints returns each provider's base URL (defaults overridden by
// Options.VerifyEndpoints) and the allow-list of their hosts.
func (s *Scanner) endpoints() (map[string]string, map[string]bool, error) {
	bases := map[string]string{}
	allowed := map[string]bool{}
	for p, v := range verifiers {
		bases[p] = v.base
	}
	for p, b := range s.opts.VerifyEndpoints {
		if _, ok := verifiers[p]; !ok {
			return nil, nil, fmt.Errorf("verify endpoint for unknown provider %q", p)
		}
		bases[p] = b
	}
	for p, b := range bases {
		u, err := url.Parse(b)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return nil, nil, fmt.Errorf("verify endpoint for %s: %q is not an http(s) URL", p, b)
		}
		bases[p] = strings.TrimRight(b, "/")
		allowed[u.Host] = true
	}
	return bases, allowed, nil
}

// verifyFindings checks the queued candidates of fs against their
// providers and marks the findings: verified true (live: severity
// CRITICAL), false (rejected), or verify_error (could not tell). The
// queue is emptied, whatever happens.
func (s *Scanner) verifyFindings(ctx context.Context, fs []scanner.Finding) {
	s.pendMu.Lock()
	pending := s.pending
	s.pending = nil
	s.pendMu.Unlock()
	if len(pending) == 0 {
		return
	}
	bases, allowed, err := s.endpoints()
	if err != nil {
		s.log.Warn("secret verification disabled", "error", err)
		return
	}
	timeout := s.opts.VerifyTimeout
	if timeout <= 0 {
		timeout = DefaultVerifyTimeout
	}
	client := verifyClient(allowed, timeout)
	type result struct {
		ok  bool
		err error
	}
	var (
		mu                      sync.Mutex
		live, rejected, unknown int
		cache                   = map[string]*result{} // provider + secret (+ partner) -> result
		sem                     = make(chan struct{}, verifyConcurrency)
		wg                      sync.WaitGroup
	)
	check := func(v verifier, secret, partner string) result {
		key := v.provider + "\x00" + secret + "\x00" + partner
		mu.Lock()
		if r, ok := cache[key]; ok {
			mu.Unlock()
			return *r
		}
		mu.Unlock()
		sem <- struct{}{}
		ok, err := v.check(ctx, client, bases[v.provider], secret, partner)
		<-sem
		r := result{ok, err}
		mu.Lock()
		cache[key] = &r
		mu.Unlock()
		return r
	}
	for i := range fs {
		f := &fs[i]
		j := pending[pendingKey(f.RuleID, f.Location.Path, f.Evidence)]
		if j == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := verifiers[j.provider]
			var r result
			switch {
			case j.provider != ProviderAWS:
				r = check(v, j.secret, "")
			case len(j.partners) == 0:
				r = result{err: errors.New("no secret access key (or key id) in the same file to pair with")}
			default:
				for _, p := range j.partners {
					id, key := j.secret, p
					if !j.aws {
						id, key = p, j.secret
					}
					if r = check(v, id, key); r.ok {
						break
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case r.ok:
				f.Properties["verified"] = true
				f.Severity = scanner.SeverityCritical
				live++
			case r.err != nil:
				f.Properties["verify_error"] = r.err.Error()
				unknown++
			default:
				f.Properties["verified"] = false
				rejected++
			}
		}()
	}
	wg.Wait()
	s.mu.Lock()
	s.stats.verifyLive, s.stats.verifyRejected, s.stats.verifyUnknown = live, rejected, unknown
	s.mu.Unlock()
}

// verifyStatus turns a provider's HTTP status into live / rejected /
// unknown. Errors carry only the status, never a URL or body.
func verifyStatus(code int) (bool, error) {
	switch {
	case code >= 200 && code < 300:
		return true, nil
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return false, nil
	}
	return false, fmt.Errorf("provider answered HTTP %d", code)
}

// do sends req and returns its status and up to 64 KiB of its body. The
// error names only the kind of failure: a URL error would carry the
// endpoint, and nothing here may carry the credential.
func do(c *http.Client, req *http.Request) (int, []byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		var ne net.Error
		switch {
		case errors.Is(err, errHostNotAllowed):
			return 0, nil, errHostNotAllowed
		case errors.As(err, &ne) && ne.Timeout():
			return 0, nil, errors.New("verification request timed out")
		}
		return 0, nil, errors.New("verification request failed (network)")
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, body, nil
}

func newRequest(ctx context.Context, method, u string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, errors.New("verification request could not be built")
	}
	req.Header.Set("User-Agent", "tollgate-secret-verification")
	return req, nil
}

// headerCheck: method path with the secret put in the request headers by
// set; 2xx is live, 401/403 rejected.
func headerCheck(method, path string, set func(h http.Header, secret string)) func(context.Context, *http.Client, string, string, string) (bool, error) {
	return func(ctx context.Context, c *http.Client, base, secret, _ string) (bool, error) {
		req, err := newRequest(ctx, method, base+path, nil)
		if err != nil {
			return false, err
		}
		set(req.Header, secret)
		code, _, err := do(c, req)
		if err != nil {
			return false, err
		}
		return verifyStatus(code)
	}
}

// bearerCheck: GET path with "Authorization: <scheme><secret>".
func bearerCheck(path, scheme string) func(context.Context, *http.Client, string, string, string) (bool, error) {
	return headerCheck(http.MethodGet, path, func(h http.Header, secret string) { h.Set("Authorization", scheme+secret) })
}

// checkSlack: POST /api/auth.test answers 200 with {"ok": bool}.
func checkSlack(ctx context.Context, c *http.Client, base, secret, _ string) (bool, error) {
	req, err := newRequest(ctx, http.MethodPost, base+"/api/auth.test", nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	code, body, err := do(c, req)
	if err != nil {
		return false, err
	}
	if code != http.StatusOK {
		return verifyStatus(code)
	}
	var r struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &r) != nil {
		return false, errors.New("provider answered with an unreadable body")
	}
	return r.OK, nil
}

// stsBody is the form body of STS GetCallerIdentity.
const stsBody = "Action=GetCallerIdentity&Version=2011-06-15"

// checkAWS calls STS GetCallerIdentity signed (SigV4, us-east-1) with the
// key id and secret key: 200 means the pair is live.
func checkAWS(ctx context.Context, c *http.Client, base, keyID, secretKey string) (bool, error) {
	req, err := newRequest(ctx, http.MethodPost, base+"/", strings.NewReader(stsBody))
	if err != nil {
		return false, err
	}
	now := time.Now().UTC()
	headers := map[string]string{
		"content-type": "application/x-www-form-urlencoded; charset=utf-8",
		"host":         req.URL.Host,
		"x-amz-date":   now.Format("20060102T150405Z"),
	}
	req.Header.Set("Content-Type", headers["content-type"])
	req.Header.Set("X-Amz-Date", headers["x-amz-date"])
	req.Header.Set("Authorization", sigv4(sigv4Request{method: http.MethodPost, path: "/", headers: headers, body: []byte(stsBody)},
		keyID, secretKey, "us-east-1", "sts", now))
	code, _, err := do(c, req)
	if err != nil {
		return false, err
	}
	return verifyStatus(code)
}
