package arm

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// call evaluates a function call. Functions that decide on their first
// argument (if, and, or, coalesce) evaluate lazily, so a known condition
// picks a branch even when the other is unknown; every other function
// with an unknown argument is unknown. Functions whose result is only
// known at deployment (reference, list*, resourceGroup, subscription,
// deployment, environment, utcNow, newGuid, user-defined functions, ...)
// are unknown.
func (s *scope) call(c callNode, line int) any {
	arg := func(i int) any {
		if i < len(c.args) {
			return s.eval(c.args[i], line)
		}
		return unknownT{}
	}
	switch c.name {
	case "if":
		if len(c.args) != 3 {
			return unknownT{}
		}
		switch cond := arg(0); {
		case isTrue(cond):
			return arg(1)
		case isFalse(cond):
			return arg(2)
		}
		return unknownT{}
	case "and", "or":
		want := c.name == "or" // the value that decides
		sawUnknown := false
		for i := range c.args {
			v := arg(i)
			switch {
			case isUnknown(v):
				sawUnknown = true
			case isTrue(v) == want && (isTrue(v) || isFalse(v)):
				return want
			}
		}
		if sawUnknown {
			return unknownT{}
		}
		return !want
	case "coalesce":
		for i := range c.args {
			v := arg(i)
			if isUnknown(v) {
				return unknownT{}
			}
			if v != nil {
				return v
			}
		}
		return nil
	case "uniquestring", "guid":
		// Deterministic stand-ins from the arguments' source text: the
		// real values depend on the subscription and resource group.
		sum := sha256.Sum256([]byte(c.src))
		if c.name == "guid" {
			h := hex.EncodeToString(sum[:16])
			return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
		}
		return strings.ToLower(base32.StdEncoding.EncodeToString(sum[:]))[:13]
	case "copyindex":
		return s.copyIndex(c, arg)
	case "parameters", "variables":
		name, ok := arg(0).(string)
		if !ok {
			return unknownT{}
		}
		table := s.params
		if c.name == "variables" {
			table = s.vars
		}
		sl, ok := table[strings.ToLower(name)]
		if !ok {
			return unknownT{}
		}
		return sl.get(nil)
	}
	args := make([]any, len(c.args))
	for i := range c.args {
		args[i] = arg(i)
		if isUnknown(args[i]) {
			return unknownT{}
		}
	}
	v := s.builtin(c.name, args, line)
	if str, ok := v.(string); ok && int64(len(str)) > s.m.b.StringLength {
		s.m.over(BudgetStringLength, s.m.b.StringLength, line, budgetDetail("%s() would build a string of %d bytes; it is unknown", c.name, len(str)))
		return unknownT{}
	}
	return v
}

func (s *scope) copyIndex(c callNode, arg func(int) any) any {
	var (
		idx    *int64
		offset int64
	)
	idx = s.current
	for i := range c.args {
		switch a := arg(i).(type) {
		case string:
			v, ok := s.loops[strings.ToLower(a)]
			if !ok {
				return unknownT{}
			}
			idx = &v
		default:
			n, ok := toInt(a)
			if !ok {
				return unknownT{}
			}
			offset = n
		}
	}
	if idx == nil {
		return unknownT{}
	}
	return *idx + offset
}

