package secrets

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// engine is the compiled rule set: the keyword automaton and, for every
// keyword, the rules that wait for it.
type engine struct {
	rules   []*Rule
	ac      *matcher
	kwRules [][]int32 // keyword id -> rule indexes
	always  []int32   // rules without keywords: run over whole chunks
	ids     map[string]bool
	// filtered are the rules with path filters: each file needs its own
	// active-rule set when there are any.
	filtered []int
	// reach bounds how far from a keyword a rule's match (plus context
	// and line snapping) can extend; chunks overlap by more than this.
	reach int
	// pathOnly are gitleaks rules that match file paths, not text.
	pathOnly []int
	// composite is true when a rule has required rules or a rule only
	// feeds others (skipReport).
	composite bool
}

// Engine limits, in bytes.
const (
	lineSnap      = 512  // windows grow to line boundaries up to this far
	contextBefore = 200  // how far before a secret "context" regexes look
	minBlob       = 32   // shortest base64 blob worth decoding
	maxBlob       = 8192 // longest base64 blob decoded
	anchoredReach = 320  // how far past its keyword an anchored match may end
)

func newEngine(rules []*Rule) (*engine, error) {
	if err := checkUnique(rules); err != nil {
		return nil, err
	}
	e := &engine{rules: rules, ids: make(map[string]bool, len(rules))}
	kwIndex := map[string]int32{}
	var kws []string
	maxLen := 0
	index := make(map[string]int, len(rules))
	for i, r := range rules {
		index[r.ID] = i
	}
	for i, r := range rules {
		e.ids[r.ID] = true
		maxLen = max(maxLen, r.maxLen)
		if r.hasPathFilter() {
			e.filtered = append(e.filtered, i)
		}
		for k := range r.required {
			j, ok := index[r.required[k].id]
			if !ok {
				return nil, fmt.Errorf("rule %s: required rule %q does not exist", r.ID, r.required[k].id)
			}
			r.required[k].rule = j
		}
		e.composite = e.composite || len(r.required) > 0 || r.skipReport
		if r.pathOnly {
			e.pathOnly = append(e.pathOnly, i)
			continue
		}
		if len(r.Keywords) == 0 {
			e.always = append(e.always, int32(i))
			continue
		}
		for _, k := range r.Keywords {
			id, ok := kwIndex[k]
			if !ok {
				id = int32(len(kws))
				kwIndex[k] = id
				kws = append(kws, k)
				e.kwRules = append(e.kwRules, nil)
			}
			if !containsInt32(e.kwRules[id], int32(i)) {
				e.kwRules[id] = append(e.kwRules[id], int32(i))
			}
		}
	}
	e.ac = newMatcher(kws)
	e.reach = 2*maxLen + 2*lineSnap + contextBefore + maxBlob
	return e, nil
}

