package secrets

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tollgate-dev/tollgate/scanner"
)

// gitleaksConfig is a gitleaks (v8) configuration file: [[rules]] with
// their allowlists and required (composite) rules, global [[allowlists]]
// (or the older [allowlist]) and [extend].
type gitleaksConfig struct {
	Title       string              `toml:"title"`
	Description string              `toml:"description"`
	MinVersion  string              `toml:"minVersion"`
	Extend      gitleaksExtend      `toml:"extend"`
	Rules       []gitleaksRule      `toml:"rules"`
	Allowlist   *gitleaksAllowlist  `toml:"allowlist"`
	Allowlists  []gitleaksAllowlist `toml:"allowlists"`
}

type gitleaksExtend struct {
	Path          string   `toml:"path"`
	URL           string   `toml:"url"`
	UseDefault    bool     `toml:"useDefault"`
	DisabledRules []string `toml:"disabledRules"`
}

type gitleaksRule struct {
	ID          string              `toml:"id"`
	Description string              `toml:"description"`
	Regex       string              `toml:"regex"`
	SecretGroup int                 `toml:"secretGroup"`
	Entropy     float64             `toml:"entropy"`
	Keywords    []string            `toml:"keywords"`
	Path        string              `toml:"path"`
	Tags        []string            `toml:"tags"`
	SkipReport  bool                `toml:"skipReport"`
	Allowlist   *gitleaksAllowlist  `toml:"allowlist"`
	Allowlists  []gitleaksAllowlist `toml:"allowlists"`
	Required    []gitleaksRequired  `toml:"required"`
}

type gitleaksRequired struct {
	ID            string `toml:"id"`
	WithinLines   *int   `toml:"withinLines"`
	WithinColumns *int   `toml:"withinColumns"`
}

type gitleaksAllowlist struct {
	Description string   `toml:"description"`
	Condition   string   `toml:"condition"`
	RegexTarget string   `toml:"regexTarget"`
	Regexes     []string `toml:"regexes"`
	Paths       []string `toml:"paths"`
	StopWords   []string `toml:"stopwords"`
	Commits     []string `toml:"commits"`
	TargetRules []string `toml:"targetRules"`
}

// allowlist is a compiled gitleaks allowlist. With and, every check it
// has must hold; otherwise any one.
type allowlist struct {
	and       bool
	target    string // "" (the secret), "match" or "line"
	regexes   []*regexp.Regexp
	paths     []*regexp.Regexp
	stopwords []string
	commits   map[string]bool
}

// required is a rule a composite rule needs near each of its matches.
type required struct {
	id            string
	rule          int // index in the engine, set by newEngine
	lines, column *int
}

// maxExtendDepth bounds [extend] path chains, as gitleaks does.
const maxExtendDepth = 2

// ParseGitleaksTOML converts a gitleaks configuration into rules on its
// own (no built-in rules to extend, merge or disable).
func ParseGitleaksTOML(name string, data []byte) ([]*Rule, error) {
	rules, err := mergeGitleaks(nil, name, data, 0)
	if err != nil {
		return nil, err
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("%s: no [[rules]]", name)
	}
	return rules, nil
}

// loadGitleaksFile reads a gitleaks configuration and merges it into base
// (the built-in rules and earlier rule files); see mergeGitleaks.
func loadGitleaksFile(base []*Rule, name string, depth int) ([]*Rule, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("rule file: %w", err)
	}
	return mergeGitleaks(base, name, b, depth)
}

