package terraform

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// rootVariables reads the variable values a root module receives, in
// terraform's precedence order: terraform.tfvars(.json), *.auto.tfvars(.json)
// in lexical order, then the explicit var files. Later files win.
func (l *loader) rootVariables(dir string, varFiles []string) (map[string]cty.Value, error) {
	vals := map[string]cty.Value{}
	var auto []string
	entries, err := fs.ReadDir(l.fsys, dir)
	if err == nil {
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() {
				continue
			}
			if strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json") {
				auto = append(auto, path.Join(dir, n))
			}
		}
	}
	sort.Strings(auto)
	var files []string
	for _, n := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		p := path.Join(dir, n)
		if _, err := fs.Stat(l.fsys, p); err == nil {
			files = append(files, p)
		}
	}
	files = append(files, auto...)
	files = append(files, varFiles...)
	for _, p := range files {
		src, name, err := l.readFile(p)
		if err != nil {
			return nil, err
		}
		if err := readVarsFile(name, src, vals); err != nil {
			return nil, err
		}
	}
	return vals, nil
}

func readVarsFile(name string, src []byte, into map[string]cty.Value) error {
	f, err := parseFile(name, src)
	if err != nil {
		return err
	}
	attrs, diags := f.body.JustAttributes()
	if diags.HasErrors() {
		return diagError(name, diags)
	}
	for n, a := range attrs {
		v, diags := safeValue(a.Expr, nil)
		if diags.HasErrors() {
			v = cty.DynamicVal
		}
		into[n] = v
	}
	return nil
}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "default"}, {Name: "type"}, {Name: "description"}, {Name: "sensitive"},
	{Name: "nullable"}, {Name: "ephemeral"},
}}

// variableDecl is a declared input variable.
type variableDecl struct {
	name     string
	typ      cty.Type
	defaults *typeexpr.Defaults
	def      cty.Value
	hasDef   bool
}

func parseVariable(b *hcl.Block) variableDecl {
	d := variableDecl{name: b.Labels[0], typ: cty.DynamicPseudoType}
	content, _, _ := b.Body.PartialContent(variableSchema)
	if a, ok := content.Attributes["type"]; ok {
		if t, defs, diags := typeexpr.TypeConstraintWithDefaults(a.Expr); !diags.HasErrors() {
			d.typ, d.defaults = t, defs
		}
	}
	if a, ok := content.Attributes["default"]; ok {
		v, diags := safeValue(a.Expr, nil)
		if diags.HasErrors() {
			v = cty.DynamicVal
		}
		d.def, d.hasDef = v, true
	}
	return d
}

// resolve picks the variable's value: the given one, else the default, else
// unknown; converted to the declared type when possible.
func (d variableDecl) resolve(given cty.Value, ok bool) cty.Value {
	v := cty.DynamicVal
	switch {
	case ok:
		v = given
	case d.hasDef:
		v = d.def
	}
	if !v.IsKnown() {
		return v
	}
	if d.defaults != nil && !v.IsNull() {
		v = safeDefaults(d.defaults, v)
	}
	if d.typ != cty.DynamicPseudoType && !v.IsNull() {
		if cv, err := convert.Convert(v, d.typ); err == nil {
			v = cv
		}
	}
	return v
}

func safeDefaults(d *typeexpr.Defaults, v cty.Value) (out cty.Value) {
	defer func() {
		if r := recover(); r != nil {
			out = v
		}
	}()
	return d.Apply(v)
}

// envPrefix marks the environment variables terraform reads as variable values.
const envPrefix = "TF_VAR_"

// VarsFromEnviron picks the TF_VAR_<name> entries of an environment
// (os.Environ form) and returns their values by variable name.
func VarsFromEnviron(environ []string) map[string]string {
	out := map[string]string{}
	for _, kv := range environ {
		k, v, ok := strings.Cut(kv, "=")
		if ok && strings.HasPrefix(k, envPrefix) && len(k) > len(envPrefix) {
			out[k[len(envPrefix):]] = v
		}
	}
	return out
}

// fromEnv converts a TF_VAR_ value as terraform does: the literal string
// for a string (or untyped) variable, else an HCL expression (a list, a
// map, a number); one that does not parse is unknown.
func (d variableDecl) fromEnv(raw string) cty.Value {
	if d.typ == cty.String || d.typ == cty.DynamicPseudoType {
		return cty.StringVal(raw)
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), envPrefix+d.name, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	v, diags := safeValue(expr, nil)
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}
