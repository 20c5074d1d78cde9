package secrets

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tollgate-dev/tollgate/scanner"
)

// gitleaksConfig is the subset of a gitleaks configuration file tollgate
// understands: [[rules]] with id, description, regex, secretGroup,
// keywords, entropy, path and allowlists (plus the older single
// [rules.allowlist] table), and the global [allowlist]/[[allowlists]].
type gitleaksConfig struct {
	Title      string              `toml:"title"`
	Rules      []gitleaksRule      `toml:"rules"`
	Allowlist  *gitleaksAllowlist  `toml:"allowlist"`
	Allowlists []gitleaksAllowlist `toml:"allowlists"`
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
	Allowlist   *gitleaksAllowlist  `toml:"allowlist"`
	Allowlists  []gitleaksAllowlist `toml:"allowlists"`
}

type gitleaksAllowlist struct {
	Description string   `toml:"description"`
	Condition   string   `toml:"condition"`
	RegexTarget string   `toml:"regexTarget"`
	Regexes     []string `toml:"regexes"`
	Paths       []string `toml:"paths"`
	StopWords   []string `toml:"stopwords"`
	Commits     []string `toml:"commits"`
}

// ParseGitleaksTOML converts a gitleaks configuration into rules. Rules
// without keywords run over every whole file (slow but correct). Rules
// with only a path and no regex (file-presence rules) are rejected, as are
// allowlists with condition "AND", which tollgate does not implement.
// Rules take severity HIGH. Global allowlists apply to every rule of the
// file.
func ParseGitleaksTOML(name string, data []byte) ([]*Rule, error) {
	var c gitleaksConfig
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	_ = md
	global := c.Allowlists
	if c.Allowlist != nil {
		global = append(global, *c.Allowlist)
	}
	var out []*Rule
	for i, g := range c.Rules {
		r, err := g.compile(name, global)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %d (%s): %w", name, i+1, g.ID, err)
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no [[rules]]", name)
	}
	return out, nil
}

func (g gitleaksRule) compile(source string, global []gitleaksAllowlist) (*Rule, error) {
	if g.ID == "" {
		return nil, errors.New("id is required")
	}
	if g.Regex == "" {
		return nil, errors.New("rules without a regex (path-only) are not supported")
	}
	desc := g.Description
	if desc == "" {
		desc = g.ID
	}
	r := &Rule{
		ID: g.ID, Description: desc, Severity: scanner.SeverityHigh,
		Entropy: g.Entropy, Source: source,
		generic: strings.HasPrefix(g.ID, "generic"),
	}
	for _, k := range g.Keywords {
		if k = strings.ToLower(k); k != "" {
			r.Keywords = append(r.Keywords, k)
		}
	}
	if err := r.setRegex(g.Regex); err != nil {
		return nil, err
	}
	if g.SecretGroup > 0 {
		if g.SecretGroup > r.Regex.NumSubexp() {
			return nil, fmt.Errorf("secretGroup %d but the regex has %d groups", g.SecretGroup, r.Regex.NumSubexp())
		}
		r.secretGroup = g.SecretGroup
	} else if r.secretGroup < 0 {
		r.secretGroup = 0
	}
	if g.Path != "" {
		re, err := regexp.Compile(g.Path)
		if err != nil {
			return nil, fmt.Errorf("path: %w", err)
		}
		r.pathRegex = re
	}
	lists := append([]gitleaksAllowlist(nil), g.Allowlists...)
	if g.Allowlist != nil {
		lists = append(lists, *g.Allowlist)
	}
	lists = append(lists, global...)
	for _, a := range lists {
		if strings.EqualFold(a.Condition, "AND") && nonEmptyCount(a) > 1 {
			return nil, errors.New(`allowlist condition "AND" is not supported`)
		}
		res, err := compileAll("allowlist regex", a.Regexes)
		if err != nil {
			return nil, err
		}
		switch strings.ToLower(a.RegexTarget) {
		case "", "secret":
			r.allow = append(r.allow, res...)
		case "match":
			r.allowMatch = append(r.allowMatch, res...)
		case "line":
			r.allowLine = append(r.allowLine, res...)
		default:
			return nil, fmt.Errorf("allowlist regexTarget %q (want secret, match or line)", a.RegexTarget)
		}
		ps, err := compileAll("allowlist path", a.Paths)
		if err != nil {
			return nil, err
		}
		r.skipPathRe = append(r.skipPathRe, ps...)
		for _, w := range a.StopWords {
			r.stopwords = append(r.stopwords, strings.ToLower(w))
		}
	}
	return r, nil
}

func nonEmptyCount(a gitleaksAllowlist) int {
	n := 0
	for _, l := range []int{len(a.Regexes), len(a.Paths), len(a.StopWords), len(a.Commits)} {
		if l > 0 {
			n++
		}
	}
	return n
}
