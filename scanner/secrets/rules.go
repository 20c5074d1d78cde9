package secrets

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"gopkg.in/yaml.v3"

	"github.com/tollgate-dev/tollgate/scanner"
)

//go:embed rules/*.yaml
var builtinRules embed.FS

// Rule is one compiled secret rule.
type Rule struct {
	ID          string
	Description string
	Severity    scanner.Severity
	// Keywords are lower-case literals; the regex only runs around them.
	// A rule without keywords (possible only for gitleaks rules) runs over
	// every whole file.
	Keywords   []string
	Regex      *regexp.Regexp
	Entropy    float64
	Validate   string
	References []string
	// Source is the file the rule came from ("builtin:rules/keys.yaml"
	// or a user path).
	Source string
	// TP and FP are the rule's own samples.
	TP, FP []string
	// Tags are the gitleaks rule's tags, added to its findings' tags.
	Tags []string

	secretGroup int // index of the secret group; 0: first non-empty group, else whole match
	nameGroup   int // index of the optional "name" group (the setting's name)
	allow       []*regexp.Regexp
	allowPrefix []*regexp.Regexp // YAML allow_match: line start to match end
	run         runFilter        // a run of characters every match contains
	lits        [][]byte         // literals every match contains (case-sensitive)
	foldLits    [][]byte         // literals every match contains, any case (lower-cased)
	anchored    *regexp.Regexp   // YAML anchored: the regex matched only at keyword hits
	stopwords   []string
	paths       []string
	skipPaths   []string
	pathRegex   *regexp.Regexp // gitleaks "path"
	lists       []*allowlist   // gitleaks allowlists
	required    []required     // gitleaks [[rules.required]]: composite rule
	skipReport  bool           // gitleaks skipReport: only feeds composite rules
	pathOnly    bool           // gitleaks rule with a path and no regex
	context     []*regexp.Regexp
	maxLen      int  // upper bound of a match's length, for windows
	multiline   bool // the regex can match a newline
	generic     bool // yields to any other rule at the same place
	fallback    bool // yields to every other rule, generic ones too (fallback.go)
}

// ruleFile is the on-disk YAML format (see docs/secrets.md).
type ruleFile struct {
	Rules []ruleSpec `yaml:"rules"`
}

type ruleSpec struct {
	ID          string   `yaml:"id"`
	Description string   `yaml:"description"`
	Severity    string   `yaml:"severity"`
	Regex       string   `yaml:"regex"`
	Keywords    []string `yaml:"keywords"`
	Entropy     float64  `yaml:"entropy"`
	Validate    string   `yaml:"validate"`
	Allow       []string `yaml:"allow"`
	AllowMatch  []string `yaml:"allow_match"`
	Stopwords   []string `yaml:"stopwords"`
	Paths       []string `yaml:"paths"`
	SkipPaths   []string `yaml:"skip_paths"`
	Context     []string `yaml:"context"`
	References  []string `yaml:"references"`
	Anchored    bool     `yaml:"anchored"`
	Fallback    bool     `yaml:"fallback"`
	TP          []string `yaml:"tp"`
	FP          []string `yaml:"fp"`
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// LoadBuiltinRules returns the embedded rule set.
func LoadBuiltinRules() ([]*Rule, error) {
	names, err := fs.Glob(builtinRules, "rules/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list builtin rules: %w", err)
	}
	sort.Strings(names)
	var out []*Rule
	for _, n := range names {
		b, err := builtinRules.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("read builtin %s: %w", n, err)
		}
		rs, err := ParseRules("builtin:"+n, b)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// ParseRules parses a rule file in tollgate's YAML format. name is used in
// error messages and as [Rule.Source]. Unknown fields are errors so that a
// misspelt "stopword:" does not silently do nothing.
func ParseRules(name string, data []byte) ([]*Rule, error) {
	var f ruleFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]*Rule, 0, len(f.Rules))
	for i, s := range f.Rules {
		r, err := s.compile(name)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %d (%s): %w", name, i+1, s.ID, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func (s ruleSpec) compile(source string) (*Rule, error) {
	if !idPattern.MatchString(s.ID) {
		return nil, fmt.Errorf("id %q is not lower-kebab-case", s.ID)
	}
	if s.Description == "" {
		return nil, errors.New("description is required")
	}
	sev, perr := scanner.ParseSeverity(s.Severity)
	if perr != nil || s.Severity == "" {
		return nil, fmt.Errorf("severity: %q is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO", s.Severity)
	}
	if len(s.Keywords) == 0 {
		return nil, errors.New("keywords are required")
	}
	if len(s.TP) == 0 || len(s.FP) == 0 {
		return nil, errors.New("at least one tp and one fp sample are required")
	}
	var err error
	r := &Rule{
		ID: s.ID, Description: s.Description, Severity: sev,
		Entropy: s.Entropy, Validate: s.Validate, References: s.References,
		Source: source, TP: s.TP, FP: s.FP,
		paths: s.Paths, skipPaths: s.SkipPaths,
		generic:  strings.HasPrefix(s.ID, "generic"),
		fallback: s.Fallback,
	}
	for _, k := range s.Keywords {
		if k == "" || k != strings.ToLower(k) {
			return nil, fmt.Errorf("keyword %q must be a non-empty lower-case literal", k)
		}
		r.Keywords = append(r.Keywords, k)
	}
	if err := r.setRegex(s.Regex); err != nil {
		return nil, err
	}
	if r.secretGroup <= 0 {
		return nil, errors.New(`regex has no named group "secret"`)
	}
	if s.Anchored {
		// Every match starts at a keyword hit: match there only, which
		// costs one short anchored attempt per hit instead of a search.
		r.anchored, err = regexp.Compile(`\A(?:` + s.Regex + `)`)
		if err != nil {
			return nil, fmt.Errorf("regex: %w", err)
		}
	}
	if s.Validate != "" && validators[s.Validate] == nil {
		return nil, fmt.Errorf("unknown validator %q (have %s)", s.Validate, strings.Join(validatorNames(), ", "))
	}
	if r.allow, err = compileAll("allow", s.Allow); err != nil {
		return nil, err
	}
	if r.allowPrefix, err = compileAll("allow_match", s.AllowMatch); err != nil {
		return nil, err
	}
	if r.context, err = compileAll("context", s.Context); err != nil {
		return nil, err
	}
	for _, w := range s.Stopwords {
		r.stopwords = append(r.stopwords, strings.ToLower(w))
	}
	for _, g := range append(append([]string(nil), s.Paths...), s.SkipPaths...) {
		if !doublestar.ValidatePattern(g) {
			return nil, fmt.Errorf("invalid path glob %q", g)
		}
	}
	return r, nil
}