// mergeGitleaks adds a gitleaks configuration to base and returns the new
// rule set:
//   - [extend] path loads that file first (relative to this one, at most
//     two levels); useDefault extends base (tollgate's built-in rules), and
//     disabledRules removes rules of what is extended;
//   - a rule whose id is already in base is merged into it the way
//     gitleaks merges an extending rule (non-empty description, regex,
//     secretGroup, entropy and path replace; keywords, tags and
//     allowlists add) when the file extends, and replaces a built-in
//     rule of that id when it does not; two user files defining one id
//     are an error;
//   - global allowlists apply to the file's rules, and also to base when
//     the file extends; those with targetRules only to the rules named.
func mergeGitleaks(base []*Rule, name string, data []byte, depth int) ([]*Rule, error) {
	var c gitleaksConfig
	if _, err := toml.Decode(string(data), &c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	extends := c.Extend.UseDefault || c.Extend.Path != ""
	if c.Extend.UseDefault && c.Extend.Path != "" {
		return nil, fmt.Errorf("%s: [extend] sets both path and useDefault", name)
	}
	if c.Extend.Path != "" {
		if depth >= maxExtendDepth {
			return nil, fmt.Errorf("%s: [extend] chain deeper than %d files", name, maxExtendDepth)
		}
		p := c.Extend.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(name), p)
		}
		var err error
		if base, err = loadGitleaksFile(base, p, depth+1); err != nil {
			return nil, fmt.Errorf("%s: [extend] %w", name, err)
		}
	}
	if extends && len(c.Extend.DisabledRules) > 0 {
		off := map[string]bool{}
		for _, id := range c.Extend.DisabledRules {
			off[id] = true
		}
		kept := base[:0:0]
		for _, r := range base {
			if !off[r.ID] {
				kept = append(kept, r)
			}
		}
		base = kept
	}
	if c.Allowlist != nil {
		c.Allowlists = append(c.Allowlists, *c.Allowlist)
	}
	var global []*allowlist
	targeted := map[string][]*allowlist{}
	for i, a := range c.Allowlists {
		al, err := a.compile()
		if err != nil {
			return nil, fmt.Errorf("%s: allowlist %d: %w", name, i+1, err)
		}
		if len(a.TargetRules) == 0 {
			global = append(global, al)
		}
		for _, id := range a.TargetRules {
			targeted[id] = append(targeted[id], al)
		}
	}
	index := make(map[string]int, len(base))
	for i, r := range base {
		index[r.ID] = i
	}
	out := append([]*Rule(nil), base...)
	var own []*Rule
	for i, g := range c.Rules {
		j, exists := index[g.ID]
		if exists && extends {
			if err := g.mergeInto(out[j]); err != nil {
				return nil, fmt.Errorf("%s: rule %d (%s): %w", name, i+1, g.ID, err)
			}
			own = append(own, out[j])
			continue
		}
		r, err := g.compile(name)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %d (%s): %w", name, i+1, g.ID, err)
		}
		own = append(own, r)
		if exists && strings.HasPrefix(out[j].Source, "builtin:") {
			out[j] = r
			continue
		}
		index[r.ID] = len(out)
		out = append(out, r)
	}
	scope := own
	if extends {
		scope = out
	}
	for _, r := range scope {
		r.lists = append(r.lists, global...)
	}
	for id, lists := range targeted {
		j, ok := index[id]
		if !ok {
			return nil, fmt.Errorf("%s: allowlist targetRules: no rule %q", name, id)
		}
		out[j].lists = append(out[j].lists, lists...)
	}
	for _, r := range out {
		for _, q := range r.required {
			if _, ok := index[q.id]; !ok {
				return nil, fmt.Errorf("%s: rule %s: [[rules.required]] id %q does not exist", name, r.ID, q.id)
			}
		}
	}
	return out, nil
}

func (g gitleaksRule) compile(source string) (*Rule, error) {
	if g.ID == "" {
		return nil, errors.New("id is required")
	}
	desc := g.Description
	if desc == "" {
		desc = g.ID
	}
	r := &Rule{
		ID: g.ID, Description: desc, Severity: scanner.SeverityHigh,
		Entropy: g.Entropy, Source: source, Tags: g.Tags, skipReport: g.SkipReport,
		generic: strings.HasPrefix(g.ID, "generic"),
	}
	for _, k := range g.Keywords {
		if k = strings.ToLower(k); k != "" {
			r.Keywords = append(r.Keywords, k)
		}
	}
	switch {
	case g.Regex != "":
		if err := r.setRegex(g.Regex); err != nil {
			return nil, err
		}
		if err := r.setSecretGroup(g.SecretGroup); err != nil {
			return nil, err
		}
	case g.Path != "":
		// A path-only rule: the file's presence is the finding.
		r.pathOnly = true
	default:
		return nil, errors.New("a rule needs a regex, a path, or both")
	}
	return r, g.addTo(r)
}

// addTo sets what every gitleaks rule (new or merged) carries: path,
// allowlists and required rules.
func (g gitleaksRule) addTo(r *Rule) error {
	if g.Path != "" {
		re, err := regexp.Compile(g.Path)
		if err != nil {
			return fmt.Errorf("path: %w", err)
		}
		r.pathRegex = re
	}
	lists := append([]gitleaksAllowlist(nil), g.Allowlists...)
	if g.Allowlist != nil {
		lists = append(lists, *g.Allowlist)
	}
	for i, a := range lists {
		if len(a.TargetRules) > 0 {
			return fmt.Errorf("allowlist %d: targetRules only in global [[allowlists]]", i+1)
		}
		al, err := a.compile()
		if err != nil {
			return fmt.Errorf("allowlist %d: %w", i+1, err)
		}
		r.lists = append(r.lists, al)
	}
	for _, q := range g.Required {
		if q.ID == "" {
			return errors.New("[[rules.required]] needs an id")
		}
		r.required = append(r.required, required{id: q.ID, lines: q.WithinLines, column: q.WithinColumns})
	}
	return nil
}

