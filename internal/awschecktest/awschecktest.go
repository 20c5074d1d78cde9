// Package awschecktest compiles and runs the embedded AWS checks directly
// with OPA, for the tests of the packages that feed them documents
// (scanner/iac/checks/aws with Terraform fixtures, scanner/iac/cloudformation
// with templates). It is for tests only.
package awschecktest

import (
	"context"
	"encoding/json"
	"io/fs"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/scanner/iac/checks"
)

// Query yields every AWS check's deny results, bound to pkg and res.
const Query = "data.tollgate.iac.aws[pkg].deny[res]"

// Checks is the compiled AWS checks with the shared libraries.
type Checks struct {
	Compiler *ast.Compiler
	// IDs maps a check's package name below tollgate.iac.aws to its id.
	IDs map[string]string
}

// Compile compiles lib/ and aws/ from the embedded checks. Library
// METADATA is dropped, as the engine does.
func Compile(t testing.TB) *Checks {
	t.Helper()
	mods := map[string]*ast.Module{}
	ids := map[string]string{}
	err := fs.WalkDir(checks.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		if !strings.HasPrefix(p, "lib/") && !strings.HasPrefix(p, "aws/") {
			return nil
		}
		src, err := fs.ReadFile(checks.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		if strings.HasPrefix(p, "lib/") {
			m.Annotations = nil
		}
		for _, a := range m.Annotations {
			if id, ok := a.Custom["id"].(string); ok {
				ids[strings.TrimPrefix(m.Package.Path.String(), "data.tollgate.iac.aws.")] = id
			}
		}
		mods[p] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler()
	if c.Compile(mods); c.Failed() {
		t.Fatal(c.Errors)
	}
	return &Checks{Compiler: c, IDs: ids}
}

// Result is one deny result, reduced to what tests compare.
type Result struct {
	ID       string
	Resource string
	Path     string
	Line     int
}

// Eval runs every AWS check over one document and returns the results in a
// stable order. The document goes through JSON first, as the engine hands
// OPA plain JSON values.
func (c *Checks) Eval(t testing.TB, doc any) []Result {
	t.Helper()
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var input any
	if err := json.Unmarshal(b, &input); err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Compiler(c.Compiler), rego.Query(Query), rego.Input(input)).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := make([]Result, 0, len(rs))
	for _, r := range rs {
		pkg, _ := r.Bindings["pkg"].(string)
		res, _ := r.Bindings["res"].(map[string]any)
		line, _ := res["start_line"].(json.Number)
		n, _ := line.Int64()
		resource, _ := res["resource"].(string)
		path, _ := res["path"].(string)
		out = append(out, Result{ID: c.IDs[pkg], Resource: resource, Path: path, Line: int(n)})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	return out
}

// Mutate walks at most maxDepth levels down v along random keys and
// indexes (annotation keys "__…" aside) and, with probability 1/oneIn at
// each level, replaces the value there with repl.
func Mutate(v, repl any, rng *rand.Rand, maxDepth, oneIn int) {
	for depth := 0; depth < maxDepth; depth++ {
		switch t := v.(type) {
		case map[string]any:
			var keys []string
			for k := range t {
				if !strings.HasPrefix(k, "__") {
					keys = append(keys, k)
				}
			}
			if len(keys) == 0 {
				return
			}
			sort.Strings(keys)
			k := keys[rng.Intn(len(keys))]
			if rng.Intn(oneIn) == 0 {
				t[k] = repl
				return
			}
			v = t[k]
		case []any:
			if len(t) == 0 {
				return
			}
			i := rng.Intn(len(t))
			if rng.Intn(oneIn) == 0 {
				t[i] = repl
				return
			}
			v = t[i]
		default:
			return
		}
	}
}
