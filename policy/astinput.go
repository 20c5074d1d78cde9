package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/tollgate-dev/tollgate/scanner"
)

// toValue converts the input to an OPA value. Findings, which can number
// in the hundreds of thousands, are built term by term (JSON encoding and
// re-parsing them dominated the gate's run time); the small rest of the
// document goes through JSON so it always matches its documented form.
// TestInputValueMatchesJSON keeps both paths identical.
func toValue(in Input) (ast.Value, error) {
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
	terms := make([]*ast.Term, len(in.Findings))
	keys := make(map[string]*ast.Term, 64)
	for i := range in.Findings {
		t, err := findingTerm(keys, &in.Findings[i])
		if err != nil {
			return nil, err
		}
		terms[i] = t
	}
	obj.Insert(ast.StringTerm("findings"), ast.ArrayTerm(terms...))
	return obj, nil
}

// object builds an object term from key/value pairs, skipping nil values
// (the JSON form's omitempty). Key terms are shared through keys: terms
// are never mutated once built, and allocating the same ~30 key strings
// for every one of 100,000 findings was a third of the conversion time.
type object struct {
	keys  map[string]*ast.Term
	items [][2]*ast.Term
}

func newObject(keys map[string]*ast.Term, n int) *object {
	return &object{keys: keys, items: make([][2]*ast.Term, 0, n)}
}

func (o *object) put(k string, v *ast.Term) {
	if v == nil {
		return
	}
	kt, ok := o.keys[k]
	if !ok {
		kt = ast.StringTerm(k)
		o.keys[k] = kt
	}
	o.items = append(o.items, [2]*ast.Term{kt, v})
}

func (o *object) term() *ast.Term { return ast.ObjectTerm(o.items...) }

func str(s string) *ast.Term {
	if s == "" {
		return nil
	}
	return ast.StringTerm(s)
}

func num(n int) *ast.Term {
	if n == 0 {
		return nil
	}
	return ast.IntNumberTerm(n)
}

func strs(ss []string) *ast.Term {
	if len(ss) == 0 {
		return nil
	}
	ts := make([]*ast.Term, len(ss))
	for i, s := range ss {
		ts[i] = ast.StringTerm(s)
	}
	return ast.ArrayTerm(ts...)
}

func findingTerm(keys map[string]*ast.Term, f *InputFinding) (*ast.Term, error) {
	o := newObject(keys, 24)
	o.put("scanner", ast.StringTerm(f.Scanner))
	o.put("rule_id", ast.StringTerm(f.RuleID))
	o.put("title", ast.StringTerm(f.Title))
	o.put("description", str(f.Description))
	o.put("severity", ast.StringTerm(f.Severity.String()))
	if f.Score != 0 {
		o.put("score", ast.NumberTerm(json.Number(strconv.FormatFloat(f.Score, 'f', -1, 64))))
	}
	loc := newObject(keys, 5)
	loc.put("path", ast.StringTerm(f.Location.Path))
	loc.put("start_line", num(f.Location.StartLine))
	loc.put("start_column", num(f.Location.StartColumn))
	loc.put("end_line", num(f.Location.EndLine))
	loc.put("end_column", num(f.Location.EndColumn))
	o.put("location", loc.term())
	o.put("snippet", str(f.Snippet))
	if p := f.Package; p != nil {
		pk := newObject(keys, 8)
		pk.put("ecosystem", ast.StringTerm(p.Ecosystem))
		pk.put("name", ast.StringTerm(p.Name))
		pk.put("version", ast.StringTerm(p.Version))
		pk.put("purl", str(p.PURL))
		pk.put("fixed_versions", strs(p.FixedVersions))
		pk.put("fix", str(p.Fix))
		if p.Dev {
			pk.put("dev", ast.BooleanTerm(true))
		}
		if p.Direct != nil {
			pk.put("direct", ast.BooleanTerm(*p.Direct))
		}
		pk.put("upgrade_to", str(p.UpgradeTo))
		if p.UpgradeMajor {
			pk.put("upgrade_major", ast.BooleanTerm(true))
		}
		o.put("package", pk.term())
	}
	o.put("aliases", strs(f.Aliases))
	o.put("references", strs(f.References))
	o.put("remediation", str(f.Remediation))
	o.put("cwes", strs(f.CWEs))
	o.put("tags", strs(f.Tags))
	o.put("evidence", str(f.Evidence))
	o.put("fingerprint", ast.StringTerm(f.Fingerprint))
	if len(f.Properties) > 0 {
		v, err := ast.InterfaceToValue(f.Properties)
		if err != nil {
			return nil, fmt.Errorf("policy input: properties of %s: %w", f.Fingerprint, err)
		}
		o.put("properties", ast.NewTerm(v))
	}
	o.put("new", ast.BooleanTerm(f.New))
	o.put("suppressed", ast.BooleanTerm(f.Suppressed))
	o.put("exception", exceptionTerm(keys, f.Exception))
	o.put("fixable", ast.BooleanTerm(f.Fixable))
	if f.Verified != nil {
		o.put("verified", ast.BooleanTerm(*f.Verified))
	}
	o.put("severity_rank", ast.IntNumberTerm(f.SeverityRank))
	return o.term(), nil
}

func exceptionTerm(keys map[string]*ast.Term, e *scanner.Exception) *ast.Term {
	if e == nil {
		return nil
	}
	o := newObject(keys, 8)
	o.put("id", ast.StringTerm(e.ID))
	o.put("reason", ast.StringTerm(e.Reason))
	o.put("owner", str(e.Owner))
	o.put("ticket", str(e.Ticket))
	if e.Expires != nil {
		o.put("expires", ast.StringTerm(e.Expires.Format(time.RFC3339Nano)))
	}
	o.put("expired", ast.BooleanTerm(e.Expired))
	o.put("source", str(e.Source))
	return o.term()
}
