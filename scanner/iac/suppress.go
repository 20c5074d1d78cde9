package iac

import (
	"bufio"
	"bytes"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Inline suppression comments, in YAML/HCL/Dockerfile ("#") or HCL ("//")
// comments. Our own form and the forms of trivy, checkov and KICS work, so a
// team migrating keeps its annotations; each tool's form accepts our TG-*
// ids and that tool's own ids (CheckMeta.Peers):
//
//	# tollgate:ignore:TG-K8S-0001 reason      (several ids: comma-separated;
//	                                          any peer id is accepted too)
//	# trivy:ignore:AVD-AWS-0107               (also AWS-0107, aws-0107 and a
//	# trivy:ignore:AWS-0107:exp:2027-01-31     trailing :exp:DATE, after
//	                                          which it no longer applies)
//	# checkov:skip=CKV_AWS_24:reason
//	# kics-scan ignore-line                   (the next line)
//	# kics-scan ignore-block                  (the block starting on the next line)
//	# kics-scan disable=<uuid>,<uuid>         (the whole file)
//
// A tollgate or trivy comment silences a finding when it is on the
// finding's first line, on the line just above it, or on/above the first
// line of the enclosing block (the resource, container or stage the check
// located) or of the enclosing resource (see below). A checkov skip applies anywhere inside the enclosing resource,
// as checkov scopes it: the top-level block of a .tf file, the resource of
// a CloudFormation template (its Metadata.checkov.skip list counts too),
// the YAML document of a Kubernetes manifest (its checkov.io/skipN
// annotations count too), the whole Dockerfile or workflow otherwise.
var (
	suppressRe     = regexp.MustCompile(`(?:#|//)\s*(tollgate:ignore:|trivy:ignore:|tfsec:ignore:|checkov:skip=)([A-Za-z0-9_.,*-]+)((?::exp:\d{4}-\d{2}-\d{2})?)`)
	checkovMetaRe  = regexp.MustCompile(`(?:checkov\.io/skip\d*\s*:\s*|^\s*-?\s*"?id"?\s*:\s*)["']?(CKV2?_[A-Z0-9]+_\d+)`)
	kicsRe         = regexp.MustCompile(`(?:#|//)\s*kics-scan\s+(ignore-line|ignore-block|disable=([A-Za-z0-9,-]+))`)
	yamlDocStartRe = regexp.MustCompile(`^---`)
)

// tools of an inline suppression comment
const (
	toolTollgate = "tollgate"
	toolTrivy    = "trivy"
	toolCheckov  = "checkov"
	toolKICS     = "kics"
)

type ignoreID struct {
	tool string
	id   string
}

type ignores struct {
	lines       map[int][]ignoreID // tollgate/trivy comments by line
	checkov     map[int][]string   // checkov skips by line, scoped to the resource
	kicsLine    map[int]bool       // comment lines of "kics-scan ignore-line"
	kicsBlock   []int              // comment lines of "kics-scan ignore-block"
	kicsOff     []string           // "kics-scan disable=" ids, whole file
	src         [][]byte           // the file's lines, for resource ranges
	path        string
	resourceMem map[int][2]int
	docStarts   []int // lines starting a YAML document ("---"), ascending
}

func (ig *ignores) empty() bool {
	return len(ig.lines)+len(ig.checkov)+len(ig.kicsLine)+len(ig.kicsBlock)+len(ig.kicsOff) == 0
}

// parseIgnores reads the suppression comments of one file. now decides
// which trivy ":exp:" dates have passed.
func parseIgnores(p string, src []byte, now time.Time) *ignores {
	if !bytes.Contains(src, []byte("ignore:")) && !bytes.Contains(src, []byte("checkov")) && !bytes.Contains(src, []byte("CKV")) &&
		!bytes.Contains(src, []byte("kics-scan")) {
		return nil
	}
	ig := &ignores{lines: map[int][]ignoreID{}, checkov: map[int][]string{}, kicsLine: map[int]bool{}, path: p}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		ig.src = append(ig.src, append([]byte(nil), b...))
		if yamlDocStartRe.Match(b) {
			ig.docStarts = append(ig.docStarts, line)
		}
		for _, m := range suppressRe.FindAllSubmatch(b, -1) {
			if exp := strings.TrimPrefix(string(m[3]), ":exp:"); exp != "" {
				if d, err := time.Parse("2006-01-02", exp); err == nil && now.After(d.Add(24*time.Hour)) {
					continue
				}
			}
			for _, id := range strings.Split(string(m[2]), ",") {
				if id = strings.TrimSpace(id); id == "" {
					continue
				}
				switch string(m[1]) {
				case "checkov:skip=":
					ig.checkov[line] = append(ig.checkov[line], id)
				case "tollgate:ignore:":
					ig.lines[line] = append(ig.lines[line], ignoreID{toolTollgate, id})
				default:
					ig.lines[line] = append(ig.lines[line], ignoreID{toolTrivy, id})
				}
			}
		}
		for _, m := range checkovMetaRe.FindAllSubmatch(b, -1) {
			ig.checkov[line] = append(ig.checkov[line], string(m[1]))
		}
		for _, m := range kicsRe.FindAllSubmatch(b, -1) {
			switch {
			case string(m[1]) == "ignore-line":
				ig.kicsLine[line] = true
			case string(m[1]) == "ignore-block":
				ig.kicsBlock = append(ig.kicsBlock, line)
			default:
				ig.kicsOff = append(ig.kicsOff, strings.Split(string(m[2]), ",")...)
			}
		}
	}
	if ig.empty() {
		return nil
	}
	return ig
}

