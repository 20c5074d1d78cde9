package secrets

import (
	"slices"
	"testing"
)

func TestWordLike(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"user-profile-v2-shard-0042", true},
		{"cert-manager-webhook-ca-v1alpha2", true},
		{"auth.session.refresh_token", true},
		{"ThisIsNotARealSecretValue", true},
		{"SuperSecretApiKey2024", true},
		{"HEADER_AUTHORIZATION_BEARER", true},
		{"OpGreaterThanOrEqual", true},
		{"kubernetes.io/service-account-token", true},
		{"HTTPServerConfig", true},
		{"acmeprod_k8f4ke2qw9lx7mt3nr5vb1cz0yu6", false},
		{"Zk8F4keQw2pLx9T7mN3vB5cR", false},
		{"7c9e6679-7425-40de-944b-e07fc1f90ae7", false},
		{"ZnCjmXVWvRzeQbTk", false},
		{"PROD_K8F4KE2QW9LX7MT3NR5VB", false},
		{"tok.k8f4ke2qw9lx7mt3nr5vb1c", false},
		{"xkqzvtpwmnbr", false},
		{"Kq8F4ke!Wz2p", false},
		{"", false},
	} {
		if got := wordLike(c.s); got != c.want {
			t.Errorf("wordLike(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestGenericPhrase(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool // true: kept as a secret
	}{
		{"Tz9!F4ke Qw2x#Lp", true},
		{"kq8 F4ke wz2p 9xLm", true},
		{"Enter your new password", false},
		{"Le mot de passe doit contenir au moins huit caractères.", false},
		{"Legen Sie ein Passwort fest, es muss mindestens 8 Zeichen lang sein.", false},
		{"¡Tu contraseña ha sido restablecida!", false},
		{"Hasło użytkownika", false},
		{"Новый пароль", false},
		{"Must be at least 8 characters", false},
	} {
		if got := validGenericPhrase(c.s); got != c.want {
			t.Errorf("validGenericPhrase(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestTokenEntropyFloor(t *testing.T) {
	for _, c := range []struct {
		s    string
		want float64
	}{
		{"3f9a7c2e5b8d1f4a6c0e9b2d7f5a8c3e", 3.0},
		{"7c9e6679-7425-40de-944b-e07fc1f90ae7", 3.0},
		{"k8f4ke2qw9lx7mt3nr5vb1cz0yu6ha4", 3.3},
		{"Zk8F4keQw2pLx9T7mN3vB5cR", 3.5},
		{"F4keddMDMuO8LYdVYTlnSxTZVrNmCSsTgoks", 4.0},
	} {
		if got := tokenEntropyFloor(c.s); got != c.want {
			t.Errorf("tokenEntropyFloor(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestGenericRuleIDsStable: rule ids are an API (baselines and exceptions
// name them). The retune of the generic rules added rules but must keep
// every id that existed before it, each still reporting its own sample.
func TestGenericRuleIDsStable(t *testing.T) {
	s := builtin(t)
	for _, c := range []struct{ id, sample string }{
		{"generic-secret-assignment", `client_secret = "q8Wz2F4kePLx9mKv7TnR3bY5"`},
		{"generic-password-assignment", `password = "Tz9!F4keQw2x"`},
		{"generic-key-assignment", `"hmac_key": "Fq8W2F4kePLx9mKv7TnR3bY5zQ"`},
		{"generic-jwt", `"signatures": ["eyJhbGciOiJSUzI1NiJ9.eyJmaWxlcyI6W3sibmFtZSI6Ii5tYW5pZmVzdCJ9XX0.Zk8F4keQw2pLx9T7mN3vB5cR1yQz"]`},
		{"generic-url-credentials", `git clone https://deploy-bot:Wz9F4keTq2Lm@git.acme.io/platform/infra.git`},
		{"curl-user-password", `curl -sS -u deploy:Wz8F4keQ2pLx https://nexus.acme.io/service/rest/v1/components`},
	} {
		got := ruleIDs(scanOne(t, s, "src/app.conf", c.sample))
		if !slices.Contains(got, c.id) {
			t.Errorf("%s: sample reported as %v", c.id, got)
		}
	}
}
