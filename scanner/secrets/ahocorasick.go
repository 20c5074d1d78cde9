package secrets

// matcher is an Aho-Corasick automaton compiled to a dense DFA over byte
// equivalence classes. Input bytes are lower-cased through the class map,
// so keywords (which are lower-case) match case-insensitively at no extra
// cost. The scan loop is one table lookup per byte.
type matcher struct {
	class    [256]uint8 // byte -> equivalence class (upper-case folded)
	nclass   int
	delta    []int32   // state*nclass + class -> next state
	out      [][]int32 // state -> keyword ids ending here (incl. suffixes)
	hasOut   []bool
	keywords []string
}

func newMatcher(keywords []string) *matcher {
	m := &matcher{keywords: keywords}
	// Equivalence classes: every byte used in a keyword gets its own
	// class, everything else shares class 0.
	used := [256]bool{}
	for _, k := range keywords {
		for i := 0; i < len(k); i++ {
			used[k[i]] = true
		}
	}
	m.nclass = 1
	for b := 0; b < 256; b++ {
		if used[b] {
			m.class[b] = uint8(m.nclass)
			m.nclass++
			if m.nclass > 255 {
				// More than 254 distinct keyword bytes: fall back to
				// identity classes (still correct, just larger tables).
				return newIdentityMatcher(keywords)
			}
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = m.class[b+'a'-'A']
	}
	m.build()
	return m
}

func newIdentityMatcher(keywords []string) *matcher {
	m := &matcher{keywords: keywords, nclass: 256}
	for b := 0; b < 256; b++ {
		m.class[b] = uint8(b)
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = uint8(b + 'a' - 'A')
	}
	m.build()
	return m
}

func (m *matcher) build() {
	nc := m.nclass
	// Trie with -1 for "no edge".
	goto_ := [][]int32{newRow(nc)}
	outs := [][]int32{nil}
	for id, k := range m.keywords {
		s := int32(0)
		for i := 0; i < len(k); i++ {
			c := m.class[k[i]]
			if goto_[s][c] < 0 {
				goto_ = append(goto_, newRow(nc))
				outs = append(outs, nil)
				goto_[s][c] = int32(len(goto_) - 1)
			}
			s = goto_[s][c]
		}
		outs[s] = append(outs[s], int32(id))
	}
	n := len(goto_)
	fail := make([]int32, n)
	m.delta = make([]int32, n*nc)
	queue := make([]int32, 0, n)
	for c := 0; c < nc; c++ {
		if t := goto_[0][c]; t >= 0 {
			fail[t] = 0
			m.delta[c] = t
			queue = append(queue, t)
		} else {
			m.delta[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		outs[s] = append(outs[s], outs[fail[s]]...)
		for c := 0; c < nc; c++ {
			if t := goto_[s][c]; t >= 0 {
				fail[t] = m.delta[int(fail[s])*nc+c]
				m.delta[int(s)*nc+c] = t
				queue = append(queue, t)
			} else {
				m.delta[int(s)*nc+c] = m.delta[int(fail[s])*nc+c]
			}
		}
	}
	m.out = outs
	m.hasOut = make([]bool, n)
	for i, o := range outs {
		m.hasOut[i] = len(o) > 0
	}
}

func newRow(n int) []int32 {
	r := make([]int32, n)
	for i := range r {
		r[i] = -1
	}
	return r
}

// scan calls hit(end, keywordID) for every keyword occurrence in b, where
// end is the offset just past the occurrence.
func (m *matcher) scan(b []byte, hit func(end int, kw int32)) {
	if len(m.keywords) == 0 {
		return
	}
	s := int32(0)
	nc := int32(m.nclass)
	delta, class, hasOut := m.delta, &m.class, m.hasOut
	for i, c := range b {
		s = delta[s*nc+int32(class[c])]
		if hasOut[s] {
			for _, kw := range m.out[s] {
				hit(i+1, kw)
			}
		}
	}
}
