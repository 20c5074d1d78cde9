package cloudformation

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// resolver evaluates the intrinsics whose result is known without
// deploying: parameter defaults, conditions over them, and functions of
// literals. Anything else stays in long form for the checks to treat as
// unknown.
type resolver struct {
	params     map[string]any // parameter name -> default value
	mappings   map[string]any
	conditions map[string]any // raw condition expressions
	condValue  map[string]bool
	condState  map[string]int // 1 evaluating, 2 done, 3 undecidable
}

func resolve(tpl map[string]any) {
	r := &resolver{
		params:     map[string]any{},
		condValue:  map[string]bool{},
		condState:  map[string]int{},
		conditions: map[string]any{},
	}
	if ps, ok := tpl["Parameters"].(map[string]any); ok {
		for name, p := range ps {
			pm, ok := p.(map[string]any)
			if !ok || isAnnotation(name) {
				continue
			}
			def, ok := pm["Default"]
			if !ok || def == nil {
				continue
			}
			typ, _ := pm["Type"].(string)
			if s, ok := def.(string); ok && (typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")) {
				var list []any
				for _, part := range strings.Split(s, ",") {
					list = append(list, strings.TrimSpace(part))
				}
				def = list
			}
			r.params[name] = def
		}
	}
	r.mappings, _ = tpl["Mappings"].(map[string]any)
	if cs, ok := tpl["Conditions"].(map[string]any); ok {
		for name, c := range cs {
			if !isAnnotation(name) {
				r.conditions[name] = c
			}
		}
	}
	for k, v := range tpl {
		if isAnnotation(k) || k == "Parameters" || k == "Conditions" {
			continue
		}
		tpl[k] = r.walk(v, 0)
	}
	r.dropDisabled(tpl)
}

// dropDisabled removes resources whose Condition is known to be false: they
// are never created, so nothing about them can be a finding.
func (r *resolver) dropDisabled(tpl map[string]any) {
	res, ok := tpl["Resources"].(map[string]any)
	if !ok {
		return
	}
	keys, _ := res["__keys"].(map[string]any)
	for id, x := range res {
		m, ok := x.(map[string]any)
		if !ok || isAnnotation(id) {
			continue
		}
		cond, ok := m["Condition"].(string)
		if !ok {
			continue
		}
		if v, known := r.condition(cond); known && !v {
			delete(res, id)
			delete(keys, id)
		}
	}
}

func isAnnotation(k string) bool { return strings.HasPrefix(k, "__") }

// intrinsic returns the function name and argument of a one-key intrinsic
// object such as {"Ref": "X"} (annotation keys aside).
func intrinsic(m map[string]any) (string, any, bool) {
	name := ""
	for k := range m {
		if isAnnotation(k) {
			continue
		}
		if name != "" {
			return "", nil, false
		}
		name = k
	}
	if name == "Ref" || name == "Condition" || strings.HasPrefix(name, "Fn::") {
		return name, m[name], true
	}
	return "", nil, false
}

func isNoValue(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	name, arg, ok := intrinsic(m)
	return ok && name == "Ref" && arg == "AWS::NoValue"
}

func (r *resolver) walk(v any, depth int) any {
	if depth > yamldoc.MaxJSONDepth {
		return v
	}
	switch t := v.(type) {
	case map[string]any:
		if name, arg, ok := intrinsic(t); ok && name != "Condition" {
			// Arguments keep their arity: AWS::NoValue is only dropped
			// from properties and lists, not from function arguments.
			if args, ok := arg.([]any); ok {
				for i, x := range args {
					args[i] = r.walk(x, depth+1)
				}
			} else {
				t[name] = r.walk(arg, depth+1)
			}
			if out, ok := r.eval(name, t[name]); ok {
				return out
			}
			return t
		}
		keys, _ := t["__keys"].(map[string]any)
		for k, x := range t {
			if isAnnotation(k) {
				continue
			}
			nx := r.walk(x, depth+1)
			if isNoValue(nx) {
				delete(t, k)
				delete(keys, k)
				continue
			}
			t[k] = nx
		}
		return t
	case []any:
		out := t[:0]
		for _, x := range t {
			nx := r.walk(x, depth+1)
			if isNoValue(nx) {
				continue
			}
			out = append(out, nx)
		}
		return out
	}
	return v
}

