package terraform

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io/fs"
	"math/big"
	"net/netip"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// maxFileRead bounds what file() and templatefile() read.
const maxFileRead = 1 << 20

// FunctionNames lists the functions available to expressions, sorted. Other
// function calls evaluate to unknown.
func FunctionNames() []string {
	fs := functions(nil, ".", nil)
	names := make([]string, 0, len(fs))
	for n := range fs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// functions builds the function table. file-reading functions resolve paths
// relative to the root module directory and never leave fsys.
//
// guard, when set, is applied to every template templatefile parses (the
// budget's for-expression guard).
func functions(fsys fs.FS, rootDir string, guard func(hclsyntax.Node)) map[string]function.Function {
	f := map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc,
		"log": stdlib.LogFunc, "max": stdlib.MaxFunc, "min": stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "signum": stdlib.SignumFunc,
		"chomp": stdlib.ChompFunc, "format": stdlib.FormatFunc, "formatlist": stdlib.FormatListFunc,
		"indent": stdlib.IndentFunc, "join": stdlib.JoinFunc, "lower": stdlib.LowerFunc,
		"upper": stdlib.UpperFunc, "regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc,
		"split": stdlib.SplitFunc, "strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc,
		"title": stdlib.TitleFunc, "trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc,
		"trimspace": stdlib.TrimSpaceFunc, "trimsuffix": stdlib.TrimSuffixFunc,
		"chunklist": stdlib.ChunklistFunc, "coalesce": stdlib.CoalesceFunc,
		"coalescelist": stdlib.CoalesceListFunc, "compact": stdlib.CompactFunc,
		"concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc, "distinct": stdlib.DistinctFunc,
		"element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc, "index": stdlib.IndexFunc,
		"keys": stdlib.KeysFunc, "length": stdlib.LengthFunc, "lookup": lookupFunc,
		"merge": stdlib.MergeFunc, "range": rangeFunc, "reverse": stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc, "setproduct": stdlib.SetProductFunc,
		"setsubtract": stdlib.SetSubtractFunc, "setunion": stdlib.SetUnionFunc,
		"slice": stdlib.SliceFunc, "sort": stdlib.SortFunc, "values": stdlib.ValuesFunc,
		"zipmap": stdlib.ZipmapFunc, "csvdecode": stdlib.CSVDecodeFunc,
		"jsonencode": jsonEncodeFunc, "jsondecode": stdlib.JSONDecodeFunc,
		"formatdate": stdlib.FormatDateFunc, "timeadd": stdlib.TimeAddFunc,
		"tostring": stdlib.MakeToFunc(cty.String), "tonumber": stdlib.MakeToFunc(cty.Number),
		"tobool": stdlib.MakeToFunc(cty.Bool), "tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)), "tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
		"replace":      replaceFunc,
		"base64encode": stringFunc(func(s string) (string, error) { return base64.StdEncoding.EncodeToString([]byte(s)), nil }),
		"base64decode": stringFunc(base64Decode),
		"md5":          hashFunc(md5.New),
		"sha1":         hashFunc(sha1.New),
		"sha256":       hashFunc(sha256.New),
		"sha512":       hashFunc(sha512.New),
		"base64sha256": stringFunc(func(s string) (string, error) {
			h := sha256.Sum256([]byte(s))
			return base64.StdEncoding.EncodeToString(h[:]), nil
		}),
		"urlencode":        stringFunc(func(s string) (string, error) { return url.QueryEscape(s), nil }),
		"basename":         stringFunc(func(s string) (string, error) { return path.Base(s), nil }),
		"dirname":          stringFunc(func(s string) (string, error) { return path.Dir(s), nil }),
		"abspath":          stringFunc(func(s string) (string, error) { return s, nil }),
		"startswith":       stringPredicate(strings.HasPrefix),
		"endswith":         stringPredicate(strings.HasSuffix),
		"strcontains":      stringPredicate(strings.Contains),
		"sensitive":        identityFunc,
		"nonsensitive":     identityFunc,
		"alltrue":          boolListFunc(true),
		"anytrue":          boolListFunc(false),
		"sum":              sumFunc,
		"one":              oneFunc,
		"uuid":             unknownFunc(cty.String),
		"timestamp":        unknownFunc(cty.String),
		"bcrypt":           unknownFunc(cty.String),
		"cidrsubnet":       cidrSubnetFunc,
		"cidrhost":         cidrHostFunc,
		"cidrnetmask":      cidrNetmaskFunc,
		"file":             fileFunc(fsys, rootDir, false),
		"filebase64":       fileFunc(fsys, rootDir, true),
		"fileexists":       fileExistsFunc(fsys, rootDir),
		"yamlencode":       unknownFunc(cty.String),
		"yamldecode":       unknownFunc(cty.DynamicPseudoType),
		"textencodebase64": unknownFunc(cty.String),
	}
	f["templatefile"] = templateFileFunc(fsys, rootDir, f, guard)
	return f
}

var identityFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true}},
	Type:         func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl:         func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
	RefineResult: nil,
})

func unknownFunc(t cty.Type) function.Function {
	return function.New(&function.Spec{
		VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true},
		Type:     function.StaticReturnType(t),
		Impl:     func([]cty.Value, cty.Type) (cty.Value, error) { return cty.UnknownVal(t), nil },
	})
}

func stringFunc(fn func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "s", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := fn(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(s), nil
		},
	})
}

func stringPredicate(fn func(s, sub string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "s", Type: cty.String}, {Name: "x", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(fn(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

func base64Decode(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	return string(b), err
}

func hashFunc(h func() hash.Hash) function.Function {
	return stringFunc(func(s string) (string, error) {
		x := h()
		x.Write([]byte(s))
		return hex.EncodeToString(x.Sum(nil)), nil
	})
}

// replaceFunc is terraform's replace: a /regex/ pattern, else a literal.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		sub := args[1].AsString()
		if len(sub) > 1 && strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") {
			return stdlib.RegexReplace(args[0], cty.StringVal(sub[1:len(sub)-1]), args[2])
		}
		return stdlib.Replace(args[0], args[1], args[2])
	},
})

func boolListFunc(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				if !v.IsKnown() {
					return cty.UnknownVal(cty.Bool), nil
				}
				if v.IsNull() {
					continue
				}
				if v.True() != all {
					return cty.BoolVal(!all), nil
				}
			}
			return cty.BoolVal(all), nil
		},
	})
}

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Number)}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		total := new(big.Float)
		for it := args[0].ElementIterator(); it.Next(); {
			_, v := it.Element()
			if !v.IsKnown() || v.IsNull() {
				return cty.UnknownVal(cty.Number), nil
			}
			total.Add(total, v.AsBigFloat())
		}
		return cty.NumberVal(total), nil
	},
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() {
			return cty.DynamicVal, fmt.Errorf("one: not a collection")
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.DynamicVal, fmt.Errorf("one: more than one element")
	},
})

// File functions read only inside the scanned tree.
func resolveFile(fsys fs.FS, rootDir, p string) (string, error) {
	if fsys == nil {
		return "", fmt.Errorf("no file system")
	}
	if !path.IsAbs(p) {
		p = path.Join(rootDir, p)
	}
	p = path.Clean(p)
	if path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") {
		return "", fmt.Errorf("path %q is outside the scanned tree", p)
	}
	return p, nil
}

func readLimited(fsys fs.FS, rootDir, p string) ([]byte, error) {
	rp, err := resolveFile(fsys, rootDir, p)
	if err != nil {
		return nil, err
	}
	st, err := fs.Stat(fsys, rp)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxFileRead {
		return nil, fmt.Errorf("file %q too large", rp)
	}
	return fs.ReadFile(fsys, rp)
}

func fileFunc(fsys fs.FS, rootDir string, b64 bool) function.Function {
	return stringFunc(func(p string) (string, error) {
		b, err := readLimited(fsys, rootDir, p)
		if err != nil {
			return "", err
		}
		if b64 {
			return base64.StdEncoding.EncodeToString(b), nil
		}
		return string(b), nil
	})
}

func fileExistsFunc(fsys fs.FS, rootDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			rp, err := resolveFile(fsys, rootDir, args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.Bool), err
			}
			_, err = fs.Stat(fsys, rp)
			return cty.BoolVal(err == nil), nil
		},
	})
}

