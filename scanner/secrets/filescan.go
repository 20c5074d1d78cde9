package secrets

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/scanner"
)

// chunkSize is how much of a file is scanned at a time; consecutive chunks
// overlap by the engine's reach so no match is lost at an edge.
const chunkSize = 1 << 20

// fileScanner is one worker's state.
type fileScanner struct {
	s   *Scanner
	sc  *scratch
	buf []byte
	st  runStats
}

func (s *Scanner) newFileScanner() *fileScanner {
	overlap := s.overlap()
	return &fileScanner{
		s:   s,
		sc:  s.eng.newScratch(),
		buf: make([]byte, 0, s.chunk+2*overlap),
		st:  runStats{skipped: map[string]int{}},
	}
}

func (s *Scanner) overlap() int { return max(s.eng.reach, 16<<10) }

// pos is where a text starts in its file: 1-based line and 0-based byte
// column of text[0].
type pos struct{ line, col0 int }

func (fsc *fileScanner) scanFile(ctx context.Context, t scanner.Target, f scanner.File) ([]scanner.Finding, error) {
	s := fsc.s
	if s.opts.MaxFileSize > 0 && f.Size > s.opts.MaxFileSize {
		fsc.st.skipped["too_large"]++
		return nil, nil
	}
	active := s.activeRules(f.Path)
	rc, err := t.Open(f.Path)
	if err != nil {
		fsc.st.skipped["unreadable"]++
		return nil, &scanner.FileError{Path: f.Path, Err: err}
	}
	defer rc.Close()
	fsc.st.files++
	overlap := s.overlap()
	buf := fsc.buf[:0]
	base, coreLo := 0, 0
	p := pos{line: 1}
	var out []scanner.Finding
	eof := false
	for {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		for len(buf) < cap(buf) && !eof {
			n, err := rc.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if errors.Is(err, io.EOF) {
				eof = true
			} else if err != nil {
				fsc.st.skipped["unreadable"]++
				return out, &scanner.FileError{Path: f.Path, Err: fmt.Errorf("read: %w", err)}
			}
		}
		if base == 0 {
			if ok, big := hasUTF16BOM(buf); ok {
				rest, err := io.ReadAll(rc)
				if err != nil {
					return out, &scanner.FileError{Path: f.Path, Err: fmt.Errorf("read: %w", err)}
				}
				all := append(buf, rest...)
				fsc.st.bytes += int64(len(all))
				fsc.st.utf16++
				text := decodeUTF16(all, big)
				return fsc.process(text, 0, len(text), p, active, f.Path, nil), nil
			}
		}
		coreHi := base + len(buf)
		if !eof {
			coreHi -= overlap
		}
		fsc.st.chunks++
		out = append(out, fsc.process(buf, coreLo-base, coreHi-base, p, active, f.Path, nil)...)
		if eof {
			fsc.st.bytes += int64(base + len(buf))
			break
		}
		keep := coreHi - overlap - base
		dropped := buf[:keep]
		if nl := bytes.Count(dropped, []byte{'\n'}); nl > 0 {
			p.line += nl
			p.col0 = keep - (bytes.LastIndexByte(dropped, '\n') + 1)
		} else {
			p.col0 += keep
		}
		n := copy(buf, buf[keep:])
		buf = buf[:n]
		base += keep
		coreLo = coreHi
	}
	fsc.buf = buf[:0]
	return out, nil
}

// activeRules is nil when no rule has path filters (all apply).
func (s *Scanner) activeRules(p string) []bool {
	if len(s.eng.filtered) == 0 {
		return nil
	}
	a := make([]bool, len(s.eng.rules))
	for i := range a {
		a[i] = true
	}
	for _, i := range s.eng.filtered {
		a[i] = s.eng.rules[i].appliesTo(p)
	}
	return a
}