// matches is true when the comment id names the finding's check, in the
// tool's own id formats.
func matches(tool, id, ruleID string, peers PeerIDs) bool {
	if id == "*" || strings.EqualFold(id, ruleID) {
		return true
	}
	var ids []string
	switch tool {
	case toolTollgate:
		ids = peers.All()
	case toolTrivy:
		// trivy accepts AVD-AWS-0107, AWS-0107 and aws-0107
		id = strings.TrimPrefix(strings.ToUpper(id), "AVD-")
		for _, p := range peers.Trivy {
			if strings.TrimPrefix(strings.ToUpper(p), "AVD-") == id {
				return true
			}
		}
		return false
	case toolCheckov:
		ids = peers.Checkov
	case toolKICS:
		ids = peers.KICS
	}
	for _, p := range ids {
		if strings.EqualFold(p, id) {
			return true
		}
	}
	return false
}

// suppress drops findings silenced by inline comments and counts them.
// peers gives the peer ids of a check id. It keeps the comments of the
// last file read only: given findings grouped by path (Scan sorts them
// first) it reads each file once and holds one file's lines at a time
// (holding every file's was ~100 MB at the end of a 1.1 GB tree's scan);
// in any other order it is as right, only slower.
func suppress(t scanner.Target, fs []scanner.Finding, peers func(string) PeerIDs, now time.Time) ([]scanner.Finding, int) {
	var (
		last   string
		lastIG *ignores
		read   bool
	)
	get := func(p string) *ignores {
		if read && p == last {
			return lastIG
		}
		src, err := t.ReadFile(p)
		var ig *ignores
		if err == nil {
			ig = parseIgnores(p, src, now)
		}
		last, lastIG, read = p, ig, true
		return ig
	}
	out := fs[:0]
	n := 0
	for _, f := range fs {
		ig := get(f.Location.Path)
		if ig != nil && ig.suppressed(f, peers(f.RuleID)) {
			n++
			continue
		}
		out = append(out, f)
	}
	return out, n
}

func (ig *ignores) suppressed(f scanner.Finding, peers PeerIDs) bool {
	start := f.Location.StartLine
	lines := []int{start, start - 1}
	block, _ := f.Properties["block_start_line"].(int)
	if block > 0 {
		lines = append(lines, block, block-1)
	}
	if len(ig.lines) > 0 {
		// and above the whole resource, as trivy scopes a comment there
		if r := ig.resource(start); r[0] > 1 || r[1] < len(ig.src) {
			lines = append(lines, r[0], r[0]-1)
		}
	}
	for _, l := range lines {
		for _, x := range ig.lines[l] {
			if matches(x.tool, x.id, f.RuleID, peers) {
				return true
			}
		}
	}
	if len(ig.checkov) > 0 {
		r := ig.resource(start)
		for l, ids := range ig.checkov {
			if l < r[0] || l > r[1] {
				continue
			}
			for _, id := range ids {
				if matches(toolCheckov, id, f.RuleID, peers) {
					return true
				}
			}
		}
	}
	if ig.kicsLine[start-1] || ig.kicsLine[start] {
		return true
	}
	for _, c := range ig.kicsBlock {
		if start > c && start <= blockEnd(ig.src, c+1) {
			return true
		}
	}
	for _, id := range ig.kicsOff {
		if matches(toolKICS, strings.TrimSpace(id), f.RuleID, peers) {
			return true
		}
	}
	return false
}

// resource is the first and last line of the resource enclosing line l,
// as checkov scopes its skip comments.
func (ig *ignores) resource(l int) [2]int {
	if r, ok := ig.resourceMem[l]; ok {
		return r
	}
	r := resourceRange(ig.path, ig.src, ig.docStarts, l)
	if ig.resourceMem == nil {
		ig.resourceMem = map[int][2]int{}
	}
	ig.resourceMem[l] = r
	return r
}

