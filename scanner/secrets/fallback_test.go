package secrets

import (
	"slices"
	"testing"
)

// TestFallbackRuleYields checks that the provider-name rule reports a value
// only where no other rule does: a specific or generic rule on the same
// span keeps its finding (and so its id and fingerprint), alone.
func TestFallbackRuleYields(t *testing.T) {
	s := builtin(t)
	cases := []struct {
		name, content string
		want          []string
	}{
		{"alone", `mixpanel: "Zk8T3STQw2pLx9mN3vB5cR7d"`, []string{"provider-name-assignment"}},
		{"specific wins", `GITHUB_PAT_KEY=ghp_` + "IDtU1T3STI0K8ynIHFxlxtwv6ZuTmM4AzEuX", []string{"github-pat-classic"}},
		{"generic wins", `STRIPE_WEBHOOK_SIGNING_TOKEN="q8Wz2T3STLx9mKv7TnR3bY5c"`, []string{"generic-secret-assignment"}},
		{"provider context wins", `MIXPANEL_API_SECRET=7e57a1ea4cc07c0de25dda6da3bb259b`, []string{"mixpanel-api-secret"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ruleIDs(scanOne(t, s, "app/settings.env", c.content))
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestFallbackYAMLField checks that "fallback: true" reaches the rule and
// that a rule without it is not a fallback.
func TestFallbackYAMLField(t *testing.T) {
	src := []byte(`rules:
  - id: acme-a
    description: a
    severity: LOW
    regex: '\b(?P<secret>acme_[a-z0-9]{16})\b'
    keywords: [acme_]
    fallback: true
    tp: ['acme_q8wz2t3stlx9mkv7']
    fp: ['acme_']
  - id: acme-b
    description: b
    severity: LOW
    regex: '\b(?P<secret>acme_[a-z0-9]{16})\b'
    keywords: [acme_]
    tp: ['acme_q8wz2t3stlx9mkv7']
    fp: ['acme_']
`)
	rs, err := ParseRules("test.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if !rs[0].fallback || rs[1].fallback {
		t.Fatalf("fallback = %v, %v; want true, false", rs[0].fallback, rs[1].fallback)
	}
}
