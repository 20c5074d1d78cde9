package secrets

import (
	"strings"
	"testing"
)

// FuzzScan feeds arbitrary text (seeded with every rule's samples, cut
// and glued at odd places) through the whole file path with a tiny chunk
// size: no panic, locations inside the text, and no secret-bearing
// snippet longer than its line.
func FuzzScan(f *testing.F) {
	s, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	s.chunk = 4 << 10
	for _, r := range s.Rules() {
		for _, tp := range r.TP {
			f.Add(tp)
			f.Add(strings.Repeat("x", 4090) + tp)
		}
	}
	f.Add("\xff\xfeD\x00B\x00_\x00")
	f.Add("tollgate:ignore\n")
	f.Fuzz(func(t *testing.T, content string) {
		fs := scanOne(t, s, "f.txt", content)
		lines := strings.Count(content, "\n") + 1
		for _, x := range fs {
			if x.Location.StartLine < 1 || x.Location.StartLine > lines+1 || x.Location.StartColumn < 1 {
				t.Fatalf("bad location %+v for %d lines", x.Location, lines)
			}
			if len(x.Evidence) != 32 {
				t.Fatalf("evidence %q", x.Evidence)
			}
		}
	})
}
