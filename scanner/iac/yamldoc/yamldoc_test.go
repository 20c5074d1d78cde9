package yamldoc

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseLocations(t *testing.T) {
	src := `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx
      command:
        - sh
        - -c
      script: |
        echo one
        echo two
`
	docs, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d docs", len(docs))
	}
	d := docs[0]
	if d.StartLine != 1 || d.EndLine != 14 {
		t.Errorf("doc range = %d-%d, want 1-14", d.StartLine, d.EndLine)
	}
	root := d.Value.(map[string]any)
	if got := root[KeysKey].(map[string]any)["spec"]; !cmp.Equal(got, Loc(5, 14)) {
		t.Errorf("spec key loc = %v", got)
	}
	c := root["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	if !cmp.Equal(c[LocKey], Loc(7, 14)) {
		t.Errorf("container loc = %v", c[LocKey])
	}
	keys := c[KeysKey].(map[string]any)
	for k, want := range map[string]map[string]any{
		"image":   Loc(8, 8),
		"command": Loc(9, 11),
		"script":  Loc(12, 14),
	} {
		if !cmp.Equal(keys[k], want) {
			t.Errorf("key %s loc = %v, want %v", k, keys[k], want)
		}
	}
}

func TestScalarsAndMultiDoc(t *testing.T) {
	src := "a: 1\nb: 1.5\nc: true\nd: ~\ne: \"1\"\nf: 0x10\n---\n---\n- x\n"
	docs, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d docs, want 2 (empty one skipped)", len(docs))
	}
	m := docs[0].Value.(map[string]any)
	want := map[string]any{"a": int64(1), "b": 1.5, "c": true, "d": nil, "e": "1", "f": int64(16)}
	for k, v := range want {
		if !cmp.Equal(m[k], v) {
			t.Errorf("%s = %#v, want %#v", k, m[k], v)
		}
	}
	if !cmp.Equal(docs[1].Value, []any{"x"}) {
		t.Errorf("doc 2 = %#v", docs[1].Value)
	}
}

func TestAnchorsAndMerge(t *testing.T) {
	src := `base: &base
  image: alpine
  tags: [a]
job:
  <<: *base
  tags: [b]
ref: *base
`
	docs, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := docs[0].Value.(map[string]any)
	job := m["job"].(map[string]any)
	if job["image"] != "alpine" {
		t.Errorf("merged image = %v", job["image"])
	}
	if !cmp.Equal(job["tags"], []any{"b"}) {
		t.Errorf("explicit key must win over merge: %v", job["tags"])
	}
	if _, ok := job["<<"]; ok {
		t.Error("merge key kept")
	}
	if m["ref"].(map[string]any)["image"] != "alpine" {
		t.Error("alias not resolved")
	}
}

func TestCloudFormationTags(t *testing.T) {
	src := `Resources:
  B:
    Properties:
      Name: !Ref Env
      Arn: !GetAtt Role.Arn
      Sub: !Sub "${AWS::StackName}-x"
      J: !Join [",", [a, !Ref X]]
      If: !If [Cond, !Ref A, !Ref "AWS::NoValue"]
      Azs: !GetAZs ""
      Eq: !Equals [!Ref Env, prod]
`
	docs, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := docs[0].Value.(map[string]any)["Resources"].(map[string]any)["B"].(map[string]any)["Properties"].(map[string]any)
	strip := cmp.FilterPath(func(p cmp.Path) bool {
		if mi, ok := p.Last().(cmp.MapIndex); ok {
			k := mi.Key().String()
			return k == LocKey || k == KeysKey
		}
		return false
	}, cmp.Ignore())
	cases := map[string]any{
		"Name": map[string]any{"Ref": "Env"},
		"Arn":  map[string]any{"Fn::GetAtt": []any{"Role", "Arn"}},
		"Sub":  map[string]any{"Fn::Sub": "${AWS::StackName}-x"},
		"J":    map[string]any{"Fn::Join": []any{",", []any{"a", map[string]any{"Ref": "X"}}}},
		"If":   map[string]any{"Fn::If": []any{"Cond", map[string]any{"Ref": "A"}, map[string]any{"Ref": "AWS::NoValue"}}},
		"Azs":  map[string]any{"Fn::GetAZs": ""},
		"Eq":   map[string]any{"Fn::Equals": []any{map[string]any{"Ref": "Env"}, "prod"}},
	}
	for k, want := range cases {
		if d := cmp.Diff(want, p[k], strip); d != "" {
			t.Errorf("%s: %s", k, d)
		}
	}
	if loc := p["Name"].(map[string]any)[LocKey]; !cmp.Equal(loc, Loc(4, 4)) {
		t.Errorf("Ref loc = %v", loc)
	}
}

func TestSyntaxErrorHasLine(t *testing.T) {
	_, err := Parse([]byte("a: 1\nb: [\n  c\nd: }\n"))
	var ye *Error
	if !errors.As(err, &ye) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if ye.Line == 0 {
		t.Errorf("no line in %v", err)
	}
}

func TestAliasBomb(t *testing.T) {
	src := `a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
`
	if _, err := Parse([]byte(src)); err == nil {
		t.Fatal("alias bomb accepted")
	}
}
