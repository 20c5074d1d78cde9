package secrets

import (
	"bytes"
	"sort"
)

// applyComposite keeps a match of a composite rule (gitleaks
// [[rules.required]]) only when every required rule matched near it in
// the same text (within withinLines lines and withinColumns columns of
// its start, when set), and drops the matches of rules that only feed
// composite rules (skipReport). cands are sorted by start on return.
func (e *engine) applyComposite(cands []cand, text []byte) []cand {
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].start < cands[j].start })
	type lc struct{ line, col int }
	pos := make([]lc, len(cands))
	line, at := 0, 0
	for i, c := range cands {
		line += bytes.Count(text[at:c.start], []byte{'\n'})
		at = c.start
		pos[i] = lc{line, c.start - (bytes.LastIndexByte(text[:c.start], '\n') + 1)}
	}
	near := func(i int, q required) bool {
		for j, o := range cands {
			if o.rule != q.rule || j == i {
				continue
			}
			if q.lines != nil && abs(pos[i].line-pos[j].line) > *q.lines {
				continue
			}
			if q.column != nil && abs(pos[i].col-pos[j].col) > *q.column {
				continue
			}
			return true
		}
		return false
	}
	keep := cands[:0:0]
	for i, c := range cands {
		r := e.rules[c.rule]
		if r.skipReport {
			continue
		}
		ok := true
		for _, q := range r.required {
			if !near(i, q) {
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, c)
		}
	}
	return keep
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
