package secrets_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// gitleaksTree writes the files TestGitleaksFullFormat scans. Every
// value is fake.
func gitleaksTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	const key = "acmk_Q8w2F4keLx9mKv7TnR3bY5cZ"
	files := map[string]string{
		"app/config.env":     "ACME_KEY=" + key + "\n",
		"app/fixture.env":    "ACME_FIXTURE=" + key + "\n",               // rule allowlist, regexTarget line
		"vendor/lib/x.env":   "ACME_KEY=" + key + "\n",                   // global path
		"app/zz.env":         "ACME_KEY=acmk_ZzQ8w2F4keLx9mKv7TnR3bY5\n", // global regex
		"app/notreal.env":    "ACME_KEY=acmk_NotReal8w2F4keLx9mKv7TnR\n", // global stopword
		"legacy/a.env":       "old acmk_legacyQ8w2F4keLx9mKv7TnR\n",      // AND: path and stopword
		"app/legacy.env":     "ACME_KEY=acmk_legacyQ8w2F4keLx9mKv7TnR\n", // AND: stopword only, reported
		"docs/guide.md":      "example: " + key + "\n",                   // targeted AND: path and line
		"docs/other.md":      "the key " + key + "\n",                    // targeted AND: path only, reported
		"app/example.txt":    "example: " + key + "\n",                   // targeted AND: line only, reported
		"app/low.env":        "ACME_KEY=acmk_abababababababababababab\n", // entropy
		"app/client.env":     "ACME_CLIENT_ID=acmc_830274619352\nACME_PAIR=acms_q8w2f4kelx9mkv7tnr3by5cz0j6hgs1d\n",
		"app/lonely.env":     "ACME_PAIR=acms_q8w2f4kelx9mkv7tnr3by5cz0j6hgs1d\n",
		"app/far.env":        "ACME_CLIENT_ID=acmc_830274619352\n\n\n\n\nACME_PAIR=acms_q8w2f4kelx9mkv7tnr3by5cz0j6hgs1d\n",
		"app/wide.env":       "ACME_CLIENT_ID=acmc_830274619352\n" + strings.Repeat(" ", 60) + "ACME_PAIR=acms_q8w2f4kelx9mkv7tnr3by5cz0j6hgs1d\n",
		"app/db.py":          "acmedbcred = \"Xk9F4keWq2pLm8\"\n",
		"app/db_test.py":     "acmedbcred = \"testing-Q8w2F4ke\"\n", // rule allowlist, regexTarget match
		"keys/prod.acmeks":   "\x00\x01binary keystore\x00",         // path-only rule, binary file
		"vendor/x.acmeks":    "keystore",                            // path-only rule, global path
		"app/legacy.cfg":     "key=ACMEKEY-Q8W2F4KEPLX9MKV7TNR3\n",
		"app/aws.env":        "AWS_ACCESS_KEY_ID=AKIAT3STF4KEDEM2KEY7\n",
		"aws-fixtures/creds": "AWS_ACCESS_KEY_ID=AKIAT3STF4KEDEM2KEY7\n",                                    // merged allowlist on a built-in rule
		"app/slack.env":      "SLACK_BOT_TOKEN=xoxb-2718281828459-3141592653589-F4keT3stTokenValueQwErTy\n", // disabled
	}
	for name, content := range files {
		write(t, dir, name, content)
	}
	return dir
}

