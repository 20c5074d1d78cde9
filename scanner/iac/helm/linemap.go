package helm

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// The checks locate a finding by the line annotations yamldoc puts on
// every mapping (__loc, __keys). Parsed from the rendered output they
// would be lines of text that exists nowhere on disk, so they are
// rewritten to lines of the template file: each key's line is the line
// where the template writes the same key path (list indices left out),
// and a key the template does not write itself (it came from toYaml, an
// include or tpl) takes the line of its nearest ancestor that it does
// write. The n-th rendered occurrence of a path maps to the n-th line of
// that path in the template, the last one when the template has fewer
// (a range loop writes one line many times).

// keySep joins the keys of a path; it cannot occur in a YAML key read
// from a template line.
const keySep = "\x00"

// segment is one YAML document of a template file (split at "---" lines).
type segment struct {
	first int    // first line of the resource's template, 1-based in the file
	kind  string // the literal kind: value, "" if templated or absent
	lines map[string][]int
}

var (
	keyRe   = regexp.MustCompile(`^("[^"]*"|'[^']*'|[^\s"'{#:\-\[][^:#{]*?|-[^\s:#{][^:#{]*?)\s*:(?:\s+(.*))?$`)
	blockRe = regexp.MustCompile(`^[|>][-+0-9]*\s*(?:#.*)?$`)
	actRe   = regexp.MustCompile(`\{\{.*?\}\}`)
)

// indexTemplate reads the key paths a template file writes literally.
func indexTemplate(src string) []segment {
	lines := strings.Split(src, "\n")
	var segs []segment
	cur := segment{lines: map[string][]int{}}
	type frame struct {
		col int
		key string
	}
	var stack []frame
	blockCol := -1
	firstAction := 0
	flush := func() {
		segs = append(segs, cur)
		cur = segment{lines: map[string][]int{}}
		stack = stack[:0]
		blockCol = -1
	}
	for i, raw := range lines {
		ln := i + 1
		line := strings.TrimRight(raw, " \t\r")
		if strings.HasPrefix(line, "---") && strings.TrimSpace(actRe.ReplaceAllString(line[3:], "")) == "" {
			flush()
			continue
		}
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if trimmed == "" {
			continue
		}
		if blockCol >= 0 && indent > blockCol {
			continue // block scalar content, not keys
		}
		blockCol = -1
		if strings.HasPrefix(trimmed, "#") {
			continue
		}
		if strings.TrimSpace(actRe.ReplaceAllString(trimmed, "")) == "" {
			if firstAction == 0 {
				firstAction = ln
			}
			continue // lines that are only template actions
		}
		if cur.first == 0 {
			cur.first = ln
		}
		col := indent
		for trimmed == "-" || strings.HasPrefix(trimmed, "- ") {
			for len(stack) > 0 && stack[len(stack)-1].col > col {
				stack = stack[:len(stack)-1]
			}
			rest := strings.TrimLeft(trimmed[1:], " ")
			col += len(trimmed) - len(rest)
			trimmed = rest
		}
		m := keyRe.FindStringSubmatch(trimmed)
		if m == nil {
			continue
		}
		key := strings.Trim(m[1], `"'`)
		for len(stack) > 0 && stack[len(stack)-1].col >= col {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, frame{col, key})
		keys := make([]string, len(stack))
		for j, f := range stack {
			keys[j] = f.key
		}
		p := strings.Join(keys, keySep)
		cur.lines[p] = append(cur.lines[p], ln)
		val := strings.TrimSpace(m[2])
		if blockRe.MatchString(val) {
			blockCol = col
		}
		if p == "kind" && !strings.Contains(val, "{{") {
			cur.kind = strings.Trim(val, `"'`)
		}
	}
	flush()
	// Drop segments that write nothing (a leading "---", a trailer of
	// template actions). A template that is all actions (an include of a
	// named template) keeps one segment at its first action.
	out := segs[:0]
	for _, s := range segs {
		if s.first > 0 {
			out = append(out, s)
		}
	}
	if len(out) == 0 && firstAction > 0 {
		out = append(out, segment{first: firstAction, lines: map[string][]int{}})
	}
	return out
}

// pickSegment chooses the template segment that produced rendered
// document i of n, whose kind is kind: by literal kind (the k-th rendered
// object of a kind maps to the k-th segment of that kind), else by
// position when the counts agree, else the nearest position.
func pickSegment(segs []segment, i, n int, kind string, kindOrdinal int) *segment {
	if len(segs) == 0 {
		return nil
	}
	var same []int
	for j := range segs {
		if segs[j].kind != "" && segs[j].kind == kind {
			same = append(same, j)
		}
	}
	switch {
	case len(same) > 0:
		return &segs[same[min(kindOrdinal, len(same)-1)]]
	case len(segs) == n:
		return &segs[i]
	}
	return &segs[min(i, len(segs)-1)]
}

// remap rewrites the line annotations of one rendered document to lines
// of its template segment.
func remap(v any, seg *segment) {
	first := 1
	if seg != nil && seg.first > 0 {
		first = seg.first
	}
	r := &remapper{seg: seg, occ: map[string]int{}}
	r.value(v, "", first)
}

type remapper struct {
	seg *segment
	occ map[string]int
}

// line is the template line of the next occurrence of path p, or
// fallback when the template does not write p.
func (r *remapper) line(p string, fallback int) int {
	n := r.occ[p]
	r.occ[p]++
	if r.seg == nil {
		return fallback
	}
	ls := r.seg.lines[p]
	if len(ls) == 0 {
		return fallback
	}
	return ls[min(n, len(ls)-1)]
}

// value rewrites v's annotations and returns the last template line its
// subtree maps to.
func (r *remapper) value(v any, p string, parent int) int {
	switch x := v.(type) {
	case map[string]any:
		return r.mapping(x, p, parent)
	case []any:
		last := parent
		for _, it := range x {
			last = max(last, r.value(it, p, parent))
		}
		return last
	}
	return parent
}

func (r *remapper) mapping(m map[string]any, p string, parent int) int {
	keys, _ := m[yamldoc.KeysKey].(map[string]any)
	names := make([]string, 0, len(m))
	for k := range m {
		if k != yamldoc.KeysKey && k != yamldoc.LocKey {
			names = append(names, k)
		}
	}
	// Document order, so that occurrences are counted as rendered.
	slices.SortFunc(names, func(a, b string) int {
		if d := startLine(keys[a]) - startLine(keys[b]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	start, last := 0, parent
	newKeys := make(map[string]any, len(names))
	for _, k := range names {
		kp := k
		if p != "" {
			kp = p + keySep + k
		}
		ln := r.line(kp, parent)
		if start == 0 {
			start = ln
		}
		end := max(ln, r.value(m[k], kp, ln))
		newKeys[k] = yamldoc.Loc(ln, end)
		last = max(last, end)
	}
	if start == 0 {
		start = parent
	}
	m[yamldoc.KeysKey] = newKeys
	m[yamldoc.LocKey] = yamldoc.Loc(start, max(start, last))
	return last
}

func startLine(v any) int {
	m, _ := v.(map[string]any)
	n, _ := m["start_line"].(int)
	return n
}
