package secrets_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// corpusLines imitate real source and configuration, keyword-heavy on
// purpose (token, key, secret, password, URLs, imports) so that the
// prefilter has work to do.
var corpusLines = []string{
	"import \"github.com/acme/platform/internal/token\"",
	"func (p *Parser) parseToken(tokens []Token, idx int) (*ast.Term, error) {",
	"\tif err := validateKey(ctx, req.Key); err != nil {",
	"\t\treturn nil, fmt.Errorf(\"secret %s: %w\", name, err)",
	"\tpassword := r.FormValue(\"password\")",
	"// See https://docs.acme.io/api/v2/authentication for the token format.",
	"  api_key: ${API_KEY}",
	"  url: https://api.acme.io/v1/items?page_token=next",
	"\"cacheKey\": \"user-profile-v2-shard-0042\",",
	"    integrity sha512-9N3F4keZkqW2pLx8T7mNvB5cR1yU6oI0aS4dF7gH2jK==",
	"SELECT id, name, created_at FROM users WHERE org_id = $1 ORDER BY created_at DESC;",
	"\tfor i := 0; i < len(items); i++ { total += items[i].Price * items[i].Quantity }",
	"    - name: DB_PASSWORD",
	"      valueFrom: { secretKeyRef: { name: db, key: password } }",
	"<dependency><groupId>org.acme</groupId><artifactId>auth-client</artifactId></dependency>",
	"const authorizationHeader = \"Authorization\"",
	"\tlog.Debug(\"refreshing access token\", \"expires_in\", tok.ExpiresIn)",
	"",
}

// writeCorpus writes about size bytes of generated files under dir, with
// a planted secret every ~200 KB.
func writeCorpus(b *testing.B, dir string, size int) int64 {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var total int64
	for f := 0; total < int64(size); f++ {
		var sb strings.Builder
		for sb.Len() < 100<<10 {
			sb.WriteString(corpusLines[rng.IntN(len(corpusLines))])
			sb.WriteByte('\n')
			if rng.IntN(2000) == 0 {
				fmt.Fprintf(&sb, "DB_PASSWORD=Kq%dF4ke!Wz2p\n", rng.IntN(1e6))
			}
		}
		p := filepath.Join(dir, fmt.Sprintf("d%02d", f%50), fmt.Sprintf("f%04d.go", f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(sb.Len())
	}
	return total
}

// BenchmarkScan100MB scans a generated ~100 MB tree through scanner.Run
// (walk included) and reports MB/s. BENCH_MB changes the size.
func BenchmarkScan100MB(b *testing.B) {
	size := 100 << 20
	if v := os.Getenv("BENCH_MB"); v != "" {
		var mb int
		fmt.Sscan(v, &mb)
		size = mb << 20
	}
	dir := b.TempDir()
	n := writeCorpus(b, dir, size)
	s, err := secrets.New(secrets.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := scanner.Run(context.Background(), dir, []scanner.Scanner{s})
		if err != nil || len(res.Errors) > 0 {
			b.Fatal(err, res.Errors)
		}
		if len(res.Findings) == 0 {
			b.Fatal("no findings: the planted secrets were missed")
		}
	}
}
