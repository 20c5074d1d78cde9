package secrets_test

import (
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// regionKey is a private hash key: with one, regions are byte-exact.
var regionKey = []byte("region-test-private-key-0123456789")

// pemBody is a fake RSA key body (the sample of private-key-rsa).
var pemBody = []string{
	"MIIEpAIBAAKCAQEAc92P2+zHd3OC2pYwL82DeaGdyy8Yck0kF4nP47GiCpj7ZfZz",
	"p72dpiifA9SHEA8JMOE9mQfHdlNwl9cyhDujS38BqRV1p0do/43+7tcVtUFQwjqD",
	"SQcRkMQbZhvYSmIR9QTYrwA2Ne3pDXhg+rVlaxKQoTLHrEVWFk9VA/ZowuweIj+0",
	"GQIPd8x8La6PMHKCMPy7xCFrpGIdZWv9NgBF3fj5zZdN/+IFNS9k/tqapJMZCv0l",
	"NnFCAsWcVNRLYhITFzWVoj4DmV5fn3Qg9ZZ71ZMi3WIuoCdP6DrRnD+5MCi9ofCN",
	"Mq/zY+F7mhRrDBobCYP2QT29tGRBa9LnmH",
}

// locate returns the 1-based region of the first occurrence of region in
// text (columns in bytes, end exclusive).
func locate(t *testing.T, text, region string) scanner.Location {
	t.Helper()
	i := strings.Index(text, region)
	if i < 0 {
		t.Fatalf("region %q not in the text", region)
	}
	at := func(off int) (int, int) {
		line := 1 + strings.Count(text[:off], "\n")
		return line, off - (strings.LastIndex(text[:off], "\n") + 1) + 1
	}
	var l scanner.Location
	l.StartLine, l.StartColumn = at(i)
	l.EndLine, l.EndColumn = at(i + len(region))
	return l
}

// TestRegionColumns: a table over representative rules of the rule
// families, with the exact bytes each finding's region must cover:
// multi-byte text before the secret, quotes around it, a secret inside a
// URL, a PEM key over several lines (region to the END marker) and the
// same key JSON-escaped on one line.
func TestRegionColumns(t *testing.T) {
	pem := "-----BEGIN RSA PRIVATE KEY-----\n" + strings.Join(pemBody, "\n") + "\n-----END RSA PRIVATE KEY-----"
	jsonPEM := strings.ReplaceAll(pem, "\n", `\n`)
	cases := []struct {
		name, rule, text, region string
	}{
		{"keys: PEM over lines", "private-key-rsa", "# ключ\n" + pem + "\n# end\n", pem},
		{"keys: PEM JSON-escaped", "private-key-rsa", `{"name": "deploy", "key": "` + jsonPEM + `\n"}` + "\n", jsonPEM},
		{"keys: PEM in a YAML block", "private-key-rsa", "tls:\n  key: |\n    " + strings.ReplaceAll(pem, "\n", "\n    ") + "\n", strings.ReplaceAll(pem, "\n", "\n    ")},
		{"providers_cloud", "aws-access-key-id", "# café\nAWS_ACCESS_KEY_ID=\"AKIAT3STF4KEDEM2KEY7\"\n", "AKIAT3STF4KEDEM2KEY7"},
		{"providers_vcs_ci", "github-pat-classic", "token: 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 # ci\n", "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"},
		{"providers_comms", "slack-bot-token", "  «slack» SLACK_BOT_TOKEN='xoxb-2718281828459-3141592653589-F4keT3stTokenValueQwErTy'\n", "xoxb-2718281828459-3141592653589-F4keT3stTokenValueQwErTy"},
		{"urls", "url-postgres-password", "DATABASE_URL = \"postgresql://svc:T3st-Kx92!mQ@10.0.4.12/analytics\"\n", "T3st-Kx92!mQ"},
		{"config", "db-password-assignment", "\n\nDB_PASSWORD=\"Xk9#F4ke!pQ2\"\n", "Xk9#F4ke!pQ2"},
		{"generic", "generic-secret-assignment", "x = 1\nAPI_TOKEN_VALUE=Zk8F4keQw2pLx9T7mN3vB5cR\n", "Zk8F4keQw2pLx9T7mN3vB5cR"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "f.txt", tc.text)
			res := run(t, newScanner(t, secrets.Options{HashKey: regionKey}), dir)
			want := locate(t, tc.text, tc.region)
			want.Path = "f.txt"
			for _, f := range res.Findings {
				if f.RuleID == tc.rule {
					if f.Location != want {
						t.Errorf("region %+v, want %+v", f.Location, want)
					}
					return
				}
			}
			t.Errorf("no %s finding in %v", tc.rule, hits(res.Findings))
		})
	}
}

// TestRegionPerFamily: for the first rules of every rule family file,
// each true sample placed after a line of multi-byte text must give a
// region that is exactly the secret the rule's regex extracts (its
// "secret" group), found independently of the engine.
func TestRegionPerFamily(t *testing.T) {
	s := newScanner(t, secrets.Options{HashKey: regionKey})
	byFamily := map[string][]*secrets.Rule{}
	for _, r := range s.Rules() {
		fam := path.Base(r.Source)
		if len(byFamily[fam]) < 3 && len(r.TP) > 0 {
			byFamily[fam] = append(byFamily[fam], r)
		}
	}
	fams := make([]string, 0, len(byFamily))
	for f := range byFamily {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	if len(fams) < 10 {
		t.Fatalf("only %d rule families: %v", len(fams), fams)
	}
	for _, fam := range fams {
		for _, r := range byFamily[fam] {
			t.Run(fam+"/"+r.ID, func(t *testing.T) {
				text := "# «héllo» ünïcode\n" + r.TP[0] + "\n"
				m := r.Regex.FindStringSubmatchIndex(text)
				g := r.Regex.SubexpIndex("secret")
				if m == nil || g < 0 || m[2*g] < 0 {
					t.Skipf("the sample does not match on its own after a first line")
				}
				secret := text[m[2*g]:m[2*g+1]]
				dir := t.TempDir()
				write(t, dir, "f.txt", text)
				for _, f := range run(t, s, dir).Findings {
					if f.RuleID != r.ID {
						continue
					}
					want := locate(t, text, secret)
					if strings.HasPrefix(secret, "-----BEGIN ") {
						end := regexp.MustCompile(`-----END [A-Z ]+-----`).FindStringIndex(text)
						want.EndLine, want.EndColumn = locate(t, text, text[:end[1]]).EndLine, locate(t, text, text[:end[1]]).EndColumn
					}
					want.Path = "f.txt"
					if f.Location != want {
						t.Errorf("region %+v, want %+v (secret %q…)", f.Location, want, secret[:min(6, len(secret))])
					}
					return
				}
				t.Errorf("no %s finding", r.ID)
			})
		}
	}
}
