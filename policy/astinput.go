package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/tollgate-dev/tollgate/scanner"
)

// The policy input as OPA values: the small rest of the document goes
// through JSON so it always matches its documented form (restObject);
// findings, which can number in the hundreds of thousands, are built term
// by term (JSON encoding and re-parsing them dominated the gate's run
// time). TestInputValueMatchesJSON keeps both paths identical.
//
// With a non-nil fields set (see policyFields), only object keys in it are
// built, at every level: a policy cannot read a key it never names, and
// the whole input of 130,000 findings as OPA objects took 1.8 KB each.
// Identical strings, string lists and exceptions are built once and shared
// between findings; terms are never mutated while the policy can see them.

// restObject is the input without its findings, as an OPA object.
func restObject(in Input, fields map[string]bool) (ast.Object, error) {
	rest := in
	rest.Findings = nil
	b, err := json.Marshal(rest)
	if err != nil {
		return nil, fmt.Errorf("policy input: %w", err)
	}
	v, err := ast.ValueFromReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("policy input: %w", err)
	}
	obj, ok := v.(ast.Object)
	if !ok {
		return nil, fmt.Errorf("policy input is not an object")
	}
	if fields != nil {
		if obj, err = obj.Filter(keyFilter(obj, fields)); err != nil {
			return nil, fmt.Errorf("policy input: %w", err)
		}
	}
	return obj, nil
}

// withFindings is rest with findings added, sharing rest's terms (the
// chunked gate builds one such input per chunk from the same rest).
func withFindings(rest ast.Object, findings []*ast.Term) ast.Object {
	items := make([][2]*ast.Term, 0, rest.Len()+1)
	rest.Foreach(func(k, v *ast.Term) {
		if !k.Equal(ast.InternedTerm("findings")) {
			items = append(items, [2]*ast.Term{k, v})
		}
	})
	items = append(items, [2]*ast.Term{ast.InternedTerm("findings"), ast.ArrayTerm(findings...)})
	return ast.NewObject(items...)
}

// findingTerms are the policy terms of some of a source's findings: idx
// are their indexes in the source (nil: all of them, in order).
type findingTerms struct {
	idx   []int
	terms []*ast.Term
}

// allTerms builds every finding of src.
func allTerms(src findingSource, fields map[string]bool) (*findingTerms, error) {
	tb := newTermBuilder(fields)
	terms := make([]*ast.Term, src.len())
	var scratch InputFinding
	for i := range terms {
		t, err := tb.finding(src.at(i, &scratch))
		if err != nil {
			return nil, err
		}
		terms[i] = t
	}
	return &findingTerms{terms: terms}, nil
}

// release empties the terms once the evaluation is over: each finding's
// own term is emptied, so that neither the array nor what evaluation
// copied out of it (comprehension results, OPA's pooled evaluation
// states, which in sync.Pools kept the whole input alive until a second
// collection) keeps a finding alive; the terms are ours and the
// evaluation is over.
func (fs *findingTerms) release() { emptyTerms(fs.terms) }

// emptyTerms empties every term of ts (nil entries skipped) and clears ts.
func emptyTerms(ts []*ast.Term) {
	for _, t := range ts {
		if t != nil {
			t.Value = ast.Null{}
		}
	}
	clear(ts)
}

// findingSource is where the input's findings come from: an Input's own
// list, or the scan result's findings, converted one at a time so that the
// gate never holds a second copy of every finding.
type findingSource struct {
	input  []InputFinding
	result []scanner.Finding // used when input is nil
}

func (s findingSource) len() int {
	if s.input != nil {
		return len(s.input)
	}
	return len(s.result)
}

// finding is finding i as the scanner made it.
func (s findingSource) finding(i int) *scanner.Finding {
	if s.input != nil {
		return &s.input[i].Finding
	}
	return &s.result[i]
}

// at is finding i; scratch holds it when it has to be converted.
func (s findingSource) at(i int, scratch *InputFinding) *InputFinding {
	if s.input != nil {
		return &s.input[i]
	}
	*scratch = inputFinding(&s.result[i])
	return scratch
}

// keyFilter is the ast.Object.Filter argument keeping obj's top-level keys
// that are in fields, with all their contents.
func keyFilter(obj ast.Object, fields map[string]bool) ast.Object {
	f := ast.NewObject()
	for _, k := range obj.Keys() {
		if s, ok := k.Value.(ast.String); ok && fields[string(s)] {
			f.Insert(k, ast.NullTerm())
		}
	}
	return f
}