// setRegex compiles re, finds the secret group and bounds the match length.
func (r *Rule) setRegex(re string) error {
	if re == "" {
		return errors.New("regex is required")
	}
	c, err := regexp.Compile(re)
	if err != nil {
		return fmt.Errorf("regex: %w", err)
	}
	r.Regex = c
	r.secretGroup = c.SubexpIndex("secret")
	r.nameGroup = c.SubexpIndex("name")
	r.maxLen, r.multiline = regexShape(re)
	r.run = requiredRun(re)
	r.lits, r.foldLits = requiredLiterals(re)
	return nil
}

func compileAll(what string, res []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, s := range res {
		c, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", what, s, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// Window bounds. An unbounded repeat (x*, x+) counts as unboundedRepeat
// bytes; the total is clamped so a sloppy user regex cannot turn every
// keyword hit into a whole-file scan.
const (
	unboundedRepeat = 256
	minWindow       = 64
	maxWindow       = 8192
)

// regexShape estimates the longest match of re in characters (counting
// every character as one byte: secrets are ASCII, and windows grow to
// whole lines anyway) and whether it can match a newline.
func regexShape(re string) (int, bool) {
	p, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return maxWindow, true
	}
	p = p.Simplify()
	n := maxLenOf(p)
	return min(max(n, minWindow), maxWindow), innerNewline(p)
}

// innerNewline is matchesNewline, except that a one-character first or
// last element (a terminator such as (?:\s|$)) may match the newline that
// ends or starts the line: line windows include those.
func innerNewline(re *syntax.Regexp) bool {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return matchesNewline(re)
	}
	for i, s := range re.Sub {
		if (i == 0 || i == len(re.Sub)-1) && maxLenOf(s) <= 1 {
			continue
		}
		if matchesNewline(s) {
			return true
		}
	}
	return false
}

func maxLenOf(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture:
		return maxLenOf(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n += maxLenOf(s)
		}
		return min(n, 1<<20)
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			n = max(n, maxLenOf(s))
		}
		return n
	case syntax.OpStar, syntax.OpPlus:
		return unboundedRepeat * max(maxLenOf(re.Sub[0]), 1)
	case syntax.OpQuest:
		return maxLenOf(re.Sub[0])
	case syntax.OpRepeat:
		m := re.Max
		if m < 0 {
			m = max(re.Min, unboundedRepeat)
		}
		return min(m*maxLenOf(re.Sub[0]), 1<<20)
	}
	return 0
}

func matchesNewline(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r == '\n' {
				return true
			}
		}
		return false
	case syntax.OpAnyChar:
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
				return true
			}
		}
		return false
	}
	for _, s := range re.Sub {
		if matchesNewline(s) {
			return true
		}
	}
	return false
}