// eval evaluates one intrinsic whose argument is already resolved.
func (r *resolver) eval(name string, arg any) (any, bool) {
	switch name {
	case "Ref":
		s, ok := arg.(string)
		if !ok {
			return nil, false
		}
		def, ok := r.params[s]
		if !ok {
			return nil, false
		}
		return copyValue(def), true
	case "Fn::Sub":
		return r.sub(arg)
	case "Fn::FindInMap":
		args, ok := arg.([]any)
		if !ok || len(args) < 3 {
			return nil, false
		}
		m, ok := r.mappings[str(args[0])].(map[string]any)
		if !ok {
			return nil, false
		}
		top, ok := m[str(args[1])].(map[string]any)
		if !ok {
			return nil, false
		}
		v, ok := top[str(args[2])]
		if !ok || str(args[2]) == "" {
			return nil, false
		}
		return copyValue(v), true
	case "Fn::Join":
		args, ok := arg.([]any)
		if !ok || len(args) != 2 {
			return nil, false
		}
		sep, ok := args[0].(string)
		parts, ok2 := args[1].([]any)
		if !ok || !ok2 {
			return nil, false
		}
		ss := make([]string, 0, len(parts))
		for _, p := range parts {
			s, ok := scalarString(p)
			if !ok {
				return nil, false
			}
			ss = append(ss, s)
		}
		return strings.Join(ss, sep), true
	case "Fn::Select":
		args, ok := arg.([]any)
		if !ok || len(args) != 2 {
			return nil, false
		}
		idx, ok := index(args[0])
		list, ok2 := args[1].([]any)
		if !ok || !ok2 || idx < 0 || idx >= len(list) {
			return nil, false
		}
		return list[idx], true
	case "Fn::If":
		args, ok := arg.([]any)
		if !ok || len(args) != 3 {
			return nil, false
		}
		cond, ok := args[0].(string)
		if !ok {
			return nil, false
		}
		val, ok := r.condition(cond)
		if !ok {
			return nil, false
		}
		if val {
			return args[1], true
		}
		return args[2], true
	}
	return nil, false
}

// condition evaluates a named condition, if it only depends on literals
// and parameter defaults.
func (r *resolver) condition(name string) (bool, bool) {
	switch r.condState[name] {
	case 1, 3:
		return false, false
	case 2:
		return r.condValue[name], true
	}
	expr, ok := r.conditions[name]
	if !ok {
		return false, false
	}
	r.condState[name] = 1
	v, ok := r.condExpr(r.walk(copyValue(expr), 0), 0)
	if !ok {
		r.condState[name] = 3
		return false, false
	}
	r.condState[name] = 2
	r.condValue[name] = v
	return v, true
}

func (r *resolver) condExpr(e any, depth int) (bool, bool) {
	m, ok := e.(map[string]any)
	if !ok || depth > 64 {
		return false, false
	}
	name, arg, ok := intrinsic(m)
	if !ok {
		return false, false
	}
	args, _ := arg.([]any)
	switch name {
	case "Condition":
		s, ok := arg.(string)
		if !ok {
			return false, false
		}
		return r.condition(s)
	case "Fn::Equals":
		if len(args) != 2 {
			return false, false
		}
		a, ok1 := scalarString(args[0])
		b, ok2 := scalarString(args[1])
		if !ok1 || !ok2 {
			return false, false
		}
		return a == b, true
	case "Fn::Not":
		if len(args) != 1 {
			return false, false
		}
		v, ok := r.condExpr(args[0], depth+1)
		return !v, ok
	case "Fn::And", "Fn::Or":
		if len(args) == 0 {
			return false, false
		}
		and := name == "Fn::And"
		for _, a := range args {
			v, ok := r.condExpr(a, depth+1)
			if !ok {
				return false, false
			}
			if and && !v {
				return false, true
			}
			if !and && v {
				return true, true
			}
		}
		return and, true
	}
	return false, false
}

var subVar = regexp.MustCompile(`\$\{([^}]*)\}`)

// sub substitutes parameter defaults (and the variable map of the list
// form) into an Fn::Sub template. It returns a plain string when nothing is
// left to resolve, and otherwise a partially substituted Fn::Sub.
func (r *resolver) sub(arg any) (any, bool) {
	var (
		tmpl string
		vars map[string]any
	)
	switch t := arg.(type) {
	case string:
		tmpl = t
	case []any:
		if len(t) != 2 {
			return nil, false
		}
		s, ok := t[0].(string)
		if !ok {
			return nil, false
		}
		tmpl = s
		vars, _ = t[1].(map[string]any)
	default:
		return nil, false
	}
	unresolved := false
	changed := false
	out := subVar.ReplaceAllStringFunc(tmpl, func(m string) string {
		name := m[2 : len(m)-1]
		if strings.HasPrefix(name, "!") {
			return m
		}
		if v, ok := vars[name]; ok {
			if s, ok := scalarString(v); ok {
				changed = true
				return s
			}
			unresolved = true
			return m
		}
		if v, ok := r.params[name]; ok {
			if s, ok := scalarString(v); ok {
				changed = true
				return s
			}
		}
		unresolved = true
		return m
	})
	if unresolved {
		if !changed || vars != nil {
			return nil, false
		}
		return map[string]any{"Fn::Sub": out}, true
	}
	// ${!Literal} is the escape for a literal ${Literal}.
	return strings.ReplaceAll(out, "${!", "${"), true
}

func str(v any) string {
	s, _ := scalarString(v)
	return s
}

func scalarString(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case int64:
		return strconv.FormatInt(t, 10), true
	case int:
		return strconv.Itoa(t), true
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(t), true
	}
	return "", false
}

func index(v any) (int, bool) {
	switch t := v.(type) {
	case int64:
		return int(t), true
	case float64:
		return int(t), t == float64(int(t))
	case string:
		i, err := strconv.Atoi(t)
		return i, err == nil
	}
	return 0, false
}

// copyValue deep-copies a decoded value so substituted defaults are not
// shared between the places they are used.
func copyValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = copyValue(x)
		}
		return m
	case []any:
		l := make([]any, len(t))
		for i, x := range t {
			l[i] = copyValue(x)
		}
		return l
	}
	return v
}