// process scans text, keeping secrets that start in [lo, hi), and turns
// them into findings. props are extra properties (git history).
func (fsc *fileScanner) process(text []byte, lo, hi int, p pos, active []bool, path string, props map[string]any) []scanner.Finding {
	e := fsc.s.eng
	fsc.sc.path, fsc.sc.commit = path, ""
	if c, ok := props["commit"].(string); ok {
		fsc.sc.commit = c
	}
	cands := e.detect(text, lo, hi, active, fsc.sc)
	blobs, n := e.detectBlobs(text, lo, hi, active, fsc.sc)
	fsc.st.blobs += n
	cands = append(cands, blobs...)
	if len(cands) == 0 {
		return nil
	}
	return fsc.s.findings(cands, text, p, path, props, &fsc.st)
}

// findings resolves overlaps, applies inline suppressions and builds the
// redacted findings.
func (s *Scanner) findings(cands []cand, text []byte, p pos, path string, props map[string]any, st *runStats) []scanner.Finding {
	e := s.eng
	if e.composite {
		if cands = e.applyComposite(cands, text); len(cands) == 0 {
			return nil
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].rule < cands[j].rule
	})
	keep := cands[:0:0]
	for i, c := range cands {
		if i > 0 && c.rule == cands[i-1].rule && c.start == cands[i-1].start {
			continue
		}
		if e.rules[c.rule].generic && overlapsSpecific(cands, i, e) {
			continue
		}
		if e.rules[c.rule].fallback && overlapsOther(cands, i) {
			continue
		}
		keep = append(keep, c)
	}
	if s.opts.Verify {
		s.queueVerify(keep, path)
	}
	var out []scanner.Finding
	line, at := p.line, 0
	for _, c := range keep {
		r := e.rules[c.rule]
		if s.suppressed(text, c.start, r.ID) {
			st.suppressed++
			continue
		}
		line += bytes.Count(text[at:c.start], []byte{'\n'})
		at = c.start
		end := regionEnd(text, c)
		loc := scanner.Location{Path: path, StartLine: line, StartColumn: column(text, c.start, p)}
		if s.keyed {
			// With a private key the region is byte-exact. Without one
			// it stops at the start: the end column would tell the
			// secret's length.
			loc.EndLine = line + bytes.Count(text[c.start:end], []byte{'\n'})
			loc.EndColumn = column(text, end, p)
		} else {
			loc.EndLine = line
		}
		f := newFinding(r, loc, " found. The value is redacted; Evidence is a keyed hash of it.", s.evidence(c.secret))
		f.Snippet = snippet(text, c.start, keep, s.keyed)
		if s.keyed {
			f.Properties["entropy"] = math.Round(shannon(c.secret)*100) / 100
		}
		if c.decoded {
			f.Properties["encoding"] = "base64"
		}
		if r.Validate != "" {
			f.Properties["validated"] = r.Validate
		}
		for k, v := range props {
			f.Properties[k] = v
		}
		out = append(out, f)
	}
	return out
}

// overlapsSpecific reports whether cands[i] (a generic rule's) overlaps
// a non-generic rule's candidate: the specific rule wins.
func overlapsSpecific(cands []cand, i int, e *engine) bool {
	c := cands[i]
	for j, o := range cands {
		if j != i && !e.rules[o.rule].generic && !e.rules[o.rule].fallback && o.start < c.end && c.start < o.end {
			return true
		}
	}
	return false
}

func column(text []byte, i int, p pos) int {
	ls := bytes.LastIndexByte(text[:i], '\n')
	if ls < 0 {
		return p.col0 + i + 1
	}
	return i - ls
}

// evidence is the hex HMAC-SHA256 of the secret, truncated to 128 bits.
func (s *Scanner) evidence(secret string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(secret))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// newFinding is a finding of rule r at loc; desc is appended to the
// rule's description.
func newFinding(r *Rule, loc scanner.Location, desc, evidence string) scanner.Finding {
	return scanner.Finding{
		Scanner:     Name,
		RuleID:      r.ID,
		Title:       r.Description,
		Description: r.Description + desc,
		Severity:    r.Severity,
		Location:    loc,
		References:  r.References,
		Remediation: remediation(r.ID),
		CWEs:        []string{"CWE-798"},
		Tags:        append([]string{"secret"}, r.Tags...),
		Evidence:    evidence,
		Properties:  map[string]any{},
	}
}

