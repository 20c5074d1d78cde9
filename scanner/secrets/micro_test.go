package secrets

import (
	"testing"
)

func BenchmarkMicroGeneric(b *testing.B) {
	s, _ := New(Options{})
	var r *Rule
	for _, x := range s.eng.rules {
		if x.ID == "generic-secret-assignment" {
			r = x
		}
	}
	line := []byte("\tfunc (p *Parser) parseTokenStreamWithLookahead(tokens []Token, idx int) (*ast.Term, error) {\n")
	b.Run("findall", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			r.Regex.FindAllSubmatchIndex(line, -1)
		}
	})
	b.Run("match", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			r.Regex.Match(line)
		}
	})
}
