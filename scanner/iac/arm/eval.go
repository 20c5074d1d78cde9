package arm

import (
	"errors"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// unknownT is a value the evaluator cannot compute statically (a
// reference(), a resourceGroup() property, a parameter without a value).
// It becomes {"__unknown": true} in the document, which checks never treat
// as a bad value.
type unknownT struct{}

func isUnknown(v any) bool { _, ok := v.(unknownT); return ok }

// slot is a parameter or variable, evaluated on first use.
type slot struct {
	raw   any
	val   any
	copy  map[string]any // a variable copy loop: {"name", "count", "input"}
	state int            // 0 not evaluated, 1 evaluating (a cycle), 2 done
	scope *scope
}

// scope is what an expression sees: the parameters and variables of its
// template and the indexes of the copy loops around it.
type scope struct {
	m       *meter
	cache   map[string]node
	params  map[string]*slot // lower-case names
	vars    map[string]*slot
	loops   map[string]int64 // lower-case loop name -> index
	current *int64           // the innermost loop's index, for copyIndex()
}

// withLoop returns a scope inside copy loop name at index i (nil: a loop
// whose count is unknown, so copyIndex() is unknown).
func (s *scope) withLoop(name string, i *int64) *scope {
	c := *s
	c.loops = make(map[string]int64, len(s.loops)+1)
	for k, v := range s.loops {
		c.loops[k] = v
	}
	if i != nil {
		c.loops[strings.ToLower(name)] = *i
	} else {
		delete(c.loops, strings.ToLower(name))
	}
	c.current = i
	return &c
}

// newScope builds the scope of a template: supplied parameter values
// (from a parameters file or a nested deployment) win over defaultValue.
func newScope(m *meter, cache map[string]node, tpl map[string]any, supplied map[string]any) *scope {
	s := &scope{m: m, cache: cache, params: map[string]*slot{}, vars: map[string]*slot{}}
	if ps, ok := tpl["parameters"].(map[string]any); ok {
		for name, p := range ps {
			if isAnnotation(name) {
				continue
			}
			sl := &slot{scope: s}
			if v, ok := supplied[strings.ToLower(name)]; ok {
				sl.val, sl.state = v, 2
			} else if pm, ok := p.(map[string]any); ok && pm["defaultValue"] != nil {
				sl.raw = pm["defaultValue"]
			} else {
				sl.val, sl.state = unknownT{}, 2
			}
			s.params[strings.ToLower(name)] = sl
		}
	}
	if vs, ok := tpl["variables"].(map[string]any); ok {
		for name, v := range vs {
			if isAnnotation(name) {
				continue
			}
			if strings.EqualFold(name, "copy") {
				if loops, ok := v.([]any); ok {
					for _, l := range loops {
						if lm, ok := l.(map[string]any); ok {
							if n, ok := lm["name"].(string); ok {
								s.vars[strings.ToLower(n)] = &slot{copy: lm, scope: s}
							}
						}
					}
					continue
				}
			}
			s.vars[strings.ToLower(name)] = &slot{raw: v, scope: s}
		}
	}
	return s
}

func isAnnotation(k string) bool { return strings.HasPrefix(k, "__") }

// get evaluates a slot once; a cycle is unknown.
func (sl *slot) get(loc map[string]any) any {
	switch sl.state {
	case 2:
		return sl.val
	case 1:
		return unknownT{}
	}
	sl.state = 1
	if sl.copy != nil {
		sl.val = sl.scope.copyLoop(sl.copy, loc)
	} else {
		sl.val = sl.scope.value(sl.raw, loc, true)
	}
	sl.state = 2
	return sl.val
}

// copyLoop expands {"name", "count", "input"} into a list.
func (s *scope) copyLoop(def map[string]any, loc map[string]any) any {
	name, _ := def["name"].(string)
	n, ok := toInt(s.value(def["count"], loc, false))
	if !ok {
		return unknownT{}
	}
	if n > s.m.b.CopyCount {
		s.m.over(BudgetCopyCount, s.m.b.CopyCount, locLine(loc), budgetDetail("copy loop %q asks for %d instances; the first %d are checked", name, n, s.m.b.CopyCount))
		n = s.m.b.CopyCount
	}
	out := make([]any, 0, max(n, 0))
	for i := int64(0); i < n; i++ {
		if !s.m.step(1, locLine(loc)) {
			break
		}
		idx := i
		out = append(out, s.withLoop(name, &idx).value(def["input"], loc, true))
	}
	return out
}

// value evaluates a template value: "[...]" strings are expressions, objects
// and arrays are evaluated member by member, keeping their locations. loc is
// the location of the key holding v: a value an expression produces is
// located there, wherever its parts were written. propCopy enables the
// property copy loops of resource properties.
func (s *scope) value(v any, loc map[string]any, propCopy bool) any {
	switch t := v.(type) {
	case string:
		r := s.str(t, loc)
		if _, isStr := r.(string); isStr || r == nil {
			return r
		}
		return relocate(r, loc)
	case map[string]any:
		out := make(map[string]any, len(t))
		keys, _ := t[yamldoc.KeysKey].(map[string]any)
		outKeys := make(map[string]any, len(keys))
		for k, kv := range keys {
			outKeys[k] = kv
		}
		for k, x := range t {
			if isAnnotation(k) {
				continue
			}
			kl, _ := keys[k].(map[string]any)
			if kl == nil {
				kl = loc
			}
			if propCopy && strings.EqualFold(k, "copy") {
				if loops, ok := x.([]any); ok {
					for _, l := range loops {
						lm, ok := l.(map[string]any)
						if !ok {
							continue
						}
						name, ok := lm["name"].(string)
						if !ok {
							continue
						}
						out[name] = s.copyLoop(lm, kl)
						outKeys[name] = kl
					}
					continue
				}
			}
			out[k] = s.value(x, kl, propCopy)
		}
		if l, ok := t[yamldoc.LocKey]; ok {
			out[yamldoc.LocKey] = l
		} else {
			out[yamldoc.LocKey] = loc
		}
		out[yamldoc.KeysKey] = outKeys
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = s.value(x, loc, propCopy)
		}
		return out
	}
	return v
}