func remediation(id string) string {
	return "Revoke or rotate this credential at its issuer, remove it from the code (and from git history if it was pushed), " +
		"and load it at run time from a secret manager or the CI's secret store. " +
		"If it is not a secret, add a `tollgate:ignore " + id + "` comment on the line or an exception in the policy file."
}

// mask keeps at most the first four characters of s, and never more than
// a quarter of them, then "****".
func mask(s string) string {
	n := min(utf8.RuneCountInString(s)/4, 4)
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "****"
}

// Snippet limits: long lines are cut around the secret.
const (
	snippetMax     = 240
	snippetContext = 80
)

// snippet is the line holding text[start], with every candidate span on
// it masked (so a second secret on the same line never shows either).
// With keyed false every secret becomes a bare "****": no prefix, and no
// hint of its length (a long line is cut at fixed distances from the
// secret's start and end, and a masked span never shows its width).
func snippet(text []byte, start int, cands []cand, keyed bool) string {
	ls, le := lineBounds(text, start)
	lo, hi := ls, le
	end := start
	for _, c := range cands {
		if c.start == start {
			end = min(max(end, c.end), le)
		}
	}
	// Whether the line is cut depends on the text around the secret
	// only, not on the secret's length.
	if (le-ls)-(end-start) > snippetMax {
		lo = max(ls, start-snippetContext)
		hi = min(le, end+snippetContext)
	}
	type span struct {
		a, b int
		m    string
	}
	var spans []span
	for _, c := range cands {
		if c.end <= lo || c.start >= hi {
			continue
		}
		m := "****"
		if c.start >= lo && keyed {
			m = mask(string(text[c.start:c.end]))
		}
		spans = append(spans, span{max(c.start, lo), min(c.end, hi), m})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	var b strings.Builder
	if lo > ls {
		b.WriteString("…")
	}
	at := lo
	for _, sp := range spans {
		if sp.b <= at {
			continue
		}
		if sp.a >= at {
			b.Write(text[at:sp.a])
			b.WriteString(sp.m)
		} // else: overlaps a span already masked
		at = sp.b
	}
	if at < hi {
		b.Write(text[at:hi])
	}
	if hi < le {
		b.WriteString("…")
	}
	return strings.TrimSpace(strings.ToValidUTF8(strings.TrimRight(b.String(), "\r"), "\uFFFD"))
}

// suppressed reports an inline suppression for rule id at text[start]:
// "gitleaks:allow" or "tollgate:ignore [rule-id[,rule-id]]" on the line,
// or "tollgate:ignore ..." on the line before.
func (s *Scanner) suppressed(text []byte, start int, id string) bool {
	ls, le := lineBounds(text, start)
	line := text[ls:le]
	if bytes.Contains(line, []byte("gitleaks:allow")) || s.ignoreComment(line, id) {
		return true
	}
	if ls == 0 {
		return false
	}
	pls := bytes.LastIndexByte(text[:ls-1], '\n') + 1
	return s.ignoreComment(text[pls:ls-1], id)
}

var ignoreMarker = []byte("tollgate:ignore")

func (s *Scanner) ignoreComment(line []byte, id string) bool {
	i := bytes.Index(line, ignoreMarker)
	if i < 0 {
		return false
	}
	rest := string(line[i+len(ignoreMarker):])
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':' && rest[0] != '=' {
		// "tollgate:ignored" or similar: not our marker.
		if c := rest[0]; c >= 'a' && c <= 'z' || c == '-' || c == '_' {
			return false
		}
	}
	fields := strings.FieldsFunc(rest, func(r rune) bool {
		return r == ' ' || r == '\t' || r == ',' || r == ':' || r == '=' || r == '\r'
	})
	var ids []string
	for _, f := range fields {
		if !s.eng.ids[f] {
			break
		}
		ids = append(ids, f)
	}
	if len(ids) == 0 {
		return true
	}
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