func containsInt32(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// window is a byte range of the text where one rule's regex runs.
type window struct{ lo, hi int }

func (w window) bounds() (int, int) { return w.lo, w.hi }

// cand is a secret that passed every filter. start/end is its span in
// the scanned text; for a secret found inside a decoded base64 blob it is
// the blob's span.
type cand struct {
	rule       int
	start, end int
	secret     string
	decoded    bool
}

// scratch is per-worker reusable state.
type scratch struct {
	wins    [][]window
	touched []int32
	buf     []byte
	lower   []byte
	// path and commit ("" outside history mode) of the text being
	// scanned, for gitleaks allowlists.
	path, commit string
}

func (e *engine) newScratch() *scratch {
	return &scratch{wins: make([][]window, len(e.rules))}
}

// detect finds the secrets in text whose start lies in [lo, hi). active,
// when non-nil, says which rules apply to this file.
func (e *engine) detect(text []byte, lo, hi int, active []bool, sc *scratch) []cand {
	sc.touched = sc.touched[:0]
	add := func(ri int32, w window, merge bool) {
		ws := sc.wins[ri]
		if len(ws) == 0 {
			sc.touched = append(sc.touched, ri)
		} else if last := &ws[len(ws)-1]; merge && w.lo <= last.hi {
			last.hi = max(last.hi, w.hi)
			return
		}
		sc.wins[ri] = append(ws, w)
	}
	lc := newLineCursor(text)
	e.ac.scan(text, func(end int, kw int32) {
		klen := len(e.ac.keywords[kw])
		for _, ri := range e.kwRules[kw] {
			if active != nil && !active[ri] {
				continue
			}
			r := e.rules[ri]
			if r.anchored != nil {
				_, le := lc.lineWindow(end-klen, end, r.maxLen).bounds()
				add(ri, window{end - klen, min(le, end+anchoredReach)}, false)
				continue
			}
			add(ri, lc.window(r, end-klen, end), true)
		}
	})
	for _, ri := range e.always {
		if active == nil || active[ri] {
			add(ri, window{0, len(text)}, true)
		}
	}
	var out []cand
	for _, ri := range e.touched(sc) {
		r := e.rules[ri]
		for _, w := range sc.wins[ri] {
			out = e.matchWindow(out, text, w, lo, hi, int(ri), r, sc)
		}
		sc.wins[ri] = sc.wins[ri][:0]
	}
	return out
}

func (e *engine) touched(sc *scratch) []int32 {
	t := sc.touched
	sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
	return t
}

// snap clamps [lo, hi) to the text and widens it to whole lines when the
// line ends are near, so that ^, $ and \b behave as on the full text.
func snap(text []byte, lo, hi int) window {
	lo, hi = max(lo, 0), min(hi, len(text))
	if lo > 0 {
		from := max(lo-lineSnap, 0)
		if i := bytes.LastIndexByte(text[from:lo], '\n'); i >= 0 {
			lo = from + i + 1
		} else if from == 0 {
			lo = 0
		}
	}
	if hi < len(text) {
		to := min(hi+lineSnap, len(text))
		if i := bytes.IndexByte(text[hi:to], '\n'); i >= 0 {
			hi += i
		} else if to == len(text) {
			hi = len(text)
		}
	}
	return window{lo, hi}
}

// window is where rule r's regex runs for a keyword hit at [ks, ke).
func (r *Rule) window(text []byte, ks, ke int) window {
	if r.multiline {
		return snap(text, ks-r.maxLen, ke+r.maxLen)
	}
	return lineWindow(text, ks, ke, r.maxLen)
}

// lineWindow is the window of a rule that cannot match a newline: the
// line of the keyword hit [ks, ke). Lines longer than longLine (minified
// code, data) are cut to maxLen+lineSnap around the hit instead.
func lineWindow(text []byte, ks, ke, maxLen int) window {
	reach := maxLen + lineSnap
	from := max(ks-reach, 0)
	lo := from
	if i := bytes.LastIndexByte(text[from:ks], '\n'); i >= 0 {
		lo = from + i // keep the newline: (?:^|\s) may need it
	}
	to := min(ke+reach, len(text))
	hi := to
	if i := bytes.IndexByte(text[ke:to], '\n'); i >= 0 {
		hi = ke + i + 1
	}
	return window{lo, hi}
}

func (e *engine) matchWindow(out []cand, text []byte, w window, lo, hi, ri int, r *Rule, sc *scratch) []cand {
	sub := text[w.lo:w.hi]
	if !r.mayMatch(sub, &sc.lower) {
		return out
	}
	var ms [][]int
	if r.anchored != nil {
		if m := r.anchored.FindSubmatchIndex(sub); m != nil {
			ms = [][]int{m}
		}
	} else {
		ms = r.Regex.FindAllSubmatchIndex(sub, -1)
	}
	for _, m := range ms {
		s, t := secretSpan(r, m)
		if s < 0 || t <= s {
			continue
		}
		s, t = s+w.lo, t+w.lo
		if s < lo || s >= hi {
			continue
		}
		secret := string(text[s:t])
		if r.nameGroup > 0 && selfNamed(sub, m, r.nameGroup, secret) {
			continue
		}
		if !e.accept(r, secret, text, s, m[0]+w.lo, m[1]+w.lo, sc) {
			continue
		}
		out = append(out, cand{rule: ri, start: s, end: t, secret: secret})
	}
	return out
}

// secretSpan picks the secret out of a match: the "secret" group, else
// (gitleaks rules) the configured group, the first non-empty group, or
// the whole match.
func secretSpan(r *Rule, m []int) (int, int) {
	if g := r.secretGroup; g > 0 && 2*g+1 < len(m) {
		return m[2*g], m[2*g+1]
	}
	for g := 1; 2*g+1 < len(m); g++ {
		if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
			return m[2*g], m[2*g+1]
		}
	}
	return m[0], m[1]
}

// accept applies the rule's and the global filters to a candidate.
func (e *engine) accept(r *Rule, secret string, text []byte, s, ms, me int, sc *scratch) bool {
	if placeholder(secret) {
		return false
	}
	if len(r.stopwords) > 0 {
		low := strings.ToLower(secret)
		for _, w := range r.stopwords {
			if strings.Contains(low, w) {
				return false
			}
		}
	}
	if anyMatch(r.allow, secret) {
		return false
	}
	if len(r.allowPrefix) > 0 {
		ls, _ := lineBounds(text, ms)
		if anyMatch(r.allowPrefix, string(text[ls:me])) {
			return false
		}
	}
	if len(r.lists) > 0 {
		ls, le := lineBounds(text, s)
		match, line := string(text[ms:me]), string(text[ls:le])
		for _, a := range r.lists {
			if a.allows(secret, match, line, sc.path, sc.commit) {
				return false
			}
		}
	}
	if r.Entropy > 0 && shannon(secret) < r.Entropy {
		return false
	}
	if r.Validate != "" && !validators[r.Validate](secret) {
		return false
	}
	if len(r.context) > 0 {
		ctx := text[max(0, ms-contextBefore):s]
		ok := false
		for _, re := range r.context {
			if re.Match(ctx) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func anyMatch(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// lineBounds returns the line around offset i: [start, end) without the
// newline.
func lineBounds(text []byte, i int) (int, int) {
	ls := bytes.LastIndexByte(text[:i], '\n') + 1
	le := bytes.IndexByte(text[i:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += i
	}
	return ls, le
}

// detectBlobs decodes base64-looking runs of at least minBlob characters
// starting in [lo, hi) and scans the decoded text once (no recursion).
// Matches are reported at the blob's span.
func (e *engine) detectBlobs(text []byte, lo, hi int, active []bool, sc *scratch) (out []cand, blobs int) {
	n := len(text)
	for i := max(lo, 0); i < hi && i < n; {
		if !isB64[text[i]] {
			i++
			continue
		}
		j := i
		for j < n && isB64[text[j]] {
			j++
		}
		start := i
		i = j
		if j-start < minBlob || j-start > maxBlob || (start > 0 && isB64[text[start-1]]) {
			continue
		}
		dec := decodeBlob(text[start:j], &sc.buf)
		if dec == nil {
			continue
		}
		blobs++
		for _, c := range e.detect(dec, 0, len(dec), active, sc) {
			c.start, c.end, c.decoded = start, j, true
			out = append(out, c)
		}
	}
	return out, blobs
}

var isB64 = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_") {
		t[c] = true
	}
	return t
}()

func (e *engine) String() string {
	return fmt.Sprintf("%d rules, %d keywords", len(e.rules), len(e.ac.keywords))
}