func resourceRange(p string, src [][]byte, docStarts []int, l int) [2]int {
	whole := [2]int{1, len(src)}
	if l < 1 || l > len(src) {
		return whole
	}
	lower := strings.ToLower(p)
	switch {
	case strings.HasSuffix(lower, ".tf") || strings.HasSuffix(lower, ".hcl"):
		// terraform fmt style: a top-level block opens at column 0 and
		// closes with "}" at column 0
		for s := l; s >= 1; s-- {
			b := src[s-1]
			if len(b) > 0 && b[0] != ' ' && b[0] != '\t' && b[0] != '}' && bytes.HasSuffix(bytes.TrimSpace(hclCode(b)), []byte("{")) {
				return [2]int{s, blockEnd(src, s)}
			}
		}
		return whole
	case strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") || strings.HasSuffix(lower, ".template"):
		if r, ok := cfnResource(src, l); ok {
			return r
		}
		return yamlDocument(len(src), docStarts, l)
	}
	return whole
}

// yamlDocument is the YAML document ("---"-separated) around line l of a
// file of n lines.
func yamlDocument(n int, docStarts []int, l int) [2]int {
	i := sort.SearchInts(docStarts, l+1) // first start after l
	r := [2]int{1, n}
	if i > 0 {
		r[0] = docStarts[i-1]
	}
	if i < len(docStarts) {
		r[1] = docStarts[i] - 1
	}
	return r
}

// cfnResource finds the CloudFormation resource (a key under the top-level
// "Resources:") that line l belongs to.
func cfnResource(src [][]byte, l int) ([2]int, bool) {
	top := -1
	for i := l; i >= 1; i-- {
		if bytes.HasPrefix(src[i-1], []byte("Resources:")) {
			top = i
			break
		}
	}
	if top < 0 {
		return [2]int{}, false
	}
	for s := l; s > top; s-- {
		if ind, ok := indent(src[s-1]); ok && ind > 0 && !bytes.HasPrefix(bytes.TrimSpace(src[s-1]), []byte("-")) && ind == childIndent(src, top) {
			return [2]int{s, blockEnd(src, s)}, true
		}
	}
	return [2]int{}, false
}

func childIndent(src [][]byte, top int) int {
	for i := top + 1; i <= len(src); i++ {
		if ind, ok := indent(src[i-1]); ok {
			return ind
		}
	}
	return -1
}

// indent is the indentation of a line; ok is false for blank lines and
// comments, which never end a block.
func indent(b []byte) (int, bool) {
	t := bytes.TrimLeft(b, " \t")
	if len(t) == 0 || t[0] == '#' || bytes.HasPrefix(t, []byte("//")) {
		return 0, false
	}
	return len(b) - len(t), true
}

// blockEnd is the last line of the block that starts on line s: up to the
// matching brace when the line opens one (HCL, JSON), else the lines
// indented deeper than it (YAML; a "- " item's own keys count as deeper).
func blockEnd(src [][]byte, s int) int {
	if s < 1 || s > len(src) {
		return s
	}
	first := src[s-1]
	if braceDelta(first) > 0 {
		depth := 0
		for i := s; i <= len(src); i++ {
			if depth += braceDelta(src[i-1]); depth <= 0 {
				return i
			}
		}
		return len(src)
	}
	ind, ok := indent(first)
	if !ok {
		return s
	}
	end := s
	for i := s + 1; i <= len(src); i++ {
		j, ok := indent(src[i-1])
		if !ok {
			continue
		}
		if j <= ind {
			break
		}
		end = i
	}
	return end
}

// braceDelta counts the braces and brackets a line opens minus those it
// closes, outside double-quoted strings and comments.
func braceDelta(b []byte) int {
	d := 0
	hclScan(b, func(c byte) {
		switch c {
		case '{', '[':
			d++
		case '}', ']':
			d--
		}
	})
	return d
}

// hclCode is line b without its trailing "#" or "//" comment, so that
// `resource "x" "y" { # note` still opens a block.
func hclCode(b []byte) []byte { return b[:hclScan(b, nil)] }

// hclScan calls visit (if not nil) for each byte of line b outside a
// string, up to a "#" or "//" comment, and returns where the code ends.
func hclScan(b []byte, visit func(c byte)) int {
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '#' || c == '/' && i+1 < len(b) && b[i+1] == '/':
			return i
		case visit != nil:
			visit(c)
		}
	}
	return len(b)
}