// mergeInto applies an extending rule to the rule it extends.
func (g gitleaksRule) mergeInto(r *Rule) error {
	if g.Description != "" {
		r.Description = g.Description
	}
	if g.Entropy != 0 {
		r.Entropy = g.Entropy
	}
	if g.Regex != "" {
		if err := r.setRegex(g.Regex); err != nil {
			return err
		}
		r.anchored, r.pathOnly = nil, false
	}
	if g.SecretGroup != 0 || g.Regex != "" {
		if err := r.setSecretGroup(g.SecretGroup); err != nil {
			return err
		}
	}
	for _, k := range g.Keywords {
		if k = strings.ToLower(k); k != "" && !containsString(r.Keywords, k) {
			r.Keywords = append(r.Keywords, k)
		}
	}
	r.Tags = append(r.Tags, g.Tags...)
	r.skipReport = r.skipReport || g.SkipReport
	return g.addTo(r)
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// setSecretGroup applies gitleaks' secretGroup: the group's index, or 0
// for "the first non-empty group, else the whole match".
func (r *Rule) setSecretGroup(g int) error {
	if g > 0 {
		if g > r.Regex.NumSubexp() {
			return fmt.Errorf("secretGroup %d but the regex has %d groups", g, r.Regex.NumSubexp())
		}
		r.secretGroup = g
	} else if r.secretGroup < 0 {
		r.secretGroup = 0
	}
	return nil
}

func (a gitleaksAllowlist) compile() (*allowlist, error) {
	al := &allowlist{}
	switch strings.ToUpper(a.Condition) {
	case "", "OR", "||":
	case "AND", "&&":
		al.and = true
	default:
		return nil, fmt.Errorf("condition %q (want AND or OR)", a.Condition)
	}
	switch strings.ToLower(a.RegexTarget) {
	case "", "secret":
	case "match", "line":
		al.target = strings.ToLower(a.RegexTarget)
	default:
		return nil, fmt.Errorf("regexTarget %q (want secret, match or line)", a.RegexTarget)
	}
	var err error
	if al.regexes, err = compileAll("allowlist regex", a.Regexes); err != nil {
		return nil, err
	}
	if al.paths, err = compileAll("allowlist path", a.Paths); err != nil {
		return nil, err
	}
	for _, w := range a.StopWords {
		al.stopwords = append(al.stopwords, strings.ToLower(w))
	}
	if len(a.Commits) > 0 {
		al.commits = map[string]bool{}
		for _, c := range a.Commits {
			al.commits[strings.ToLower(strings.TrimSpace(c))] = true
		}
	}
	if len(al.regexes)+len(al.paths)+len(al.stopwords)+len(al.commits) == 0 {
		return nil, errors.New("needs at least one of regexes, paths, stopwords or commits")
	}
	return al, nil
}

// fileLevel reports whether the list allows every finding in path by
// path alone (an OR list with a matching path): the rule need not run.
func (a *allowlist) fileLevel(path string) bool {
	return !a.and && anyMatch(a.paths, path)
}

// allows applies the list to a finding: secret, the whole match, its
// line, the file path and (history mode) the commit.
func (a *allowlist) allows(secret, match, line, path, commit string) bool {
	target := secret
	switch a.target {
	case "match":
		target = match
	case "line":
		target = line
	}
	commitOK := func() bool { return commit != "" && a.commits[strings.ToLower(commit)] }
	stop := func() bool {
		low := strings.ToLower(secret)
		for _, w := range a.stopwords {
			if strings.Contains(low, w) {
				return true
			}
		}
		return false
	}
	if !a.and {
		return anyMatch(a.paths, path) || commitOK() || anyMatch(a.regexes, target) || stop()
	}
	if len(a.commits) > 0 && !commitOK() {
		return false
	}
	if len(a.paths) > 0 && !anyMatch(a.paths, path) {
		return false
	}
	if len(a.regexes) > 0 && !anyMatch(a.regexes, target) {
		return false
	}
	return len(a.stopwords) == 0 || stop()
}