// builtin evaluates a function whose arguments are all known.
func (s *scope) builtin(name string, a []any, line int) any {
	str := func(i int) (string, bool) {
		if i < len(a) {
			v, ok := a[i].(string)
			return v, ok
		}
		return "", false
	}
	integer := func(i int) (int64, bool) {
		if i < len(a) {
			return toInt(a[i])
		}
		return 0, false
	}
	// a step per element a function receives bounds what big arrays cost
	for _, x := range a {
		if !s.m.step(int64(size(x)), line) {
			return unknownT{}
		}
	}
	switch name {
	case "concat":
		if len(a) > 0 {
			if _, ok := a[0].([]any); ok {
				var out []any
				for _, x := range a {
					l, ok := x.([]any)
					if !ok {
						return unknownT{}
					}
					out = append(out, l...)
				}
				return out
			}
		}
		var b strings.Builder
		for _, x := range a {
			b.WriteString(toString(x))
		}
		return b.String()
	case "format":
		f, ok := str(0)
		if !ok {
			return unknownT{}
		}
		return format(f, a[1:])
	case "string":
		if len(a) != 1 {
			return unknownT{}
		}
		return toString(a[0])
	case "int":
		if n, ok := integer(0); ok {
			return n
		}
	case "bool":
		switch {
		case len(a) == 1 && isTrue(a[0]):
			return true
		case len(a) == 1 && isFalse(a[0]):
			return false
		}
		if n, ok := integer(0); ok {
			return n != 0
		}
	case "json":
		if v, ok := str(0); ok {
			return parsePlainJSON(v)
		}
	case "tolower", "toupper", "trim":
		v, ok := str(0)
		if !ok {
			return unknownT{}
		}
		switch name {
		case "tolower":
			return strings.ToLower(v)
		case "toupper":
			return strings.ToUpper(v)
		}
		return strings.TrimSpace(v)
	case "replace":
		v, ok1 := str(0)
		o, ok2 := str(1)
		n, ok3 := str(2)
		if ok1 && ok2 && ok3 && o != "" {
			return strings.ReplaceAll(v, o, n)
		}
	case "startswith", "endswith":
		v, ok1 := str(0)
		x, ok2 := str(1)
		if ok1 && ok2 {
			v, x = strings.ToLower(v), strings.ToLower(x)
			if name == "startswith" {
				return strings.HasPrefix(v, x)
			}
			return strings.HasSuffix(v, x)
		}
	case "substring":
		v, ok := str(0)
		start, ok2 := integer(1)
		if ok && ok2 && start >= 0 && start <= int64(len(v)) {
			n := int64(len(v)) - start
			if len(a) > 2 {
				if l, ok := integer(2); ok && l >= 0 && start+l <= int64(len(v)) {
					n = l
				} else {
					return unknownT{}
				}
			}
			return v[start : start+n]
		}
	case "split":
		v, ok := str(0)
		if !ok || len(a) < 2 {
			return unknownT{}
		}
		seps := []string{}
		switch d := a[1].(type) {
		case string:
			seps = append(seps, d)
		case []any:
			for _, x := range d {
				if sx, ok := x.(string); ok {
					seps = append(seps, sx)
				}
			}
		}
		parts := []string{v}
		for _, sep := range seps {
			if sep == "" {
				continue
			}
			var next []string
			for _, p := range parts {
				next = append(next, strings.Split(p, sep)...)
			}
			parts = next
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = p
		}
		return out
	case "equals":
		if len(a) == 2 {
			return equal(a[0], a[1])
		}
	case "not":
		switch {
		case len(a) == 1 && isTrue(a[0]):
			return false
		case len(a) == 1 && isFalse(a[0]):
			return true
		}
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	case "createarray", "array":
		if name == "array" && len(a) == 1 {
			if l, ok := a[0].([]any); ok {
				return l
			}
		}
		return append([]any{}, a...)
	case "createobject":
		if len(a)%2 != 0 {
			return unknownT{}
		}
		out := map[string]any{}
		for i := 0; i < len(a); i += 2 {
			k, ok := a[i].(string)
			if !ok {
				return unknownT{}
			}
			out[k] = a[i+1]
		}
		return out
	case "union":
		return union(a)
	case "contains":
		if len(a) == 2 {
			return containsValue(a[0], a[1])
		}
	case "empty":
		if len(a) == 1 {
			return size(a[0]) == 0 && !isScalarNonEmpty(a[0])
		}
	case "length":
		if len(a) == 1 {
			switch t := a[0].(type) {
			case string:
				return int64(utf8.RuneCountInString(t))
			case []any, map[string]any:
				return int64(size(t))
			}
		}
	case "first", "last":
		if len(a) == 1 {
			switch t := a[0].(type) {
			case string:
				if t == "" {
					return ""
				}
				if name == "first" {
					return t[:1]
				}
				return t[len(t)-1:]
			case []any:
				if len(t) == 0 {
					return nil
				}
				if name == "first" {
					return t[0]
				}
				return t[len(t)-1]
			}
		}
	case "add", "sub", "mul", "div", "mod", "min", "max":
		return arith(name, a)
	case "greater", "less", "greaterorequals", "lessorequals":
		x, ok1 := integer(0)
		y, ok2 := integer(1)
		if ok1 && ok2 {
			switch name {
			case "greater":
				return x > y
			case "less":
				return x < y
			case "greaterorequals":
				return x >= y
			}
			return x <= y
		}
	case "range":
		start, ok1 := integer(0)
		n, ok2 := integer(1)
		if ok1 && ok2 && n >= 0 {
			if n > s.m.b.CopyCount {
				s.m.over(BudgetCopyCount, s.m.b.CopyCount, line, budgetDetail("range() of %d elements is unknown", n))
				return unknownT{}
			}
			out := make([]any, n)
			for i := range out {
				out[i] = start + int64(i)
			}
			return out
		}
	case "resourceid", "subscriptionresourceid", "tenantresourceid":
		return resourceID(a)
	}
	return unknownT{}
}

