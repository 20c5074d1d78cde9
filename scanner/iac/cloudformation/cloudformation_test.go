package cloudformation

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

// strip removes the location annotations so values can be compared.
func strip(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, x := range t {
			if isAnnotation(k) {
				continue
			}
			m[k] = strip(x)
		}
		return m
	case []any:
		l := make([]any, len(t))
		for i, x := range t {
			l[i] = strip(x)
		}
		return l
	}
	return v
}

func parseOne(t *testing.T, src string) map[string]any {
	t.Helper()
	docs, err := Parse(context.Background(), "t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	if docs[0].Kind != Kind || docs[0].Path != "t.yaml" {
		t.Errorf("kind/path = %q %q", docs[0].Kind, docs[0].Path)
	}
	return docs[0].Value
}

func props(t *testing.T, tpl map[string]any, id string) map[string]any {
	t.Helper()
	r, ok := tpl["Resources"].(map[string]any)[id].(map[string]any)
	if !ok {
		t.Fatalf("resource %s missing", id)
	}
	p, _ := strip(r["Properties"]).(map[string]any)
	return p
}

func TestResolveIntrinsics(t *testing.T) {
	tpl := parseOne(t, `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
  Port: {Type: Number, Default: 5432}
  NoDefault: {Type: String}
  Cidrs: {Type: CommaDelimitedList, Default: "10.0.0.0/8,0.0.0.0/0"}
Mappings:
  Sizes:
    prod: {Class: db.r6g.large}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Unknown: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  R:
    Type: AWS::Test::Thing
    Properties:
      A: !Ref Env
      B: !Ref NoDefault
      C: !Ref AWS::Region
      D: !Sub "${Env}-${Port}"
      E: !Sub "${Env}-${AWS::AccountId}"
      F: !Sub ["${X}-${Env}", {X: !Ref Env}]
      G: !GetAtt Other.Arn
      H: !FindInMap [Sizes, !Ref Env, Class]
      I: !Join ["-", [a, !Ref Env, 1]]
      J: !Select [1, !Ref Cidrs]
      K: !If [IsProd, yes-prod, not-prod]
      L: !If [NotProd, x, !Ref AWS::NoValue]
      M: !If [Unknown, 1, 2]
      N: !Sub "literal ${!Escaped}"
      O: !Base64 plain
  Gone:
    Type: AWS::Test::Thing
    Condition: NotProd
  Kept:
    Type: AWS::Test::Thing
    Condition: Unknown
`)
	want := map[string]any{
		"A": "prod",
		"B": map[string]any{"Ref": "NoDefault"},
		"C": map[string]any{"Ref": "AWS::Region"},
		"D": "prod-5432",
		"E": map[string]any{"Fn::Sub": "prod-${AWS::AccountId}"},
		"F": "prod-prod",
		"G": map[string]any{"Fn::GetAtt": []any{"Other", "Arn"}},
		"H": "db.r6g.large",
		"I": "a-prod-1",
		"J": "0.0.0.0/0",
		"K": "yes-prod",
		"M": map[string]any{"Fn::If": []any{"Unknown", int64(1), int64(2)}},
		"N": "literal ${Escaped}",
		"O": map[string]any{"Fn::Base64": "plain"},
	}
	if diff := cmp.Diff(want, props(t, tpl, "R")); diff != "" {
		t.Errorf("resolved properties (-want +got):\n%s", diff)
	}
	res := tpl["Resources"].(map[string]any)
	if _, ok := res["Gone"]; ok {
		t.Error("resource with a false condition was kept")
	}
	if _, ok := res["Kept"]; !ok {
		t.Error("resource with an undecidable condition was dropped")
	}
}

func TestLocations(t *testing.T) {
	for _, tc := range []struct {
		name, src string
	}{
		{"yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n      Tags:\n        - Key: a\n          Value: b\n"},
		{"json", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Bucket\": {\"Type\": \"AWS::S3::Bucket\",\n    \"Properties\": {\n      \"AccessControl\": \"PublicRead\",\n      \"Tags\": [\n        {\"Key\": \"a\",\n          \"Value\": \"b\"}]}}}}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tpl := parseOne(t, tc.src)
			b := tpl["Resources"].(map[string]any)["Bucket"].(map[string]any)
			if got := toInt(b["__loc"].(map[string]any)["start_line"]); got != 4-boolInt(tc.name == "yaml") {
				t.Errorf("resource start line = %d", got)
			}
			p := b["Properties"].(map[string]any)
			k := p["__keys"].(map[string]any)
			if got := toInt(k["AccessControl"].(map[string]any)["start_line"]); got != 6 {
				t.Errorf("AccessControl line = %d, want 6", got)
			}
			tags := k["Tags"].(map[string]any)
			if s, e := toInt(tags["start_line"]), toInt(tags["end_line"]); s != 7 || e != 9 {
				t.Errorf("Tags range = %d-%d, want 7-9", s, e)
			}
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestNotATemplate(t *testing.T) {
	for _, src := range []string{
		"name: app\nResources:\n  cpu: 2\n",
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
		`{"Resources": {"X": {"Type": "Other::Thing"}}}`,
		"[1, 2]",
		"",
	} {
		docs, err := Parse(context.Background(), "x.yaml", []byte(src))
		if err != nil || docs != nil {
			t.Errorf("Parse(%q) = %v, %v; want nil, nil", src, docs, err)
		}
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "iac", "cloudformation", "not-a-template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if docs, err := Parse(context.Background(), "n.yaml", src); err != nil || docs != nil {
		t.Errorf("not-a-template.yaml = %v, %v", docs, err)
	}
}

func TestTemplateWithoutVersion(t *testing.T) {
	tpl := parseOne(t, "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs14.x\n")
	if props(t, tpl, "F")["Runtime"] != "nodejs14.x" {
		t.Error("SAM template not parsed")
	}
}

func TestInvalidFiles(t *testing.T) {
	for _, tc := range []struct {
		file string
		line int
	}{
		{"invalid.yaml", 4}, // yaml.v3 reports the line before the unclosed flow sequence
		{"invalid.json", 4},
	} {
		src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "iac", "cloudformation", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(context.Background(), tc.file, src)
		var fe *scanner.FileError
		if !errors.As(err, &fe) {
			t.Fatalf("%s: error %v is not a *scanner.FileError", tc.file, err)
		}
		if fe.Path != tc.file || fe.Line != tc.line {
			t.Errorf("%s: FileError at %s:%d, want line %d (%v)", tc.file, fe.Path, fe.Line, tc.line, err)
		}
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, "t.yaml", []byte("AWSTemplateFormatVersion: x\n")); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"bad.yaml", "bad.json", "good.yaml", "invalid.yaml", "invalid.json"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "iac", "cloudformation", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(`{"AWSTemplateFormatVersion": "x", "Resources": {"A": {"Type": "AWS::X", "Properties": {"P": {"Fn::Sub": ["${a}", {"a": {"Ref": "B"}}]}}}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := Parse(context.Background(), "f.yaml", src)
		if err != nil {
			var fe *scanner.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *scanner.FileError", err)
			}
			return
		}
		for _, d := range docs {
			if d.Value == nil || d.Kind != Kind {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}
