package secrets

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Fake AWS credentials of the verification tests.
const (
	testAWSKeyID  = "AKIAT3STF4KEDEM2KEY7"
	testAWSSecret = "8bkan1b8PF8LL911FUsyT3STbzYTYuwylNO1L5Xt"
)

// fakeProviders is one test server answering every provider's
// verification call. live says which credentials it accepts; hits counts
// requests.
func fakeProviders(t *testing.T, live map[string]bool, hits *atomic.Int64) *httptest.Server {
	t.Helper()
	status := func(w http.ResponseWriter, ok bool) {
		if ok {
			w.WriteHeader(http.StatusOK)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /user", func(w http.ResponseWriter, r *http.Request) {
		status(w, live[strings.TrimPrefix(r.Header.Get("Authorization"), "token ")])
	})
	mux.HandleFunc("GET /api/v4/user", func(w http.ResponseWriter, r *http.Request) {
		status(w, live[r.Header.Get("PRIVATE-TOKEN")])
	})
	mux.HandleFunc("POST /api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": live[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]})
	})
	bearer := func(w http.ResponseWriter, r *http.Request) {
		if k := r.Header.Get("x-api-key"); k != "" {
			status(w, live[k] && r.Header.Get("anthropic-version") != "")
			return
		}
		status(w, live[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")])
	}
	mux.HandleFunc("GET /v1/balance", bearer)
	mux.HandleFunc("GET /v1/models", bearer)
	mux.HandleFunc("GET /v3/scopes", bearer)
	mux.HandleFunc("POST /{$}", func(w http.ResponseWriter, r *http.Request) {
		// STS: recompute the SigV4 signature with the secret the server
		// knows for the key id in the credential scope.
		body, _ := io.ReadAll(r.Body)
		auth := r.Header.Get("Authorization")
		at, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
		if string(body) != stsBody || err != nil || !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential="+testAWSKeyID+"/") {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		want := sigv4(sigv4Request{method: "POST", path: "/", body: body, headers: map[string]string{
			"content-type": r.Header.Get("Content-Type"), "host": r.Host, "x-amz-date": r.Header.Get("X-Amz-Date"),
		}}, testAWSKeyID, testAWSSecret, "us-east-1", "sts", at)
		status(w, auth == want && live[testAWSKeyID])
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// verifyTree writes each verifiable rule's first sample to its own file,
// plus an AWS key id and secret key pair, and returns the secrets.
func verifyTree(t *testing.T, s *Scanner) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	secrets := map[string]string{}
	for _, r := range s.eng.rules {
		if _, ok := verifyRules[r.ID]; !ok || len(r.TP) == 0 || awsSecretRules[r.ID] || awsIDRules[r.ID] {
			continue
		}
		m := r.Regex.FindStringSubmatch(r.TP[0])
		if m == nil {
			t.Fatalf("%s: sample does not match", r.ID)
		}
		secrets[r.ID] = m[r.secretGroup]
		if err := os.WriteFile(filepath.Join(dir, r.ID+".env"), []byte(r.TP[0]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pair := "AWS_ACCESS_KEY_ID=" + testAWSKeyID + "\naws_secret_access_key = " + testAWSSecret + "\n"
	if err := os.WriteFile(filepath.Join(dir, "aws.env"), []byte(pair), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, secrets
}

func scanDir(t *testing.T, s *Scanner, dir string) []scanner.Finding {
	t.Helper()
	res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("scan: %v %v", err, res.Errors)
	}
	return res.Findings
}

// TestVerifyProviders: with Verify, every supported provider's sample is
// checked against a test server: live ones become CRITICAL with
// verified=true, the rejected GitHub token gets verified=false, the AWS
// pair is checked through a SigV4-signed STS call, and no raw secret is
// kept after the scan.
func TestVerifyProviders(t *testing.T) {
	probe, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir, secrets := verifyTree(t, probe)
	for _, p := range []string{ProviderGitHub, ProviderGitLab, ProviderSlack, ProviderStripe, ProviderOpenAI, ProviderAnthropic, ProviderSendGrid} {
		found := false
		for id := range secrets {
			found = found || verifyRules[id] == p
		}
		if !found {
			t.Errorf("no sample for provider %s", p)
		}
	}
	live := map[string]bool{testAWSKeyID: true}
	for id, sec := range secrets {
		live[sec] = id != "github-pat-classic"
	}
	var hits atomic.Int64
	srv := fakeProviders(t, live, &hits)
	eps := map[string]string{}
	for p := range verifiers {
		eps[p] = srv.URL
	}
	s, err := New(Options{Verify: true, VerifyEndpoints: eps, VerifyTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range scanDir(t, s, dir) {
		if _, ok := verifyRules[f.RuleID]; !ok {
			continue
		}
		checked++
		want := f.RuleID != "github-pat-classic"
		if got, ok := f.Properties["verified"].(bool); !ok || got != want {
			t.Errorf("%s (%s): verified %v (%v), want %v", f.RuleID, f.Location.Path, f.Properties["verified"], f.Properties["verify_error"], want)
		}
		if want && f.Severity != scanner.SeverityCritical {
			t.Errorf("%s: verified but severity %s", f.RuleID, f.Severity)
		}
	}
	if checked < len(secrets)+2 {
		t.Errorf("%d findings checked, want %d", checked, len(secrets)+2)
	}
	if s.pending != nil {
		t.Error("raw secrets kept after the scan")
	}
	st := s.Stats()
	if st["verify_rejected"] != 1 || st["verify_live"] != checked-1 {
		t.Errorf("stats live %v rejected %v", st["verify_live"], st["verify_rejected"])
	}
	// The same AWS key id with a secret key the server does not know.
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wrong := t.TempDir()
	dir = wrong
	write("aws.env", "AWS_ACCESS_KEY_ID="+testAWSKeyID+"\naws_secret_access_key = Zq7W3kR9pL2mX8vT4nB6cY1dF5gH0jK3sQ9wE2rT\n")
	for _, f := range scanDir(t, s, wrong) {
		if f.Properties["verified"] != false || (f.RuleID == "aws-access-key-id" && f.Severity == scanner.SeverityCritical) {
			t.Errorf("%s with a wrong secret key: verified %v, severity %s", f.RuleID, f.Properties["verified"], f.Severity)
		}
	}
}

// TestVerifyOffByDefault: without Verify no request is made.
func TestVerifyOffByDefault(t *testing.T) {
	var hits atomic.Int64
	srv := fakeProviders(t, map[string]bool{}, &hits)
	eps := map[string]string{}
	for p := range verifiers {
		eps[p] = srv.URL
	}
	s, err := New(Options{VerifyEndpoints: eps})
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := verifyTree(t, s)
	for _, f := range scanDir(t, s, dir) {
		if _, ok := f.Properties["verified"]; ok {
			t.Errorf("%s: verified without Verify", f.RuleID)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests without Verify", n)
	}
}

// TestVerifyTimeoutRedirectAllowList: a slow provider gives
// verify_error after the timeout, a redirect is not followed, and the
// client refuses hosts that are not on the allow-list. No error text
// carries the secret or the URL.
func TestVerifyTimeoutRedirectAllowList(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	}))
	defer slow.Close()
	var followed atomic.Int64
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { followed.Add(1) }))
	defer target.Close()
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/user", http.StatusFound)
	}))
	defer redirect.Close()
	// Every provider points at a test server: no request leaves the
	// machine.
	var hits atomic.Int64
	eps := map[string]string{}
	for p := range verifiers {
		eps[p] = fakeProviders(t, map[string]bool{}, &hits).URL
	}
	eps[ProviderSlack], eps[ProviderGitHub] = slow.URL, redirect.URL
	s, err := New(Options{Verify: true, VerifyTimeout: 200 * time.Millisecond, VerifyEndpoints: eps})
	if err != nil {
		t.Fatal(err)
	}
	dir, secrets := verifyTree(t, s)
	start := time.Now()
	for _, f := range scanDir(t, s, dir) {
		e, _ := f.Properties["verify_error"].(string)
		switch f.RuleID {
		case "slack-bot-token":
			if !strings.Contains(e, "timed out") {
				t.Errorf("slow provider: verify_error %q", e)
			}
		case "github-pat-classic":
			if !strings.Contains(e, "HTTP 302") {
				t.Errorf("redirect: verify_error %q", e)
			}
		}
		for _, sec := range secrets {
			if strings.Contains(e, sec) || strings.Contains(e, slow.URL) {
				t.Errorf("verify_error %q carries a secret or URL", e)
			}
		}
	}
	if time.Since(start) > 10*time.Second || followed.Load() != 0 {
		t.Errorf("took %s, redirect followed %d times", time.Since(start), followed.Load())
	}
	c := verifyClient(map[string]bool{"allowed.invalid:443": true}, time.Second)
	if _, err := c.Get(target.URL); err == nil || !strings.Contains(err.Error(), errHostNotAllowed.Error()) {
		t.Errorf("host off the allow-list: %v", err)
	}
}