// resourceID is resourceId() as a symbolic string: the resource type with
// its names interleaved ("Microsoft.Sql/servers/sql1/firewallRules/all"),
// without subscription and resource group, which are unknown statically.
// Resource addresses in the document have the same shape, so a reference
// by resourceId() matches the resource it names.
func resourceID(a []any) any {
	typeAt := -1
	for i, x := range a {
		s, ok := x.(string)
		if !ok {
			return unknownT{}
		}
		if typeAt < 0 && strings.Contains(s, "/") && strings.Contains(s, ".") {
			typeAt = i
		}
	}
	if typeAt < 0 {
		return unknownT{}
	}
	names := make([]string, 0, len(a)-typeAt-1)
	for _, x := range a[typeAt+1:] {
		names = append(names, x.(string))
	}
	return address(a[typeAt].(string), strings.Join(names, "/"))
}

// address interleaves a resource type and its (slash-separated) name.
func address(typ, name string) string {
	segs := strings.Split(typ, "/")
	names := strings.Split(name, "/")
	if len(segs) < 2 || len(names) != len(segs)-1 {
		return typ + "/" + name
	}
	var b strings.Builder
	b.WriteString(segs[0])
	for i, n := range names {
		b.WriteString("/" + segs[i+1] + "/" + n)
	}
	return b.String()
}

func isTrue(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case string:
		return strings.EqualFold(t, "true")
	}
	return false
}

func isFalse(v any) bool {
	switch t := v.(type) {
	case bool:
		return !t
	case string:
		return strings.EqualFold(t, "false")
	}
	return false
}

// toString is ARM's string(): bools are "True"/"False", objects and arrays
// are JSON.
func toString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case bool:
		if t {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case nil:
		return ""
	}
	b, err := json.Marshal(plain(v))
	if err != nil {
		return ""
	}
	return string(b)
}

// plain strips the location annotations (for JSON and comparisons).
func plain(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			if !isAnnotation(k) || k == "__unknown" {
				out[k] = plain(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = plain(x)
		}
		return out
	case unknownT:
		return map[string]any{"__unknown": true}
	}
	return v
}

func equal(x, y any) bool {
	if xi, ok := toNumber(x); ok {
		yi, ok := toNumber(y)
		return ok && xi == yi
	}
	bx, err1 := json.Marshal(plain(x))
	by, err2 := json.Marshal(plain(y))
	return err1 == nil && err2 == nil && bytes.Equal(bx, by)
}

func toNumber(v any) (float64, bool) {
	switch t := v.(type) {
	case int64:
		return float64(t), true
	case float64:
		return t, true
	}
	return 0, false
}