// termBuilder builds finding terms and shares what repeats between them.
type termBuilder struct {
	fields   map[string]bool      // nil: every key
	keys     map[string]*ast.Term // object keys
	strTerms map[string]*ast.Term // repeated strings (titles, paths, versions, ...)
	lists    map[string]*ast.Term // string lists by content
	excs     map[*scanner.Exception]*ast.Term
	// objects are shared objects by content (see sharedTerm).
	objects map[string]*ast.Term
	free    [][][2]*ast.Term
}

func newTermBuilder(fields map[string]bool) *termBuilder {
	return &termBuilder{fields: fields, keys: map[string]*ast.Term{}, strTerms: map[string]*ast.Term{},
		lists: map[string]*ast.Term{}, excs: map[*scanner.Exception]*ast.Term{},
		objects: map[string]*ast.Term{}}
}

// want reports whether key k is built at all.
func (b *termBuilder) want(k string) bool { return b.fields == nil || b.fields[k] }

// object builds an object term from key/value pairs, skipping nil values
// (the JSON form's omitempty). Key terms are shared through keys: terms
// are never mutated once built, and allocating the same ~30 key strings
// for every one of 100,000 findings was a third of the conversion time.
type object struct {
	b     *termBuilder
	items [][2]*ast.Term
}

// object starts an object; its items buffer is reused once term has
// copied it (ast.NewObject keeps no reference to it).
func (b *termBuilder) object(n int) *object {
	if k := len(b.free); k > 0 {
		items := b.free[k-1]
		b.free = b.free[:k-1]
		return &object{b: b, items: items}
	}
	return &object{b: b, items: make([][2]*ast.Term, 0, n)}
}

// put adds k unless v is nil or k is not wanted.
func (o *object) put(k string, v *ast.Term) {
	if v == nil || !o.b.want(k) {
		return
	}
	kt, ok := o.b.keys[k]
	if !ok {
		kt = ast.StringTerm(k)
		o.b.keys[k] = kt
	}
	o.items = append(o.items, [2]*ast.Term{kt, v})
}

// term is the object, nil when no key was wanted.
func (o *object) term() *ast.Term {
	defer o.release()
	if len(o.items) == 0 && o.b.fields != nil {
		return nil
	}
	return ast.ObjectTerm(o.items...)
}

func (o *object) release() {
	clear(o.items)
	o.b.free = append(o.b.free, o.items[:0])
	o.items = nil
}

// sharedTerm is term, built once per distinct content when every value is
// a string, number or boolean: locations, and the small package and
// properties objects of the lean input, repeat between findings.
func (o *object) sharedTerm() *ast.Term {
	var key strings.Builder
	for _, kv := range o.items {
		key.WriteString(string(kv[0].Value.(ast.String)))
		switch v := kv[1].Value.(type) {
		case ast.String:
			key.WriteString("\x00s")
			key.WriteString(string(v))
		case ast.Number:
			key.WriteString("\x00n")
			key.WriteString(string(v))
		case ast.Boolean:
			key.WriteString("\x00b")
			key.WriteString(strconv.FormatBool(bool(v)))
		default:
			return o.term()
		}
		key.WriteByte(0)
	}
	k := key.String()
	if t, ok := o.b.objects[k]; ok {
		o.release()
		return t
	}
	t := o.term()
	o.b.objects[k] = t
	return t
}

// shared is a string term built once per distinct value; for strings that
// repeat between findings (rule ids, titles, paths, package names).
func (b *termBuilder) shared(s string) *ast.Term {
	t, ok := b.strTerms[s]
	if !ok {
		t = ast.StringTerm(s)
		b.strTerms[s] = t
	}
	return t
}

// str is the omitempty form of shared.
func (b *termBuilder) str(s string) *ast.Term {
	if s == "" {
		return nil
	}
	return b.shared(s)
}

// unique is a string term for a value that rarely repeats (fingerprints,
// evidence, snippets): sharing it would only grow the table.
func unique(s string) *ast.Term {
	if s == "" {
		return nil
	}
	return ast.StringTerm(s)
}

func num(n int) *ast.Term {
	if n == 0 {
		return nil
	}
	return ast.InternedTerm(n)
}

func boolean(v bool) *ast.Term { return ast.InternedTerm(v) }

// strs is a string list, shared between findings with the same list (an
// advisory's references, a check's tags); nil when empty or not wanted.
func (b *termBuilder) strs(k string, ss []string) *ast.Term {
	if len(ss) == 0 || !b.want(k) {
		return nil
	}
	key := strings.Join(ss, "\x00")
	if t, ok := b.lists[key]; ok {
		return t
	}
	ts := make([]*ast.Term, len(ss))
	for i, s := range ss {
		ts[i] = b.shared(s)
	}
	t := ast.ArrayTerm(ts...)
	b.lists[key] = t
	return t
}

