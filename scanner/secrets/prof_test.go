package secrets

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

func TestProfRules(t *testing.T) {
	root := os.Getenv("PROF_ROOT")
	if root == "" {
		t.Skip()
	}
	s := builtin(t)
	e := s.eng
	dur := make([]time.Duration, len(e.rules))
	bytesIn := make([]int, len(e.rules))
	hits := make([]int, len(e.rules))
	sc := e.newScratch()
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || len(b) > 5<<20 {
			return nil
		}
		sc.touched = sc.touched[:0]
		e.ac.scan(b, func(end int, kw int32) {
			klen := len(e.ac.keywords[kw])
			for _, ri := range e.kwRules[kw] {
				r := e.rules[ri]
				hits[ri]++
				var w window
				merge := true
				if r.anchored != nil {
					_, le := lineWindow(b, end-klen, end, r.maxLen).bounds()
					w, merge = window{end - klen, min(le, end+anchoredReach)}, false
				} else {
					w = r.window(b, end-klen, end)
				}
				ws := sc.wins[ri]
				if len(ws) == 0 {
					sc.touched = append(sc.touched, ri)
				} else if last := &ws[len(ws)-1]; merge && w.lo <= last.hi {
					last.hi = max(last.hi, w.hi)
					continue
				}
				sc.wins[ri] = append(ws, w)
			}
		})
		for _, ri := range sc.touched {
			st := time.Now()
			for _, w := range sc.wins[ri] {
				bytesIn[ri] += w.hi - w.lo
				e.matchWindow(nil, b, w, 0, len(b), int(ri), e.rules[ri], sc)
			}
			dur[ri] += time.Since(st)
			sc.wins[ri] = sc.wins[ri][:0]
		}
		return nil
	})
	idx := make([]int, len(e.rules))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return dur[idx[a]] > dur[idx[b]] })
	for _, i := range idx[:25] {
		t.Logf("%-40s %8v %10d bytes %7d hits maxLen=%d ml=%v", e.rules[i].ID, dur[i].Round(time.Millisecond), bytesIn[i], hits[i], e.rules[i].maxLen, e.rules[i].multiline)
	}
}
