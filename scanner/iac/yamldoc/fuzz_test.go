package yamldoc

import (
	"errors"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/fuzzseed"
)

// FuzzParse: the position layer under every YAML parser. It must never
// panic, errors are *Error, and every document and every mapping's
// location annotation is a range of 1-based lines with start <= end.
func FuzzParse(f *testing.F) {
	fuzzseed.AddFiles(f, "../../../testdata/iac/kubernetes/*.yaml", "../../../testdata/iac/cloudformation/*.yaml",
		"../../../testdata/iac/gitlab/*/.gitlab-ci.yml", "../../../testdata/iac/mixed/*.yaml")
	f.Add([]byte("a: &a {b: [*a]}\n"))
	f.Add([]byte("a: !Sub ['${x}', {x: !Ref y}]\nb: !GetAtt r.Arn\nc: |\n  x\n  y\n<<: {d: 1}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := Parse(src)
		var ye *Error
		if err != nil && !errors.As(err, &ye) {
			t.Fatalf("error %v (%T) is not a *yamldoc.Error", err, err)
		}
		for _, d := range docs {
			if d.StartLine < 1 || d.EndLine < d.StartLine {
				t.Fatalf("document lines %d-%d", d.StartLine, d.EndLine)
			}
			checkLocs(t, d.Value, 0)
		}
	})
}

// checkLocs walks a converted value; depth bounds the walk on documents
// that share subtrees through aliases.
func checkLocs(t *testing.T, v any, depth int) {
	if depth > 64 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		if l, ok := x[LocKey].(map[string]any); ok {
			s, _ := l["start_line"].(int)
			e, _ := l["end_line"].(int)
			if s < 1 || e < s {
				t.Fatalf("location %v", l)
			}
		}
		for k, c := range x {
			if k != LocKey && k != KeysKey {
				checkLocs(t, c, depth+1)
			}
		}
	case []any:
		for _, c := range x {
			checkLocs(t, c, depth+1)
		}
	}
}
