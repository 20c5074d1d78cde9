package arm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// Kind is the document kind the checks declare in their frameworks.
const Kind = "arm"

// Document is one evaluated template.
type Document struct {
	Kind  string         // always Kind
	Path  string         // root-relative path of the template
	Value map[string]any // see the package documentation
}

// Options are the inputs beside the template file.
type Options struct {
	// Params is the content of the template's parameters file, if any,
	// and ParamsPath its path (for errors).
	Params     []byte
	ParamsPath string
	// Bicep is the path of the .bicep source the template was compiled
	// from, when one sits beside it; it is recorded in the document.
	Bicep string
	// Budgets bound the evaluation; zero fields take their defaults.
	Budgets Budgets
}

// schemaMarker is in the $schema of every deployment template (resource
// group, subscription, management group and tenant scope), compared case
// insensitively by Parse.
var schemaMarker = []byte("deploymenttemplate.json")

// IsTemplate sniffs a deployment template without parsing it or copying
// it: the schema URLs spell the file deploymentTemplate.json or
// <scope>DeploymentTemplate.json.
func IsTemplate(src []byte) bool {
	return bytes.Contains(src, []byte("eploymentTemplate.json")) || bytes.Contains(src, []byte("eploymenttemplate.json"))
}

// ParamsFileFor names the parameters file Parse looks for beside a
// template: azuredeploy.json -> azuredeploy.parameters.json.
func ParamsFileFor(p string) string {
	return strings.TrimSuffix(p, path.Ext(p)) + ".parameters.json"
}

// BicepFileFor names the Bicep source a compiled template comes from:
// main.json -> main.bicep.
func BicepFileFor(p string) string {
	return strings.TrimSuffix(p, path.Ext(p)) + ".bicep"
}

// Parse parses and evaluates one template. It returns nil, nil for JSON
// that is not a deployment template, a *scanner.FileError (with the line)
// for a file or parameters file that cannot be parsed, and the document
// together with *scanner.FileError budget errors when a budget ran out.
func Parse(ctx context.Context, p string, src []byte, opts Options) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	root, err := yamldoc.ParseJSON(stripComments(src))
	if err != nil {
		return nil, fileError(p, err)
	}
	tpl, ok := root.(map[string]any)
	if !ok || !isTemplate(tpl) {
		return nil, nil
	}
	values := map[string]any{}
	if opts.Params != nil {
		values, err = paramValues(opts.Params)
		if err != nil {
			return nil, fileError(opts.ParamsPath, err)
		}
	}
	m := &meter{b: opts.Budgets.withDefaults(), path: p}
	w := &walker{m: m, cache: map[string]node{}}
	sc := newScope(m, w.cache, tpl, values)
	w.template(ctx, tpl, sc, nil, "", 0)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	value := w.document(tpl, sc)
	if opts.Bicep != "" {
		value["bicep"] = opts.Bicep
	}
	return []Document{{Kind: Kind, Path: p, Value: value}}, m.err()
}

func isTemplate(tpl map[string]any) bool {
	s, ok := tpl["$schema"].(string)
	return ok && strings.Contains(strings.ToLower(s), string(schemaMarker))
}

// paramValues reads a parameters file: {"parameters": {"name": {"value":
// x}}}. A Key Vault "reference" is unknown.
func paramValues(src []byte) (map[string]any, error) {
	root, err := yamldoc.ParseJSON(stripComments(src))
	if err != nil {
		return nil, err
	}
	doc, _ := root.(map[string]any)
	return supplied(doc["parameters"]), nil
}

// supplied reads {"name": {"value": x}} parameter values (a parameters
// file, a nested deployment's "parameters"); anything but a value, such
// as a Key Vault reference, is unknown.
func supplied(v any) map[string]any {
	out := map[string]any{}
	ps, _ := v.(map[string]any)
	for name, p := range ps {
		pm, ok := p.(map[string]any)
		if isAnnotation(name) || !ok {
			continue
		}
		if v, ok := pm["value"]; ok {
			out[strings.ToLower(name)] = v
		} else {
			out[strings.ToLower(name)] = unknownT{}
		}
	}
	return out
}

func fileError(p string, err error) error {
	fe := &scanner.FileError{Path: p, Err: fmt.Errorf("arm: %w", err)}
	var je *yamldoc.JSONError
	if errors.As(err, &je) && je.Line > 0 {
		fe.Line = je.Line
		fe.Err = fmt.Errorf("arm: %w", je.Err)
	}
	return fe
}

// instance is one evaluated resource (one copy-loop instance).
type instance struct {
	typ, name string // full type and name ("Microsoft.Sql/servers/firewallRules", "sql1/all")
	address   string
	raw       map[string]any // the evaluated resource object
	loc       map[string]any
}

type walker struct {
	m     *meter
	cache map[string]node
	out   []instance
}

// template walks the resources of a template (or nested template).
func (w *walker) template(ctx context.Context, tpl map[string]any, sc *scope, parent *instance, prefix string, depth int) {
	for _, r := range resourceList(tpl["resources"]) {
		if ctx.Err() != nil {
			return
		}
		w.resource(ctx, r, sc, parent, prefix, depth)
	}
}

// resourceList accepts the array form and the symbolic-name object form
// (languageVersion 2.0) of "resources", in source order.
func resourceList(v any) []map[string]any {
	var out []map[string]any
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
	case map[string]any:
		for k, x := range t {
			if m, ok := x.(map[string]any); ok && !isAnnotation(k) {
				out = append(out, m)
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return locLine(locOf(out[i])) < locLine(locOf(out[j])) })
	}
	return out
}

