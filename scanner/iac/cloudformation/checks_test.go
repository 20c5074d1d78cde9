package cloudformation

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/scanner/iac/checks"
)

// finding is one deny result of an AWS check, reduced to what the tests
// compare.
type finding struct {
	ID       string
	Resource string
	Line     int
}

func (f finding) String() string { return fmt.Sprintf("%s %s:%d", f.ID, f.Resource, f.Line) }

// awsChecks compiles the embedded AWS checks and the shared library, and
// returns a query over every AWS check's deny set plus the package -> id map.
func awsChecks(t testing.TB) (*ast.Compiler, map[string]string) {
	t.Helper()
	mods := map[string]*ast.Module{}
	ids := map[string]string{}
	err := fs.WalkDir(checks.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return nil
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
		mods[p] = m
		for _, a := range m.Annotations {
			if id, ok := a.Custom["id"].(string); ok && a.Scope == "package" {
				ids[strings.TrimPrefix(m.Package.Path.String(), "data.tollgate.iac.aws.")] = id
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler()
	if c.Compile(mods); c.Failed() {
		t.Fatal(c.Errors)
	}
	return c, ids
}

// evalAWS runs every AWS check over one document.
func evalAWS(t testing.TB, c *ast.Compiler, ids map[string]string, doc map[string]any) []finding {
	t.Helper()
	// Round-trip through JSON, as the engine hands OPA plain JSON values.
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var input any
	if err := json.Unmarshal(b, &input); err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Compiler(c), rego.Query("data.tollgate.iac.aws[pkg].deny[res]"), rego.Input(input)).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, r := range rs {
		pkg, _ := r.Bindings["pkg"].(string)
		res, _ := r.Bindings["res"].(map[string]any)
		line, _ := res["start_line"].(json.Number)
		n, _ := line.Int64()
		resource, _ := res["resource"].(string)
		out = append(out, finding{ID: ids[pkg], Resource: resource, Line: int(n)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func parseFixture(t testing.TB, name string) Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "iac", "cloudformation", name))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Parse(context.Background(), name, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%s: got %d documents, want 1", name, len(docs))
	}
	return docs[0]
}

// TestChecksOnFixtures parses the fixtures and runs every AWS check on
// them: each expected finding must appear at its exact line, nothing else
// may fire, and the correct template must produce nothing at all.
func TestChecksOnFixtures(t *testing.T) {
	c, ids := awsChecks(t)
	tests := []struct {
		file string
		want []string
	}{
		{"bad.yaml", []string{
			"TG-AWS-0001 DataBucket:23",       // AccessControl: PublicRead
			"TG-AWS-0002 DataBucketPolicy:31", // Principal "*" statement
			"TG-AWS-0003 DataBucket:19",       // no PublicAccessBlockConfiguration
			"TG-AWS-0005 DataBucket:19",
			"TG-AWS-0006 DataBucket:19",
			"TG-AWS-0007 DataBucket:19",
			"TG-AWS-0008 DataBucket:19",
			"TG-AWS-0010 WebSG:43",    // SSH from 0.0.0.0/0 (RDP from !Ref AdminCidr without default: nothing)
			"TG-AWS-0012 WebSG:51",    // 5432 from !Select [1, !Ref AllowedCidrs] = 0.0.0.0/0
			"TG-AWS-0013 WebSG:43",    // any port from the world
			"TG-AWS-0013 WebSG:51",    //
			"TG-AWS-0017 Database:58", // PubliclyAccessible: !Ref DbPublic (default "true")
			"TG-AWS-0018 Database:59", // StorageEncrypted: !If [IsProd, false, true] with Env=prod
			"TG-AWS-0019 Database:60", // BackupRetentionPeriod: 0
			"TG-AWS-0024 AdminPolicy:72",
			"TG-AWS-0028 OpenRole:80",
			"TG-AWS-0042 DataKey:89", // symmetric key without rotation; the ECC SigningKey is not reported
			"TG-AWS-0105 Fn:106",     // DB_PASSWORD literal; API_TOKEN is AWS::NoValue
			"TG-AWS-0120 WebSG:40",   // rules without Description
			"TG-AWS-0120 WebSG:44",
			"TG-AWS-0120 WebSG:48",
		}},
		{"bad.json", []string{
			"TG-AWS-0037 Trail:20",
			"TG-AWS-0081 Repo:11",
			"TG-AWS-0082 Repo:10", // {"Ref": "Mutability"} resolved to its default MUTABLE
			"TG-AWS-0096 Listener:32",
		}},
		{"good.yaml", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var got []string
			for _, f := range evalAWS(t, c, ids, parseFixture(t, tt.file).Value) {
				got = append(got, f.String())
			}
			sort.Strings(tt.want)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n got: %q\nwant: %q", got, tt.want)
			}
		})
	}
}

// TestChecksSurviveOddValues replaces random parts of the fixtures with
// values of unexpected types: no AWS check may fail the evaluation (a
// conflict or a type error would drop every finding of the document).
func TestChecksSurviveOddValues(t *testing.T) {
	c, ids := awsChecks(t)
	odd := []any{"x", int64(3), nil, true, []any{"a", int64(1)}, map[string]any{"Ref": "AWS::Region"}, map[string]any{"Fn::If": []any{"C", "a", "b"}}, map[string]any{}}
	rng := rand.New(rand.NewSource(7))
	for _, name := range []string{"bad.yaml", "good.yaml"} {
		for i := 0; i < 25; i++ {
			doc := copyValue(parseFixture(t, name).Value).(map[string]any)
			for j := 0; j < 5; j++ {
				mutate(doc, odd[rng.Intn(len(odd))], rng)
			}
			evalAWS(t, c, ids, doc) // fails the test on an evaluation error
		}
	}
}

// mutate replaces one randomly chosen value below the Resources.
func mutate(doc map[string]any, repl any, rng *rand.Rand) {
	var cur any = doc["Resources"]
	for depth := 0; depth < 8; depth++ {
		switch t := cur.(type) {
		case map[string]any:
			var keys []string
			for k := range t {
				if !isAnnotation(k) {
					keys = append(keys, k)
				}
			}
			if len(keys) == 0 {
				return
			}
			sort.Strings(keys)
			k := keys[rng.Intn(len(keys))]
			if rng.Intn(3) == 0 {
				t[k] = repl
				return
			}
			cur = t[k]
		case []any:
			if len(t) == 0 {
				return
			}
			i := rng.Intn(len(t))
			if rng.Intn(3) == 0 {
				t[i] = repl
				return
			}
			cur = t[i]
		default:
			return
		}
	}
}