// TestGitleaksFullFormat loads a gitleaks configuration using every
// construct of the format and checks what each one does.
func TestGitleaksFullFormat(t *testing.T) {
	s := newScanner(t, secrets.Options{ExtraRuleFiles: []string{filepath.Join(fixtures, "gitleaks/full.toml")}})
	for _, r := range s.Rules() {
		if r.ID == "slack-bot-token" {
			t.Error("disabledRules: slack-bot-token still loaded")
		}
	}
	res := run(t, s, gitleaksTree(t))
	want := []hit{
		{"app/aws.env", 1, "aws-access-key-id"},
		{"app/client.env", 2, "acme-client-secret"},
		{"app/config.env", 1, "acme-api-key"},
		{"app/db.py", 1, "acme-db-password"},
		{"app/example.txt", 1, "acme-api-key"},
		{"app/legacy.cfg", 1, "acme-legacy"},
		{"app/legacy.env", 1, "acme-api-key"},
		{"docs/other.md", 1, "acme-api-key"},
		{"keys/prod.acmeks", 0, "acme-keystore"},
	}
	if diff := cmp.Diff(want, hits(res.Findings)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for _, f := range res.Findings {
		switch f.RuleID {
		case "acme-api-key":
			if !cmp.Equal(f.Tags, []string{"secret", "acme", "api-key"}) {
				t.Errorf("tags %v", f.Tags)
			}
		case "acme-db-password":
			// secretGroup 2: the region is the password, not the name.
			if f.Location.StartColumn != 15 {
				t.Errorf("secretGroup: start column %d, want 15", f.Location.StartColumn)
			}
		case "acme-keystore":
			if f.Properties["path_only"] != true || f.Evidence == "" {
				t.Errorf("path-only finding: %+v", f)
			}
		}
	}
}

// TestGitleaksIgnore: .gitleaksignore entries "file:rule-id:line" drop
// findings in directory mode; the count is in the stats.
func TestGitleaksIgnore(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.env", "DB_PASSWORD=Kq8F4ke!Wz2p\n")
	write(t, dir, "b.env", "DB_PASSWORD=Kq8F4ke!Wz2p\n")
	write(t, dir, ".gitleaksignore", "# reviewed\n./a.env:db-password-assignment:1\nb.env:db-password-assignment:7\n")
	s := newScanner(t, secrets.Options{})
	res := run(t, s, dir)
	if diff := cmp.Diff([]hit{{"b.env", 1, "db-password-assignment"}}, hits(res.Findings)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if n := s.Stats()["gitleaks_ignored"]; n != 1 {
		t.Errorf("gitleaks_ignored = %v, want 1", n)
	}
}

// TestGitleaksHistoryCommits: in history mode a .gitleaksignore entry
// "commit:file:rule-id:line" drops that commit's finding only, an
// allowlist's commits drop every finding of those commits, and a
// path-only rule sees a binary file a commit added.
func TestGitleaksHistoryCommits(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	gitc := gitIn(t, dir)
	gitc("init", "-q")
	write(t, dir, "README", "base\n")
	gitc("add", ".")
	gitc("commit", "-qm", "base")
	write(t, dir, "a.env", "ACME_KEY=acmk_Q8w2F4keLx9mKv7TnR3bY5cZ\n")
	write(t, dir, "b.env", "ACME_KEY=acmk_Lx9mKv7TnR3bY5cZQ8w2F4ke\n")
	write(t, dir, "keys/prod.acmeks", "\x00\x01binary keystore\x00") // git shows no text
	gitc("add", ".")
	gitc("commit", "-qm", "one")
	first := gitc("rev-parse", "HEAD")
	write(t, dir, "c.env", "ACME_KEY=acmk_Kv7TnR3bY5cZQ8w2F4keLx9m\n")
	gitc("add", ".")
	gitc("commit", "-qm", "two")
	second := gitc("rev-parse", "HEAD")
	rules := filepath.Join(t.TempDir(), "r.toml")
	write(t, filepath.Dir(rules), "r.toml", `[[rules]]
id = "acme-api-key"
regex = '''\b(acmk_[A-Za-z0-9]{24})\b'''
keywords = ["acmk_"]
[[rules]]
id = "acme-keystore"
path = '''\.acmeks$'''
[[allowlists]]
commits = ["`+strings.ToUpper(second)+`"]
`)
	write(t, dir, ".gitleaksignore", first+":a.env:acme-api-key:1\n")
	s := newScanner(t, secrets.Options{DisableBuiltin: true, ExtraRuleFiles: []string{rules}, GitSince: "HEAD~2"})
	if diff := cmp.Diff([]hit{{"b.env", 1, "acme-api-key"}, {"keys/prod.acmeks", 0, "acme-keystore"}}, hits(run(t, s, dir).Findings)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestBadGitleaksConfigs: each malformed construct is an error naming the
// file.
func TestBadGitleaksConfigs(t *testing.T) {
	dir := t.TempDir()
	rule := "[[rules]]\nid = \"x\"\nregex = '''x(y)'''\n"
	cases := map[string]string{
		"noregex.toml":    "[[rules]]\nid = \"x\"\n",
		"condition.toml":  rule + "[[rules.allowlists]]\ncondition = \"XOR\"\nregexes = ['''a''']\n",
		"target.toml":     rule + "[[rules.allowlists]]\nregexTarget = \"file\"\nregexes = ['''a''']\n",
		"empty.toml":      rule + "[[rules.allowlists]]\ndescription = \"nothing\"\n",
		"targetrule.toml": rule + "[[allowlists]]\ntargetRules = [\"nope\"]\nregexes = ['''a''']\n",
		"required.toml":   rule + "[[rules.required]]\nid = \"nope\"\n",
		"group.toml":      "[[rules]]\nid = \"x\"\nregex = '''x(y)'''\nsecretGroup = 3\n",
		"extend.toml":     "[extend]\nuseDefault = true\npath = \"other.toml\"\n" + rule,
		"loop.toml":       "[extend]\npath = \"loop.toml\"\n" + rule,
		"badpath.toml":    "[[rules]]\nid = \"x\"\npath = '''(unclosed'''\n",
	}
	for name, content := range cases {
		write(t, dir, name, content)
		_, err := secrets.New(secrets.Options{ExtraRuleFiles: []string{filepath.Join(dir, name)}})
		if err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error does not name the file: %v", name, err)
		}
	}
}

// TestGitleaksDefaultConfig loads gitleaks' own default configuration
// from the Go module cache, when a gitleaks v8 module is there (it is
// never copied into this repository): every rule must load and compile.
func TestGitleaksDefaultConfig(t *testing.T) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skip("go env GOMODCACHE:", err)
	}
	found, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "github.com/zricethezav/gitleaks/v8@v8.*/config/gitleaks.toml"))
	if len(found) == 0 {
		t.Skip("no gitleaks v8 module in the module cache")
	}
	for _, cfg := range found {
		raw, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Count(string(raw), "\n[[rules]]")
		own, err := secrets.ParseGitleaksTOML(cfg, raw)
		if err != nil {
			t.Fatalf("%s: %v", cfg, err)
		}
		if len(own) != want {
			t.Errorf("%s: %d rules, want %d", cfg, len(own), want)
		}
		// With the built-in rules: ids gitleaks shares with tollgate are
		// replaced by gitleaks', the rest added.
		s := newScanner(t, secrets.Options{ExtraRuleFiles: []string{cfg}})
		got := map[string]bool{}
		for _, r := range s.Rules() {
			got[r.ID] = true
		}
		for _, r := range own {
			if !got[r.ID] {
				t.Errorf("rule %s not loaded", r.ID)
			}
		}
		res := run(t, s, filepath.Join(fixtures, "tree"))
		if len(res.Findings) == 0 {
			t.Error("no findings on the fixture tree with gitleaks' rules added")
		}
		t.Logf("%s: %d rules, %d findings on the fixture tree", filepath.Base(filepath.Dir(filepath.Dir(cfg))), len(own), len(res.Findings))
	}
}