func locOf(m map[string]any) map[string]any {
	l, _ := m[yamldoc.LocKey].(map[string]any)
	return l
}

func keyLoc(m map[string]any, k string) map[string]any {
	keys, _ := m[yamldoc.KeysKey].(map[string]any)
	if l, ok := keys[k].(map[string]any); ok {
		return l
	}
	return locOf(m)
}

// resource evaluates one resource declaration: its copy loop, condition,
// properties, child resources and, for a deployment, its nested template.
func (w *walker) resource(ctx context.Context, r map[string]any, sc *scope, parent *instance, prefix string, depth int) {
	loc := locOf(r)
	line := locLine(loc)
	indexes := []*int64{nil}
	loopName := ""
	if cp, ok := r["copy"].(map[string]any); ok {
		loopName, _ = cp["name"].(string)
		n, known := toInt(sc.value(cp["count"], keyLoc(cp, "count"), false))
		if known {
			if n > w.m.b.CopyCount {
				w.m.over(BudgetCopyCount, w.m.b.CopyCount, line, budgetDetail("copy loop %q asks for %d instances; the first %d are checked", loopName, n, w.m.b.CopyCount))
				n = w.m.b.CopyCount
			}
			indexes = indexes[:0]
			for i := int64(0); i < n; i++ {
				indexes = append(indexes, &i)
			}
		}
	}
	for _, idx := range indexes {
		isc := sc
		if loopName != "" {
			isc = sc.withLoop(loopName, idx)
		}
		if c, ok := r["condition"]; ok {
			if isFalse(isc.value(c, keyLoc(r, "condition"), false)) {
				continue
			}
		}
		if w.m.res++; w.m.res > w.m.b.Resources {
			w.m.over(BudgetResources, w.m.b.Resources, line, budgetDetail("the resources after the first %d are not checked", w.m.b.Resources))
			return
		}
		inst := w.evaluate(r, isc, parent, prefix, idx)
		w.out = append(w.out, inst)
		w.nested(ctx, r, inst, isc, prefix, depth)
		for _, child := range resourceList(r["resources"]) {
			w.resource(ctx, child, isc, &inst, prefix, depth)
		}
	}
}

// evaluate evaluates a resource object, leaving out its children and, for
// a deployment, its nested template (evaluated in its own scope).
func (w *walker) evaluate(r map[string]any, sc *scope, parent *instance, prefix string, idx *int64) instance {
	shallow := make(map[string]any, len(r))
	for k, v := range r {
		switch {
		case k == "resources", k == "copy", k == "condition":
			continue
		case strings.EqualFold(k, "properties"):
			if pm, ok := v.(map[string]any); ok {
				if _, has := pm["template"]; has {
					cp := make(map[string]any, len(pm))
					for pk, pv := range pm {
						if pk != "template" {
							cp[pk] = pv
						}
					}
					v = cp
				}
			}
		}
		shallow[k] = v
	}
	raw, _ := sc.value(shallow, locOf(r), true).(map[string]any)
	typ, _ := raw["type"].(string)
	name, nameKnown := raw["name"].(string)
	// a child declared inside its parent may give its type relative to
	// the parent's ("firewallRules", "blobServices/containers"): only a
	// full type starts with a namespace ("Microsoft.Sql")
	if parent != nil && !strings.Contains(strings.SplitN(typ, "/", 2)[0], ".") {
		typ = parent.typ + "/" + typ
	}
	if parent != nil && nameKnown && strings.Count(name, "/") < strings.Count(typ, "/")-1 {
		name = parent.name + "/" + name
	}
	addr := typ + "/" + "[" + strconv.Itoa(locLine(locOf(r))) + "]"
	if nameKnown {
		addr = address(typ, name)
	}
	if idx != nil && !nameKnown {
		addr += "[" + strconv.FormatInt(*idx, 10) + "]"
	}
	return instance{typ: typ, name: name, address: prefix + addr, raw: raw, loc: locOf(r)}
}

// nested follows a Microsoft.Resources/deployments resource with an inline
// template. With expressionEvaluationOptions.scope "inner" the nested
// template has its own parameters (given by the deployment's "parameters")
// and variables; with the default "outer" scope its expressions see the
// parent's.
func (w *walker) nested(ctx context.Context, r map[string]any, inst instance, sc *scope, prefix string, depth int) {
	if !strings.EqualFold(inst.typ, "Microsoft.Resources/deployments") {
		return
	}
	props, _ := getCI(r, "properties")
	pm, _ := props.(map[string]any)
	tpl, ok := pm["template"].(map[string]any)
	if !ok {
		return
	}
	if depth+1 > int(w.m.b.NestedDepth) {
		w.m.over(BudgetNestedDepth, w.m.b.NestedDepth, locLine(inst.loc), "deployments nested deeper are not checked")
		return
	}
	evProps, _ := getCI(inst.raw, "properties")
	epm, _ := evProps.(map[string]any)
	inner := false
	if eo, ok := epm["expressionEvaluationOptions"].(map[string]any); ok {
		s, _ := eo["scope"].(string)
		inner = strings.EqualFold(s, "inner")
	}
	nsc := sc
	if inner {
		nsc = newScope(w.m, w.cache, tpl, supplied(epm["parameters"]))
	}
	w.template(ctx, tpl, nsc, nil, prefix+inst.address+"::", depth+1)
}
