package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/policy/inputschema"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// TestVerifySecretsFlag: --verify-secrets checks a GitHub token against a
// test server standing in for every provider; the policy input carries
// verified: true (schema-valid) and the finding is CRITICAL. Without the
// flag no request is made.
func TestVerifySecretsFlag(t *testing.T) {
	const token = "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"
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/user" && r.Header.Get("Authorization") == "token "+token {
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer srv.Close()
	eps := map[string]string{}
	for p := range secrets.VerifyProviders() {
		eps[p] = srv.URL
	}
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "ci.env"), "GITHUB_TOKEN="+token+"\n")
	scan := func(extra ...string) (int, map[string]any) {
		t.Helper()
		input := filepath.Join(t.TempDir(), "input.json")
		var stdout, stderr bytes.Buffer
		a := &app{stdout: &stdout, stderr: &stderr, now: time.Now, registry: func(s scanSettings) scanner.Registry {
			s.verifyEndpoints = eps
			return defaultRegistry(s)
		}}
		args := append([]string{"scan", "-q", "--scanners", "secrets", "--dump-input", input}, extra...)
		code := a.run(context.Background(), append(args, root))
		raw, err := os.ReadFile(input)
		if err != nil {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if err := inputschema.Validate(raw); err != nil {
			t.Errorf("policy input does not match its schema: %v", err)
		}
		if strings.Contains(string(raw), token) || strings.Contains(stdout.String()+stderr.String(), token) {
			t.Error("the token leaked")
		}
		var in struct {
			Findings []map[string]any `json:"findings"`
		}
		if err := json.Unmarshal(raw, &in); err != nil || len(in.Findings) != 1 {
			t.Fatalf("findings: %v %d", err, len(in.Findings))
		}
		return code, in.Findings[0]
	}
	code, f := scan()
	if _, ok := f["verified"]; ok || hits.Load() != 0 {
		t.Errorf("without --verify-secrets: verified %v, %d requests", f["verified"], hits.Load())
	}
	code, f = scan("--verify-secrets", "--verify-timeout", "2s")
	if code != 1 || f["verified"] != true || f["severity"] != "CRITICAL" || hits.Load() != 1 {
		t.Errorf("with --verify-secrets: exit %d, verified %v, severity %v, %d requests", code, f["verified"], f["severity"], hits.Load())
	}
}
