package scanner

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"sync"
	"unsafe"
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
// to. The first finding's value of each content becomes the shared one, so
// compacting allocates little beyond its tables: it runs when a scanner's
// working set is still being collected, at the scan's largest heap.
func compactFindings(fs []Finding) {
	if len(fs) < 2 {
		return
	}
	c := newCompactor()
	for i := range fs {
		c.finding(&fs[i])
	}
}

// Compactor is compactFindings across calls: values equal between the
// findings of any of its calls are shared. A scanner that builds its
// findings in many units of work (iac: one per file or module, evaluated
// in parallel) compacts each unit's as soon as they are built, so that
// they do not stay live as built until Run compacts them when the scanner
// is done. Its tables live as long as it does: make one per scan. Safe for
// concurrent use.
type Compactor struct {
	mu sync.Mutex
	c  compactor
}

// NewCompactor returns an empty Compactor.
func NewCompactor() *Compactor { return &Compactor{c: newCompactor()} }

// Compact makes fs share values with each other and with every finding
// compacted before. The findings' values are read-only from then on.
func (c *Compactor) Compact(fs []Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range fs {
		c.c.finding(&fs[i])
	}
}

func newCompactor() compactor {
	return compactor{
		strs:  map[string]string{},
		lists: map[string][]string{},
		pkgs:  map[string]*Package{},
		maps:  map[uint64]map[string]any{},
		seed:  maphash.MakeSeed(),
		peers: map[string]map[string][]string{},
	}
}

// compactor holds one table per kind of shared value, keyed by content.
type compactor struct {
	strs  map[string]string
	lists map[string][]string
	pkgs  map[string]*Package
	// maps is keyed by a hash of the content, not the content: most
	// property maps are unique (a message, a resource, a line), and their
	// keys as text cost nearly as much as the maps (12 of iac's 50 MB on
	// the 1.1 GB tree).
	maps  map[uint64]map[string]any
	seed  maphash.Seed
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
	c.strs[s] = s
	return s
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
	// The scanner may share l with its own data (a check's references):
	// it is kept as it is, clipped.
	v := l[:len(l):len(l)]
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
	c.pkgs[string(b)] = p
	p.FixedVersions = c.list(p.FixedVersions)
	return p
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
	h := maphash.Bytes(c.seed, b)
	if v, ok := c.maps[h]; ok {
		if sameProps(v, m) {
			return v
		}
		return m // another content with the same hash: left unshared
	}
	c.maps[h] = m
	// m is this finding's own map (scanners build one per finding), so
	// its values are replaced by their shared copies in place; the
	// content stays the same.
	for k, x := range m {
		if y, ok := c.value(x); ok {
			m[k] = y
		}
	}
	return m
}

// sameProps is true when a and b have the same keys and values, as their
// keys from appendValue would be equal (both are of kinds props shares).
func sameProps(a, b map[string]any) bool { return sameEntries(a, b, sameValue) }

func sameEntries[V any](a, b map[string]V, same func(x, y V) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, x := range a {
		y, ok := b[k]
		if !ok || !same(x, y) {
			return false
		}
	}
	return true
}

func sameValue(x, y any) bool {
	switch x := x.(type) {
	case string:
		return sameAs(x, y)
	case bool:
		return sameAs(x, y)
	case int:
		return sameAs(x, y)
	case int64:
		return sameAs(x, y)
	case float64:
		y, ok := y.(float64)
		return ok && math.Float64bits(x) == math.Float64bits(y)
	case []string:
		y, ok := y.([]string)
		return ok && sameList(x, y)
	case map[string][]string:
		y, ok := y.(map[string][]string)
		return ok && (x == nil) == (y == nil) && sameEntries(x, y, sameList)
	}
	return false
}

// sameAs is true when y holds a T equal to x.
func sameAs[T comparable](x T, y any) bool {
	v, ok := y.(T)
	return ok && v == x
}

// sameList tells nil from empty, as the keys do.
func sameList(x, y []string) bool { return (x == nil) == (y == nil) && slices.Equal(x, y) }

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

// value is x's shared copy, false when x is not shared (numbers,
// booleans, nil and empty values, the first of its content).
func (c *compactor) value(x any) (any, bool) {
	switch x := x.(type) {
	case string:
		if v := c.str(x); unsafe.StringData(v) != unsafe.StringData(x) {
			return v, true
		}
	case []string:
		if len(x) == 0 {
			return nil, false
		}
		if v := c.list(x); &v[0] != &x[0] {
			return v, true
		}
	case map[string][]string:
		if len(x) == 0 {
			return nil, false
		}
		b, _ := c.appendValue(c.buf[:0], x)
		c.buf = b
		if v, ok := c.peers[string(b)]; ok {
			return v, true
		}
		// the first of its content is kept as it is: it may be the
		// scanner's own (a check's peer ids)
		c.peers[string(b)] = x
	}
	return nil, false
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
