package secrets

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The cursor must give exactly lineWindow's answer for hits in order, out
// of order, on short lines, long lines and no lines.
func TestLineCursorMatchesLineWindow(t *testing.T) {
	texts := []string{
		"",
		"x",
		strings.Repeat("Q~", 5000),
		"a\nbb\n\nccc\n" + strings.Repeat("y", 3000) + "\nz\n",
		strings.Repeat("key = value\n", 300),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for ti, text := range texts {
		b := []byte(text)
		c := newLineCursor(b)
		end := 0
		for range 2000 {
			if len(b) == 0 {
				break
			}
			// mostly increasing ends, sometimes a step back
			end = min(len(b), max(1, end+rng.IntN(40)-5))
			klen := min(end, 1+rng.IntN(4))
			maxLen := []int{10, 100, 400}[rng.IntN(3)]
			got := c.lineWindow(end-klen, end, maxLen)
			want := lineWindow(b, end-klen, end, maxLen)
			if got != want {
				t.Fatalf("text %d, hit [%d,%d) maxLen %d: cursor %v, lineWindow %v", ti, end-klen, end, maxLen, got, want)
			}
		}
	}
}