func templateFileFunc(fsys fs.FS, rootDir string, funcs map[string]function.Function, guard func(hclsyntax.Node)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			src, err := readLimited(fsys, rootDir, args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			expr, diags := hclsyntax.ParseTemplate(src, args[0].AsString(), hcl.InitialPos)
			if diags.HasErrors() {
				return cty.UnknownVal(cty.String), diags
			}
			if guard != nil {
				if n, ok := expr.(hclsyntax.Node); ok {
					guard(n)
				}
			}
			vars := map[string]cty.Value{}
			if v := args[1]; v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
				for it := v.ElementIterator(); it.Next(); {
					k, ev := it.Element()
					vars[k.AsString()] = ev
				}
			}
			fns := map[string]function.Function{}
			for n, fn := range funcs {
				if n != "templatefile" {
					fns[n] = fn
				}
			}
			out, diags := safeValue(expr, &hcl.EvalContext{Variables: vars, Functions: fns})
			if diags.HasErrors() {
				return cty.UnknownVal(cty.String), diags
			}
			return out, nil
		},
	})
}

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "newbits", Type: cty.Number}, {Name: "netnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		nb, _ := args[1].AsBigFloat().Int64()
		num, _ := args[2].AsBigFloat().Int(nil)
		bits := p.Addr().BitLen()
		newLen := p.Bits() + int(nb)
		if nb < 0 || newLen > bits {
			return cty.UnknownVal(cty.String), fmt.Errorf("cidrsubnet: not enough bits")
		}
		base := new(big.Int).SetBytes(p.Masked().Addr().AsSlice())
		base.Or(base, new(big.Int).Lsh(num, uint(bits-newLen)))
		addr, ok := addrFromInt(base, bits)
		if !ok {
			return cty.UnknownVal(cty.String), fmt.Errorf("cidrsubnet: out of range")
		}
		return cty.StringVal(netip.PrefixFrom(addr, newLen).String()), nil
	},
})

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "hostnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		num, _ := args[1].AsBigFloat().Int(nil)
		base := new(big.Int).SetBytes(p.Masked().Addr().AsSlice())
		base.Add(base, num)
		addr, ok := addrFromInt(base, p.Addr().BitLen())
		if !ok {
			return cty.UnknownVal(cty.String), fmt.Errorf("cidrhost: out of range")
		}
		return cty.StringVal(addr.String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil || !p.Addr().Is4() {
			return cty.UnknownVal(cty.String), fmt.Errorf("cidrnetmask: needs an IPv4 prefix")
		}
		mask := new(big.Int).Lsh(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(p.Bits())), big.NewInt(1)), uint(32-p.Bits()))
		addr, _ := addrFromInt(mask, 32)
		return cty.StringVal(addr.String()), nil
	},
})

func addrFromInt(n *big.Int, bits int) (netip.Addr, bool) {
	b := n.Bytes()
	size := bits / 8
	if len(b) > size {
		return netip.Addr{}, false
	}
	buf := make([]byte, size)
	copy(buf[size-len(b):], b)
	return netip.AddrFromSlice(buf)
}

// maxRange bounds range() so that hostile configurations cannot make the
// evaluator build huge lists (nested for expressions multiply it).
const maxRange = 4096

var rangeFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "params", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.Number)),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		var nums [3]float64
		for i, a := range args {
			if i < 3 {
				nums[i], _ = a.AsBigFloat().Float64()
			}
		}
		var start, limit, step float64
		switch len(args) {
		case 1:
			start, limit, step = 0, nums[0], 1
		case 2:
			start, limit, step = nums[0], nums[1], 1
		case 3:
			start, limit, step = nums[0], nums[1], nums[2]
		default:
			return cty.UnknownVal(retType), fmt.Errorf("range: 1 to 3 arguments")
		}
		if step == 0 {
			return cty.UnknownVal(retType), fmt.Errorf("range: step must not be zero")
		}
		n := (limit - start) / step
		if n > maxRange {
			return cty.UnknownVal(retType), fmt.Errorf("range: more than %d elements", maxRange)
		}
		return stdlib.Range(args...)
	},
})

// jsonEncodeFunc is jsonencode that still encodes a partially unknown value:
// unknown leaves become {"__unknown": true} (with "__ref" when they come from
// a resource), so a policy document that mentions a bucket ARN stays
// readable by the checks instead of turning wholly unknown.
var jsonEncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "val", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if uv, _ := v.UnmarkDeep(); uv.IsWhollyKnown() {
			return stdlib.JSONEncode(uv)
		}
		if !v.IsKnown() {
			return v, nil // wholly unknown stays unknown (keeps its marks)
		}
		b, err := json.Marshal(plainValue(v))
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(string(b)), nil
	},
})

// lookupFunc is terraform's lookup(map, key, default): it accepts objects as
// well as maps and a default of any type (null included).
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		m, marks := args[0].Unmark()
		key, kmarks := args[1].Unmark()
		if !m.IsKnown() || !key.IsKnown() {
			return cty.DynamicVal.WithMarks(marks, kmarks), nil
		}
		k := key.AsString()
		ty := m.Type()
		switch {
		case m.IsNull():
		case ty.IsObjectType():
			if ty.HasAttribute(k) {
				return m.GetAttr(k).WithMarks(marks, kmarks), nil
			}
		case ty.IsMapType():
			if m.HasIndex(key).True() {
				return m.Index(key).WithMarks(marks, kmarks), nil
			}
		default:
			return cty.DynamicVal, fmt.Errorf("lookup: first argument must be a map or object")
		}
		if len(args) > 2 {
			return args[2].WithMarks(marks, kmarks), nil
		}
		return cty.DynamicVal, fmt.Errorf("lookup: key %q not found and no default", k)
	},
})