// properties converts a properties map as ast.InterfaceToValue does, sharing
// strings and keeping only wanted keys of its top-level object.
func (b *termBuilder) properties(m map[string]any) (*ast.Term, error) {
	o := b.object(len(m))
	for k, v := range m {
		if !b.want(k) {
			continue
		}
		var t *ast.Term
		switch x := v.(type) {
		case string:
			t = b.shared(x)
		case bool:
			t = boolean(x)
		default:
			v, err := ast.InterfaceToValue(x)
			if err != nil {
				return nil, err
			}
			t = ast.NewTerm(v)
		}
		o.put(k, t)
	}
	if b.fields != nil {
		return o.sharedTerm(), nil
	}
	return o.term(), nil
}

// finding builds one finding's object.
func (b *termBuilder) finding(f *InputFinding) (*ast.Term, error) {
	o := b.object(24)
	o.put("scanner", b.shared(f.Scanner))
	o.put("rule_id", b.shared(f.RuleID))
	o.put("title", b.shared(f.Title))
	o.put("description", b.str(f.Description))
	o.put("severity", b.shared(f.Severity.String()))
	if f.Score != 0 && b.want("score") {
		o.put("score", ast.NumberTerm(json.Number(strconv.FormatFloat(f.Score, 'f', -1, 64))))
	}
	if b.want("location") {
		loc := b.object(5)
		loc.put("path", b.shared(f.Location.Path))
		loc.put("start_line", num(f.Location.StartLine))
		loc.put("start_column", num(f.Location.StartColumn))
		loc.put("end_line", num(f.Location.EndLine))
		loc.put("end_column", num(f.Location.EndColumn))
		o.put("location", loc.sharedTerm())
	}
	o.put("snippet", unique(f.Snippet))
	if p := f.Package; p != nil && b.want("package") {
		pk := b.object(10)
		pk.put("ecosystem", b.shared(p.Ecosystem))
		pk.put("name", b.shared(p.Name))
		pk.put("version", b.shared(p.Version))
		pk.put("purl", b.str(p.PURL))
		pk.put("fixed_versions", b.strs("fixed_versions", p.FixedVersions))
		pk.put("fix", b.str(p.Fix))
		if p.Dev {
			pk.put("dev", boolean(true))
		}
		if p.Direct != nil {
			pk.put("direct", boolean(*p.Direct))
		}
		pk.put("upgrade_to", b.str(p.UpgradeTo))
		if p.UpgradeMajor {
			pk.put("upgrade_major", boolean(true))
		}
		if b.fields != nil {
			o.put("package", pk.sharedTerm())
		} else {
			o.put("package", pk.term())
		}
	}
	o.put("aliases", b.strs("aliases", f.Aliases))
	o.put("references", b.strs("references", f.References))
	o.put("remediation", b.str(f.Remediation))
	o.put("cwes", b.strs("cwes", f.CWEs))
	o.put("tags", b.strs("tags", f.Tags))
	o.put("evidence", unique(f.Evidence))
	o.put("fingerprint", ast.StringTerm(f.Fingerprint))
	if len(f.Properties) > 0 && b.want("properties") {
		t, err := b.properties(f.Properties)
		if err != nil {
			return nil, fmt.Errorf("policy input: properties of %s: %w", f.Fingerprint, err)
		}
		o.put("properties", t)
	}
	o.put("new", boolean(f.New))
	o.put("suppressed", boolean(f.Suppressed))
	if f.Exception != nil && b.want("exception") {
		o.put("exception", b.exception(f.Exception))
	}
	o.put("fixable", boolean(f.Fixable))
	if f.Verified != nil {
		o.put("verified", boolean(*f.Verified))
	}
	o.put("severity_rank", ast.InternedTerm(f.SeverityRank))
	return o.term(), nil
}

// exception builds a finding's exception once per exception: BuildInput
// gives every finding matched by one entry the same pointer.
func (b *termBuilder) exception(e *scanner.Exception) *ast.Term {
	if t, ok := b.excs[e]; ok {
		return t
	}
	o := b.object(8)
	o.put("id", b.shared(e.ID))
	o.put("reason", b.shared(e.Reason))
	o.put("owner", b.str(e.Owner))
	o.put("ticket", b.str(e.Ticket))
	if e.Expires != nil {
		o.put("expires", ast.StringTerm(e.Expires.Format(time.RFC3339Nano)))
	}
	o.put("expired", boolean(e.Expired))
	o.put("source", b.str(e.Source))
	t := o.term()
	b.excs[e] = t
	return t
}
