package secrets_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

const fixtures = "../../testdata/secrets"

// planted lists every secret value hidden in testdata/secrets/tree. None
// of them may appear anywhere in the scan's output.
// plantedSecrets reads testdata/secrets/planted.txt, shared with the
// CLI's every-format leak test.
func plantedSecrets(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/secrets/planted.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

func newScanner(t *testing.T, o secrets.Options) *secrets.Scanner {
	t.Helper()
	s, err := secrets.New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func run(t *testing.T, s *secrets.Scanner, root string) *scanner.Result {
	t.Helper()
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, e := range res.Errors {
		t.Fatalf("scanner error: %v", e)
	}
	return res
}

type hit struct {
	Path string
	Line int
	Rule string
}

func hits(fs []scanner.Finding) []hit {
	var out []hit
	for _, f := range fs {
		out = append(out, hit{f.Location.Path, f.Location.StartLine, f.RuleID})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// TestFixtureTree pins what the built-in rules find in the fixture tree:
// config formats, a UTF-16 file, a base64 blob, suppressions, and a file
// of look-alikes that must stay quiet.
func TestFixtureTree(t *testing.T) {
	res := run(t, newScanner(t, secrets.Options{}), filepath.Join(fixtures, "tree"))
	want := []hit{
		{".env", 2, "db-password-assignment"},
		{".npmrc", 2, "npmrc-auth-token"},
		{"config/application.properties", 4, "spring-datasource-password"},
		{"deploy/secret.yaml", 7, "kubernetes-secret-data"},
		{"docker/config.json", 4, "docker-config-auth"},
		{"keys/id_rsa", 1, "private-key-rsa"},
		{"notes/encoded.txt", 2, "generic-password-assignment"},
		{"src/app.py", 3, "url-postgres-password"},
		{"src/app.py", 5, "generic-password-assignment"},
		{"src/app.py", 5, "generic-secret-assignment"},
		// Suppressed for another rule only: still reported.
		{"src/suppressed.py", 5, "generic-secret-assignment"},
		{"win/creds.ps1", 2, "db-password-assignment"},
	}
	if diff := cmp.Diff(want, hits(res.Findings)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for _, f := range res.Findings {
		if f.Fingerprint == "" || len(f.Evidence) != 32 || f.Scanner != secrets.Name {
			t.Errorf("%s %s: fingerprint %q evidence %q scanner %q", f.Location.Path, f.RuleID, f.Fingerprint, f.Evidence, f.Scanner)
		}
		if f.Location.StartColumn < 1 || f.Location.EndLine < f.Location.StartLine {
			t.Errorf("%s %s: bad location %+v", f.Location.Path, f.RuleID, f.Location)
		}
	}
	st := res.Scanners[0].Extra
	if st["suppressed"] != 3 || st["utf16_files"] != 1 {
		t.Errorf("stats: suppressed %v utf16 %v, want 3 and 1", st["suppressed"], st["utf16_files"])
	}
}

// TestNoSecretLeaves plants secrets, scans, and marshals every finding and
// every statistic: no planted value may appear, not even in part of a
// multi-secret line.
func TestNoSecretLeaves(t *testing.T) {
	s := newScanner(t, secrets.Options{})
	res := run(t, s, filepath.Join(fixtures, "tree"))
	if len(res.Findings) < 10 {
		t.Fatalf("only %d findings: the fixture tree is not being scanned", len(res.Findings))
	}
	out, err := json.Marshal(struct {
		R *scanner.Result
		S map[string]any
	}{res, s.Stats()})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plantedSecrets(t) {
		if bytes.Contains(out, []byte(p)) {
			t.Errorf("planted secret %q leaked into the output", p)
		}
		// Also no long piece of it (more than the 4-character prefix).
		if len(p) > 8 && bytes.Contains(out, []byte(p[:len(p)/2+2])) {
			t.Errorf("half of planted secret %q leaked", p)
		}
	}
	key, _ := os.ReadFile(filepath.Join(fixtures, "tree/keys/id_rsa"))
	for _, line := range strings.Split(string(key), "\n")[1:5] {
		if bytes.Contains(out, []byte(line)) {
			t.Errorf("private key line %q leaked", line)
		}
	}
}

// TestRedactedSnippet checks the mask: with a private hash key, at most
// four characters and never more than a quarter of the secret; without
// one, a bare "****".
func TestRedactedSnippet(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.env", "DB_PASSWORD=Kq8F4ke\nAPI_TOKEN_VALUE=Zk8F4keQw2pLx9T7mN3vB5cR\n")
	for _, tc := range []struct {
		name string
		key  []byte
		want map[string]string
	}{
		{"keyed", []byte("a-private-key-of-the-team-0123456789"), map[string]string{
			"db-password-assignment":    "DB_PASSWORD=K****",
			"generic-secret-assignment": "API_TOKEN_VALUE=Zk8F****",
		}},
		{"no key", nil, map[string]string{
			"db-password-assignment":    "DB_PASSWORD=****",
			"generic-secret-assignment": "API_TOKEN_VALUE=****",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, newScanner(t, secrets.Options{HashKey: tc.key}), dir)
			got := map[string]string{}
			for _, f := range res.Findings {
				got[f.RuleID] = f.Snippet
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("snippets (-want +got):\n%s", diff)
			}
		})
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHashKey: the evidence hash depends on the key, the default is
// stable, and the fingerprint never depends on the line.
func TestHashKey(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.env", "DB_PASSWORD=Kq8F4ke!Wz2p\n")
	moved := t.TempDir()
	write(t, moved, "a.env", "\n\n# moved down\nDB_PASSWORD=Kq8F4ke!Wz2p\n")
	a := run(t, newScanner(t, secrets.Options{}), dir).Findings[0]
	b := run(t, newScanner(t, secrets.Options{}), moved).Findings[0]
	c := run(t, newScanner(t, secrets.Options{HashKey: []byte("other")}), dir).Findings[0]
	if a.Fingerprint != b.Fingerprint || a.Evidence != b.Evidence {
		t.Errorf("fingerprint changed when the line moved: %s vs %s", a.Fingerprint, b.Fingerprint)
	}
	if a.Evidence == c.Evidence {
		t.Errorf("evidence does not depend on the hash key")
	}
	// Pinned: the default key must never change silently, or every
	// baseline breaks.
	if a.Evidence != "28baa4f0216c6562dcf8f851280d786f" {
		t.Errorf("default-key evidence is %s; changing the default key breaks every baseline", a.Evidence)
	}
}

func TestExtraRuleFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "svc.go", "const tok = \"acme_9f8e7d6c5b4a39281706f5e4d3c2b1a0\"\nconst ok = \"acme_00000000000000000000000000000000\"\n")
	write(t, dir, "fixtures/svc.go", "const tok = \"acme_9f8e7d6c5b4a39281706f5e4d3c2b1a0\"\n")
	write(t, dir, "legacy.cfg", "key=ACMEKEY-Q8W2F4KEPLX9MKV7TNR3\n")
	write(t, dir, "legacy.txt", "key=ACMEKEY-Q8W2F4KEPLX9MKV7TNR3\n")
	write(t, dir, "deploy.sh", "ACME_DEPLOY=acmedk_Zk8F4keQw2pLx9T7mN3vB5cR\n")
	s := newScanner(t, secrets.Options{
		DisableBuiltin: true,
		ExtraRuleFiles: []string{filepath.Join(fixtures, "gitleaks/custom.toml"), filepath.Join(fixtures, "custom-rules.yaml")},
	})
	if n := len(s.Rules()); n != 3 {
		t.Fatalf("%d rules loaded, want 3", n)
	}
	want := []hit{
		{"deploy.sh", 1, "acme-deploy-key"},
		{"legacy.cfg", 1, "acme-legacy-key"},
		{"svc.go", 1, "acme-internal-token"},
	}
	if diff := cmp.Diff(want, hits(run(t, s, dir).Findings)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestBadRuleFiles(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"nokw.yaml":    "rules:\n  - id: x\n    description: d\n    severity: HIGH\n    regex: '(?P<secret>x+)'\n    tp: [x]\n    fp: [y]\n",
		"nogroup.yaml": "rules:\n  - id: x\n    description: d\n    severity: HIGH\n    regex: 'x+'\n    keywords: [x]\n    tp: [x]\n    fp: [y]\n",
		"typo.yaml":    "rules:\n  - id: x\n    description: d\n    severity: HIGH\n    regex: '(?P<secret>x+)'\n    keywords: [x]\n    stopword: [a]\n    tp: [x]\n    fp: [y]\n",
		"badre.toml":   "[[rules]]\nid = \"x\"\nregex = '''(unclosed'''\n",
	}
	for name, content := range cases {
		write(t, dir, name, content)
		if _, err := secrets.New(secrets.Options{ExtraRuleFiles: []string{filepath.Join(dir, name)}}); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error does not name the file: %v", name, err)
		}
	}
	// A user rule may not reuse a built-in id.
	write(t, dir, "dup.yaml", "rules:\n  - id: private-key-rsa\n    description: d\n    severity: HIGH\n    regex: '(?P<secret>x+)'\n    keywords: [x]\n    tp: [x]\n    fp: [y]\n")
	if _, err := secrets.New(secrets.Options{ExtraRuleFiles: []string{filepath.Join(dir, "dup.yaml")}}); err == nil {
		t.Error("duplicate id accepted")
	}
}

func TestMaxFileSizeAndSkips(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "big.env", "DB_PASSWORD=Kq8F4ke!Wz2p\n"+strings.Repeat("# padding\n", 200))
	write(t, dir, "small.env", "DB_PASSWORD=Kq8F4ke!Wz2p\n")
	write(t, dir, "package-lock.json", "{\"DB_PASSWORD\": \"Kq8F4ke!Wz2p\"}\n")
	write(t, dir, "app.min.js", "var DB_PASSWORD=\"Kq8F4ke!Wz2p\";\n")
	s := newScanner(t, secrets.Options{MaxFileSize: 1000})
	res := run(t, s, dir)
	if diff := cmp.Diff([]hit{{"small.env", 1, "db-password-assignment"}}, hits(res.Findings)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	sk, _ := s.Stats()["skipped"].(map[string]int)
	if sk["too_large"] != 1 {
		t.Errorf("skipped %v, want too_large 1", sk)
	}
	all := newScanner(t, secrets.Options{SkipPaths: []string{}})
	if n := len(run(t, all, dir).Findings); n != 4 {
		t.Errorf("with no skip paths: %d findings, want 4", n)
	}
}

// TestGitHistory builds a repository and scans REF..HEAD: only lines
// added after REF count, with commit and author in the properties.
func TestGitHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	gitc := gitIn(t, dir)
	gitc("init", "-q", "-b", "main")
	write(t, dir, "old.env", "DB_PASSWORD=Old8F4ke!Wz2p\n")
	gitc("add", ".")
	gitc("commit", "-q", "-m", "base")
	base := gitc("rev-parse", "HEAD")
	write(t, dir, "app/.env", "# config\nAPP=1\nDB_PASSWORD=New8F4ke!Wz2p\n")
	write(t, dir, "old.env", "DB_PASSWORD=Old8F4ke!Wz2p\nREDIS_URL=redis://default:Zk4F4keW9pQ2rT@cache.acme.io:6379\n")
	gitc("add", ".")
	gitc("commit", "-q", "-m", "add config")
	added := gitc("rev-parse", "HEAD")
	// Removing the secret later does not hide it from history.
	write(t, dir, "app/.env", "# config\nAPP=1\n")
	gitc("commit", "-q", "-am", "remove secret")

	s := newScanner(t, secrets.Options{GitSince: base})
	res := run(t, s, dir)
	want := []hit{{"app/.env", 3, "db-password-assignment"}, {"old.env", 2, "url-redis-password"}}
	if diff := cmp.Diff(want, hits(res.Findings)); diff != "" {
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
	f := res.Findings[0]
	if f.Properties["commit"] != added || f.Properties["author"] != "Ada <ada@acme.io>" {
		t.Errorf("properties %v, want commit %s by Ada", f.Properties, added)
	}
	// Same secret in the working tree: same fingerprint (commit not in it).
	write(t, dir, "app/.env", "# config\nAPP=1\nDB_PASSWORD=New8F4ke!Wz2p\n")
	tree := run(t, newScanner(t, secrets.Options{}), dir)
	i := slices.IndexFunc(tree.Findings, func(x scanner.Finding) bool { return x.Location.Path == "app/.env" })
	if i < 0 || tree.Findings[i].Fingerprint != f.Fingerprint {
		t.Errorf("history fingerprint %s differs from tree fingerprint", f.Fingerprint)
	}
	if st := s.Stats(); st["history_commits"] != 2 {
		t.Errorf("history_commits %v, want 2", st["history_commits"])
	}
	bad := newScanner(t, secrets.Options{GitSince: "no-such-ref"})
	if _, err := bad.Scan(context.Background(), scanner.Target{Root: dir}); err == nil {
		t.Error("unknown ref: no error")
	}
}

// gitIn runs git in dir with a fixed author and date and no user
// configuration, failing the test on error.
func gitIn(t *testing.T, dir string) func(args ...string) string {
	return func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Ada", "GIT_AUTHOR_EMAIL=ada@acme.io", "GIT_COMMITTER_NAME=Ada",
			"GIT_COMMITTER_EMAIL=ada@acme.io", "GIT_AUTHOR_DATE=2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE=2026-01-02T03:04:05Z",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
}