// str evaluates one JSON string: an expression, or a literal.
func (s *scope) str(v string, loc map[string]any) any {
	text, lit, isExpr := exprText(v)
	if !isExpr {
		return lit
	}
	line := locLine(loc)
	if int64(len(text)) > s.m.b.ExpressionLength {
		s.m.over(BudgetExpressionLength, s.m.b.ExpressionLength, line, budgetDetail("an expression of %d bytes is unknown", len(text)))
		return unknownT{}
	}
	n, ok := s.cache[text]
	if !ok {
		var err error
		n, err = parseExpr(text, int(s.m.b.ExpressionDepth))
		if errors.Is(err, errExprDepth) {
			s.m.over(BudgetExpressionDepth, s.m.b.ExpressionDepth, line, "that expression is unknown")
		}
		if err != nil {
			n = nil
		}
		if len(s.cache) < 10_000 {
			s.cache[text] = n
		}
	}
	if n == nil {
		return unknownT{}
	}
	return s.eval(n, line)
}

// eval evaluates a parsed expression.
func (s *scope) eval(n node, line int) any {
	if !s.m.step(1, line) {
		return unknownT{}
	}
	switch t := n.(type) {
	case litNode:
		return t.v
	case propNode:
		return member(s.eval(t.x, line), t.name)
	case indexNode:
		x := s.eval(t.x, line)
		i := s.eval(t.idx, line)
		switch c := x.(type) {
		case []any:
			if k, ok := toInt(i); ok && k >= 0 && k < int64(len(c)) {
				return c[k]
			}
		case map[string]any:
			if k, ok := i.(string); ok {
				return member(c, k)
			}
		}
		return unknownT{}
	case callNode:
		return s.call(t, line)
	}
	return unknownT{}
}

// member reads a property, case-insensitively as ARM does.
func member(x any, name string) any {
	m, ok := x.(map[string]any)
	if !ok {
		return unknownT{}
	}
	if v, ok := getCI(m, name); ok {
		return v
	}
	return unknownT{}
}

func getCI(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	for mk, v := range m {
		if !isAnnotation(mk) && strings.EqualFold(mk, k) {
			return v, true
		}
	}
	return nil, false
}

// relocate copies a value an expression produced, giving every object the
// location of the key that holds the expression: a finding on it then points
// at the line the template author wrote, not at a parameter default or the
// parameters file.
func relocate(v any, loc map[string]any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t)+2)
		keys := map[string]any{}
		for k, x := range t {
			if isAnnotation(k) {
				continue
			}
			out[k] = relocate(x, loc)
			keys[k] = loc
		}
		out[yamldoc.LocKey] = loc
		out[yamldoc.KeysKey] = keys
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = relocate(x, loc)
		}
		return out
	}
	return v
}

func locLine(loc map[string]any) int {
	if loc == nil {
		return 0
	}
	n, _ := toInt(loc["start_line"])
	return int(n)
}

// toInt converts an integral number (or numeric string) to int64.
func toInt(v any) (int64, bool) {
	switch t := v.(type) {
	case int64:
		return t, true
	case int:
		return int64(t), true
	case float64:
		if t == float64(int64(t)) {
			return int64(t), true
		}
	case string:
		if i, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64); err == nil {
			return i, true
		}
	}
	return 0, false
}
