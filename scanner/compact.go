package scanner

import (
	"encoding/binary"
	"math"
	"sort"
	"strings"
)

// compactFindings makes what repeats between findings share memory: equal
// strings (titles, descriptions, paths, remediation texts, evidence),
// equal string lists (aliases, references, CWEs, tags, fixed versions),
// equal packages and equal property maps. A dense tree has hundreds of
// thousands of findings that differ in a line number and a fingerprint;
// built one by one by the scanners they took about 1.4 KB each, most of it
// copies of the same few thousand values (docs/performance.md).
//
// Run calls it on each scanner's findings as soon as that scanner is done,
// before they are merged. Shared values are read-only from then on (see
// [Finding]); nothing a finding reports changes, only which copy it points
// to. Every distinct string is copied once, so that a finding never keeps
// a whole file or an advisory record alive through a substring of it.
func compactFindings(fs []Finding) {
	if len(fs) < 2 {
		return
	}
	c := compactor{
		strs:  map[string]string{},
		lists: map[string][]string{},
		pkgs:  map[string]*Package{},
		maps:  map[string]map[string]any{},
		peers: map[string]map[string][]string{},
	}
	for i := range fs {
		c.finding(&fs[i])
	}
}

// compactor holds one table per kind of shared value, keyed by content.
type compactor struct {
	strs  map[string]string
	lists map[string][]string
	pkgs  map[string]*Package
	maps  map[string]map[string]any
	peers map[string]map[string][]string
	buf   []byte   // key scratch
	keys  []string // map-key scratch
}

func (c *compactor) finding(f *Finding) {
	f.Scanner = c.str(f.Scanner)
	f.RuleID = c.str(f.RuleID)
	f.Title = c.str(f.Title)
	f.Description = c.str(f.Description)
	f.Location.Path = c.str(f.Location.Path)
	f.Remediation = c.str(f.Remediation)
	f.Evidence = c.str(f.Evidence)
	f.Aliases = c.list(f.Aliases)
	f.References = c.list(f.References)
	f.CWEs = c.list(f.CWEs)
	f.Tags = c.list(f.Tags)
	if f.Package != nil {
		f.Package = c.pkg(f.Package)
	}
	if len(f.Properties) > 0 {
		f.Properties = c.props(f.Properties)
	}
}

// str is s's shared copy.
func (c *compactor) str(s string) string {
	if s == "" {
		return s
	}
	if v, ok := c.strs[s]; ok {
		return v
	}
	v := strings.Clone(s)
	c.strs[v] = v
	return v
}

// list is l's shared copy; its capacity is its length, so an append by
// anyone copies it instead of writing into the shared array. Empty lists
// are kept as they are (nil and empty encode differently in properties).
func (c *compactor) list(l []string) []string {
	if len(l) == 0 {
		return l
	}
	c.buf = c.buf[:0]
	for _, s := range l {
		c.buf = appendKeyString(c.buf, s)
	}
	if v, ok := c.lists[string(c.buf)]; ok {
		return v
	}
	v := make([]string, len(l))
	for i, s := range l {
		v[i] = c.str(s)
	}
	c.lists[string(c.buf)] = v
	return v
}

// pkg is p's shared copy.
func (c *compactor) pkg(p *Package) *Package {
	b := c.buf[:0]
	for _, s := range []string{p.Ecosystem, p.Name, p.Version, p.PURL, p.Fix, p.UpgradeTo} {
		b = appendKeyString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(p.FixedVersions)))
	for _, s := range p.FixedVersions {
		b = appendKeyString(b, s)
	}
	direct := byte(0)
	if p.Direct != nil {
		direct = 1
		if *p.Direct {
			direct = 2
		}
	}
	b = append(b, flag(p.Dev), direct, flag(p.UpgradeMajor))
	c.buf = b
	if v, ok := c.pkgs[string(b)]; ok {
		return v
	}
	key := string(b)
	v := &Package{Ecosystem: c.str(p.Ecosystem), Name: c.str(p.Name), Version: c.str(p.Version), PURL: c.str(p.PURL),
		FixedVersions: c.list(p.FixedVersions), Fix: c.str(p.Fix), Dev: p.Dev, Direct: p.Direct,
		UpgradeTo: c.str(p.UpgradeTo), UpgradeMajor: p.UpgradeMajor}
	c.pkgs[key] = v
	return v
}

// props is m's shared copy when every value is of a kind the scanners
// use (strings, booleans, numbers, string lists, maps of string lists);
// otherwise m itself, untouched.
func (c *compactor) props(m map[string]any) map[string]any {
	c.keys = c.keys[:0]
	for k := range m {
		c.keys = append(c.keys, k)
	}
	sort.Strings(c.keys)
	b := c.buf[:0]
	for _, k := range c.keys {
		b = appendKeyString(b, k)
		var ok bool
		if b, ok = c.appendValue(b, m[k]); !ok {
			c.buf = b
			return m
		}
	}
	c.buf = b
	if v, ok := c.maps[string(b)]; ok {
		return v
	}
	key := string(b)
	v := make(map[string]any, len(m))
	for k, x := range m {
		v[c.str(k)] = c.value(x)
	}
	c.maps[key] = v
	return v
}

// appendValue appends a typed key of x; false for a kind props does not
// share.
func (c *compactor) appendValue(b []byte, x any) ([]byte, bool) {
	switch x := x.(type) {
	case string:
		return appendKeyString(append(b, 's'), x), true
	case bool:
		return append(b, 'b', flag(x)), true
	case int:
		return binary.AppendVarint(append(b, 'i'), int64(x)), true
	case int64:
		return binary.AppendVarint(append(b, 'I'), x), true
	case float64:
		return binary.BigEndian.AppendUint64(append(b, 'f'), math.Float64bits(x)), true
	case []string:
		if x == nil {
			return append(b, 'N'), true
		}
		b = binary.AppendUvarint(append(b, 'l'), uint64(len(x)))
		for _, s := range x {
			b = appendKeyString(b, s)
		}
		return b, true
	case map[string][]string:
		if x == nil {
			return append(b, 'M'), true
		}
		ks := make([]string, 0, len(x))
		for k := range x {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		b = binary.AppendUvarint(append(b, 'm'), uint64(len(x)))
		for _, k := range ks {
			b = appendKeyString(b, k)
			b, _ = c.appendValue(b, x[k])
		}
		return b, true
	}
	return b, false
}

// value is x's shared form (x is of a kind appendValue accepts).
func (c *compactor) value(x any) any {
	switch x := x.(type) {
	case string:
		return c.str(x)
	case []string:
		if len(x) == 0 {
			return x
		}
		return c.list(x)
	case map[string][]string:
		if x == nil {
			return x
		}
		b, _ := c.appendValue(c.buf[:0], x)
		c.buf = b
		if v, ok := c.peers[string(b)]; ok {
			return v
		}
		key := string(b)
		v := make(map[string][]string, len(x))
		for k, l := range x {
			if len(l) == 0 {
				v[c.str(k)] = l
				continue
			}
			v[c.str(k)] = c.list(l)
		}
		c.peers[key] = v
		return v
	}
	return x
}

// appendKeyString appends s length-prefixed, so that keys made of several
// strings cannot collide.
func appendKeyString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func flag(v bool) byte {
	if v {
		return 1
	}
	return 0
}
