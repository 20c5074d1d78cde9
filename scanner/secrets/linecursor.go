package secrets

import "bytes"

// lineCursor finds the line around each keyword hit. The automaton reports
// hits in increasing order of their end, so the cursor remembers the
// newlines it has already found: a long line with a keyword every few bytes
// then costs one pass over the text, instead of a backward and a forward
// search of up to maxLen+lineSnap bytes per hit (a 50 MB single line of
// "Q~Q~…" took 20 s that way).
type lineCursor struct {
	text []byte
	// prevNL is the last newline before scanned (-1: none).
	scanned, prevNL int
	// nextNL is the first newline at or after from (len(text): none).
	from, nextNL int
}

func newLineCursor(text []byte) *lineCursor {
	return &lineCursor{text: text, prevNL: -1, nextNL: -1}
}

// window is r.window(text, ks, ke), in amortized constant time for rules
// that cannot match a newline.
func (c *lineCursor) window(r *Rule, ks, ke int) window {
	if r.multiline {
		return r.window(c.text, ks, ke)
	}
	return c.lineWindow(ks, ke, r.maxLen)
}

// lineWindow equals lineWindow(c.text, ks, ke, maxLen).
func (c *lineCursor) lineWindow(ks, ke, maxLen int) window {
	if ks < c.scanned || ke < c.from {
		// out of order (a longer keyword ending later): no cache
		return lineWindow(c.text, ks, ke, maxLen)
	}
	if i := bytes.LastIndexByte(c.text[c.scanned:ks], '\n'); i >= 0 {
		c.prevNL = c.scanned + i
	}
	c.scanned = ks
	if c.nextNL < ke {
		c.from, c.nextNL = ke, len(c.text)
		if i := bytes.IndexByte(c.text[ke:], '\n'); i >= 0 {
			c.nextNL = ke + i
		}
	}
	reach := maxLen + lineSnap
	from := max(ks-reach, 0)
	lo := from
	if c.prevNL >= from {
		lo = c.prevNL // keep the newline: (?:^|\s) may need it
	}
	to := min(ke+reach, len(c.text))
	hi := to
	if c.nextNL < to {
		hi = c.nextNL + 1
	}
	return window{lo, hi}
}
