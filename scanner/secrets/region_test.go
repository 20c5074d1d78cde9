package secrets

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// regionText maps a finding's 1-based line/column region back to bytes
// of text (columns count bytes).
func regionText(text []byte, sl, sc, el, ec int) (string, error) {
	lines := bytes.SplitAfter(text, []byte{'\n'})
	off := func(l, c int) (int, error) {
		if l < 1 || l > len(lines) || c < 1 || c-1 > len(lines[l-1]) {
			return 0, fmt.Errorf("line %d column %d outside the text", l, c)
		}
		n := 0
		for _, x := range lines[:l-1] {
			n += len(x)
		}
		return n + c - 1, nil
	}
	a, err := off(sl, sc)
	if err != nil {
		return "", err
	}
	b, err := off(el, ec)
	if err != nil {
		return "", err
	}
	return string(text[a:b]), nil
}

// TestEveryRuleRegionIsTheSecret scans every built-in rule's true
// samples with a private key and checks that each finding's region is
// byte-exact: it maps back to the secret the rule extracted (or, for a
// PEM key, to the whole block up to its END marker), and that secret
// neither starts nor ends with a delimiter (quote, space, ":", ",", ";";
// "=" only at the start: base64 padding ends many secrets).
func TestEveryRuleRegionIsTheSecret(t *testing.T) {
	s, err := New(Options{HashKey: []byte("region-test-private-key-0123456789")})
	if err != nil {
		t.Fatal(err)
	}
	fsc := s.newFileScanner()
	checked := 0
	for _, r := range s.eng.rules {
		for i, tp := range r.TP {
			text := []byte(tp + "\n")
			cands := s.eng.detect(text, 0, len(text), nil, fsc.sc)
			fs := s.findings(append([]cand(nil), cands...), text, pos{line: 1}, "x", nil, &fsc.st)
			for _, f := range fs {
				if f.RuleID != r.ID {
					continue
				}
				var c *cand
				for k := range cands {
					if s.eng.rules[cands[k].rule].ID == r.ID && column(text, cands[k].start, pos{}) == f.Location.StartColumn {
						c = &cands[k]
					}
				}
				if c == nil {
					continue
				}
				l := f.Location
				got, err := regionText(text, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn)
				if err != nil {
					t.Errorf("%s tp %d: %v", r.ID, i+1, err)
					continue
				}
				checked++
				if want := string(text[c.start:regionEnd(text, *c)]); got != want {
					t.Errorf("%s tp %d: region %q, want %q", r.ID, i+1, got, want)
				}
				if strings.HasPrefix(c.secret, "-----BEGIN ") {
					if !strings.HasSuffix(strings.TrimRight(got, "\\n\"'"), "-----") || !strings.Contains(got, "-----END ") {
						t.Errorf("%s tp %d: PEM region does not end at the END marker: …%q", r.ID, i+1, got[max(0, len(got)-40):])
					}
					continue
				}
				if strings.ContainsAny(got[:1], " \t\r\n\"'`=:,;") || strings.ContainsAny(got[len(got)-1:], " \t\r\n\"'`:,;") {
					t.Errorf("%s tp %d: region %q starts or ends with a delimiter", r.ID, i+1, got)
				}
			}
		}
	}
	if checked < len(s.eng.rules) {
		t.Errorf("only %d regions checked for %d rules", checked, len(s.eng.rules))
	}
}