// size counts the elements of a collection (object keys without the
// annotations); scalars count 1.
func size(v any) int {
	switch t := v.(type) {
	case []any:
		return len(t)
	case map[string]any:
		n := 0
		for k := range t {
			if !isAnnotation(k) {
				n++
			}
		}
		return n
	case string:
		return len(t)
	case nil:
		return 0
	}
	return 1
}

func isScalarNonEmpty(v any) bool {
	switch v.(type) {
	case []any, map[string]any, string, nil:
		return false
	}
	return true
}

func union(a []any) any {
	if len(a) == 0 {
		return unknownT{}
	}
	switch a[0].(type) {
	case map[string]any:
		out := map[string]any{}
		for _, x := range a {
			m, ok := x.(map[string]any)
			if !ok {
				return unknownT{}
			}
			for k, v := range m {
				if !isAnnotation(k) {
					out[k] = v
				}
			}
		}
		return out
	case []any:
		var out []any
		for _, x := range a {
			l, ok := x.([]any)
			if !ok {
				return unknownT{}
			}
			for _, v := range l {
				dup := false
				for _, o := range out {
					if equal(o, v) {
						dup = true
						break
					}
				}
				if !dup {
					out = append(out, v)
				}
			}
		}
		return out
	}
	return unknownT{}
}

func containsValue(c, item any) any {
	switch t := c.(type) {
	case string:
		s, ok := item.(string)
		if !ok {
			s = toString(item)
		}
		return strings.Contains(t, s)
	case []any:
		for _, x := range t {
			if equal(x, item) {
				return true
			}
		}
		return false
	case map[string]any:
		k, ok := item.(string)
		if !ok {
			return unknownT{}
		}
		_, found := getCI(t, k)
		return found
	}
	return unknownT{}
}

func arith(name string, a []any) any {
	ns := make([]int64, len(a))
	for i, x := range a {
		n, ok := toInt(x)
		if !ok {
			return unknownT{}
		}
		ns[i] = n
	}
	if name == "min" || name == "max" {
		if len(ns) == 1 {
			if l, ok := a[0].([]any); ok {
				return arith(name, l)
			}
		}
		if len(ns) == 0 {
			return unknownT{}
		}
		sort.Slice(ns, func(i, j int) bool { return ns[i] < ns[j] })
		if name == "min" {
			return ns[0]
		}
		return ns[len(ns)-1]
	}
	if len(ns) != 2 {
		return unknownT{}
	}
	x, y := ns[0], ns[1]
	switch name {
	case "add":
		return x + y
	case "sub":
		return x - y
	case "mul":
		return x * y
	case "div":
		if y != 0 {
			return x / y
		}
	case "mod":
		if y != 0 {
			return x % y
		}
	}
	return unknownT{}
}

// format is .NET composite formatting: {0}, {1:N0} (the format spec is
// ignored), {{ and }} for braces.
func format(f string, args []any) any {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '{' && i+1 < len(f) && f[i+1] == '{':
			b.WriteByte('{')
			i++
		case c == '}' && i+1 < len(f) && f[i+1] == '}':
			b.WriteByte('}')
			i++
		case c == '{':
			end := strings.IndexByte(f[i:], '}')
			if end < 0 {
				return unknownT{}
			}
			spec := f[i+1 : i+end]
			if colon := strings.IndexByte(spec, ':'); colon >= 0 {
				spec = spec[:colon]
			}
			n, err := strconv.Atoi(strings.TrimSpace(spec))
			if err != nil || n < 0 || n >= len(args) {
				return unknownT{}
			}
			b.WriteString(toString(args[n]))
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// parsePlainJSON is json(): a value without locations (the caller locates
// it at the expression).
func parsePlainJSON(s string) any {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return unknownT{}
	}
	return numbers(v, 0)
}

func numbers(v any, depth int) any {
	if depth > 512 {
		return unknownT{}
	}
	switch t := v.(type) {
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	case map[string]any:
		for k, x := range t {
			t[k] = numbers(x, depth+1)
		}
	case []any:
		for i, x := range t {
			t[i] = numbers(x, depth+1)
		}
	}
	return v
}