// appliesTo reports whether the rule's path filters let it run on p.
func (r *Rule) appliesTo(p string) bool {
	if r.pathRegex != nil && !r.pathRegex.MatchString(p) {
		return false
	}
	for _, a := range r.lists {
		if a.fileLevel(p) {
			return false
		}
	}
	if len(r.paths) > 0 && !globAny(r.paths, p) {
		return false
	}
	return !globAny(r.skipPaths, p)
}

func (r *Rule) hasPathFilter() bool {
	return r.pathRegex != nil || len(r.lists) > 0 || len(r.paths) > 0 || len(r.skipPaths) > 0
}

// globAny matches doublestar globs; a glob without "/" matches the base
// name anywhere in the tree, like the walk's excludes.
func globAny(globs []string, p string) bool {
	base := path.Base(p)
	for _, g := range globs {
		target := p
		if !strings.Contains(g, "/") {
			target = base
		}
		if ok, _ := doublestar.Match(g, target); ok {
			return true
		}
	}
	return false
}

// checkUnique rejects duplicate rule IDs.
func checkUnique(rules []*Rule) error {
	seen := make(map[string]string, len(rules))
	for _, r := range rules {
		if prev, ok := seen[r.ID]; ok {
			return fmt.Errorf("duplicate rule id %q in %s and %s", r.ID, prev, r.Source)
		}
		seen[r.ID] = r.Source
	}
	return nil
}

// runFilter is a cheap necessary condition for a regex match: the text
// must hold at least min consecutive bytes from set. It is derived from
// the longest mandatory repeat of a character class (the secret body in
// most rules), and checked before the regex runs on a window.
type runFilter struct {
	set [256]bool
	min int
}

// minRun is the shortest required run worth checking.
const minRun = 8

func requiredRun(re string) runFilter {
	p, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return runFilter{}
	}
	var best *syntax.Regexp
	var walk func(*syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpCapture:
			walk(n.Sub[0])
		case syntax.OpConcat:
			for _, s := range n.Sub {
				walk(s)
			}
		case syntax.OpRepeat, syntax.OpPlus:
			min := n.Min
			if n.Op == syntax.OpPlus {
				min = 1
			}
			if n.Sub[0].Op == syntax.OpCharClass && min >= minRun && (best == nil || min > best.Min) {
				best = n
			}
		}
	}
	walk(p)
	if best == nil {
		return runFilter{}
	}
	f := runFilter{min: best.Min}
	cls := best.Sub[0].Rune
	for i := 0; i+1 < len(cls); i += 2 {
		lo, hi := cls[i], cls[i+1]
		if hi >= 0x80 {
			// Any non-ASCII rune: every byte >= 0x80 may be part of it.
			for b := 0x80; b < 256; b++ {
				f.set[b] = true
			}
		}
		for c := lo; c <= hi && c < 0x80; c++ {
			f.set[c] = true
		}
	}
	return f
}

// ok reports whether b may contain a match.
func (f *runFilter) ok(b []byte) bool {
	if f.min == 0 {
		return true
	}
	n := 0
	for _, c := range b {
		if f.set[c] {
			n++
			if n >= f.min {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// requiredLiterals lists literals that every match of re contains: the
// literal nodes of its top-level concatenation (through captures). Each
// is checked with a substring search before the regex runs on a window,
// which rejects most keyword hits for a fraction of a regex's cost.
func requiredLiterals(re string) (exact, fold [][]byte) {
	p, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return nil, nil
	}
	var walk func(*syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpCapture:
			walk(n.Sub[0])
		case syntax.OpConcat:
			for _, s := range n.Sub {
				walk(s)
			}
		case syntax.OpRepeat, syntax.OpPlus:
			if n.Min >= 1 || n.Op == syntax.OpPlus {
				walk(n.Sub[0])
			}
		case syntax.OpLiteral:
			lit := string(n.Rune)
			if !isASCII(lit) {
				return
			}
			if n.Flags&syntax.FoldCase != 0 {
				fold = append(fold, []byte(strings.ToLower(lit)))
			} else {
				exact = append(exact, []byte(lit))
			}
		}
	}
	walk(p)
	return exact, fold
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// mayMatch applies the cheap necessary conditions to a window. lower is
// scratch space for the lower-cased window.
func (r *Rule) mayMatch(b []byte, lower *[]byte) bool {
	for _, l := range r.lits {
		if !bytes.Contains(b, l) {
			return false
		}
	}
	if len(r.foldLits) > 0 {
		lb := (*lower)[:0]
		for _, c := range b {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			lb = append(lb, c)
		}
		*lower = lb
		for _, l := range r.foldLits {
			if !bytes.Contains(lb, l) {
				return false
			}
		}
	}
	return r.run.ok(b)
}
