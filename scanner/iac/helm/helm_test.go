package helm_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"sort"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/helm"
)

const chartYAML = "apiVersion: v2\nname: c\nversion: 0.1.0\n"

// keyLines renders the chart and lists, per object, the template path
// and line of some keys: "path kind key=line ...".
func keyLines(t *testing.T, fsys fstest.MapFS, opts helm.Options, keys ...string) []string {
	t.Helper()
	docs, err := helm.Render(context.Background(), fsys, "c", opts)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		s := fmt.Sprintf("%s %v/%v", d.Path, d.Value["kind"], name(d.Value))
		for _, k := range keys {
			s += fmt.Sprintf(" %s=%d", k, lineOf(d.Value, k))
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func name(v map[string]any) any {
	m, _ := v["metadata"].(map[string]any)
	return m["name"]
}

// lineOf follows a dotted path (list items: the first one) and returns
// the start line of its last key.
func lineOf(v any, p string) int {
	keys := bytes.Split([]byte(p), []byte("."))
	cur := v
	for i, k := range keys {
		if l, ok := cur.([]any); ok && len(l) > 0 {
			cur = l[0]
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return -1
		}
		if i == len(keys)-1 {
			kl, _ := m["__keys"].(map[string]any)
			loc, _ := kl[string(k)].(map[string]any)
			n, _ := loc["start_line"].(int)
			return n
		}
		cur = m[string(k)]
	}
	return -1
}

func TestLinesFollowTheTemplate(t *testing.T) {
	fsys := fstest.MapFS{
		"c/Chart.yaml":  {Data: []byte(chartYAML)},
		"c/values.yaml": {Data: []byte("names: [a, b, c]\nsc: {privileged: true}\n")},
		// Two documents; the second repeated by a range; a block scalar
		// whose content looks like keys; keys written by toYaml.
		"c/templates/all.yaml": {Data: []byte(`# leading comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  script: |
    spec: not-a-key
    hostPID: true
{{- range .Values.names }}
---
apiVersion: v1
kind: Pod
metadata:
  name: {{ . }}
spec:
  containers:
  - name: x
    securityContext:
      {{- toYaml $.Values.sc | nindent 6 }}
{{- end }}
`)},
	}
	got := keyLines(t, fsys, helm.Options{}, "metadata.name", "data.script", "spec.containers.name", "spec.containers.securityContext.privileged")
	want := []string{
		"c/templates/all.yaml ConfigMap/cm metadata.name=5 data.script=7 spec.containers.name=-1 spec.containers.securityContext.privileged=-1",
		"c/templates/all.yaml Pod/a metadata.name=15 data.script=-1 spec.containers.name=18 spec.containers.securityContext.privileged=19",
		"c/templates/all.yaml Pod/b metadata.name=15 data.script=-1 spec.containers.name=18 spec.containers.securityContext.privileged=19",
		"c/templates/all.yaml Pod/c metadata.name=15 data.script=-1 spec.containers.name=18 spec.containers.securityContext.privileged=19",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestIncludeOnlyTemplateFallsBackToItsFirstLine(t *testing.T) {
	fsys := fstest.MapFS{
		"c/Chart.yaml":             {Data: []byte(chartYAML)},
		"c/templates/_pod.tpl":     {Data: []byte("{{- define \"pod\" -}}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n{{- end -}}\n")},
		"c/templates/pod.yaml":     {Data: []byte("\n# the pod\n{{ include \"pod\" . }}\n")},
		"c/templates/service.yaml": {Data: []byte("")},
	}
	got := keyLines(t, fsys, helm.Options{}, "metadata.name", "spec.hostPID")
	want := []string{"c/templates/pod.yaml Pod/p metadata.name=3 spec.hostPID=3"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func budgetOf(t *testing.T, err error) (*scanner.ParseError, *scanner.BudgetError) {
	t.Helper()
	var pe *scanner.ParseError
	var be *scanner.BudgetError
	if !errors.As(err, &pe) || !errors.As(err, &be) || pe.Kind != scanner.ParseKindHelm {
		t.Fatalf("err = %v, want a HELM parse error holding a budget", err)
	}
	return pe, be
}

func TestBudgets(t *testing.T) {
	pod := func(body string) fstest.MapFS {
		return fstest.MapFS{
			"c/Chart.yaml":         {Data: []byte(chartYAML)},
			"c/templates/cm.yaml":  {Data: []byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n" + body)},
			"c/templates/big.yaml": {Data: []byte("# padding\n")},
		}
	}
	tests := []struct {
		name   string
		fsys   fstest.MapFS
		opts   helm.Options
		budget string
	}{
		{"range until a million", pod("{{- range until 1000000 }}\n  k{{ . }}: v\n{{- end }}\n"), helm.Options{}, helm.BudgetRangeItems},
		{"untilStep", pod("{{- range untilStep 0 100000000 2 }}\n  k{{ . }}: v\n{{- end }}\n"), helm.Options{}, helm.BudgetRangeItems},
		{"seq", pod("  s: {{ seq 1 5000000 | quote }}\n"), helm.Options{}, helm.BudgetRangeItems},
		{"repeat", pod("  s: {{ repeat 100000000 \"x\" }}\n"), helm.Options{}, helm.BudgetRenderBytes},
		{"output size", pod("{{- range until 5000 }}\n  k{{ . }}: {{ repeat 500 \"x\" }}\n{{- end }}\n"), helm.Options{MaxRenderBytes: 1 << 20}, helm.BudgetRenderBytes},
		{
			// 25 million iterations, each calling add: the deadline stops
			// it at the next call.
			"render time", pod("{{- range $i := until 5000 }}{{- range $j := until 5000 }}{{ $_ := add $i $j }}{{- end }}{{- end }}\n"),
			helm.Options{RenderTimeout: 200 * time.Millisecond, MaxRangeItems: 1 << 30}, helm.BudgetRenderTime,
		},
		{"chart bytes", pod("  a: b\n"), helm.Options{MaxChartBytes: 64}, helm.BudgetChartBytes},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			docs, err := helm.Render(context.Background(), tc.fsys, "c", tc.opts)
			pe, be := budgetOf(t, err)
			if be.Budget != tc.budget || pe.Path != "c/Chart.yaml" || len(docs) != 0 {
				t.Errorf("budget %s at %s (%d docs), want %s at c/Chart.yaml", be.Budget, pe.Path, len(docs), tc.budget)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

func TestRenderErrorsAreParseErrors(t *testing.T) {
	tests := []struct {
		name, file string
		src        string
		path       string
		line       int
	}{
		{"unknown function", "c/templates/a.yaml", "a: b\nc: {{ nosuch }}\n", "c/templates/a.yaml", 2},
		{"fail", "c/templates/a.yaml", "a: b\n\n{{ fail \"no\" }}\n", "c/templates/a.yaml", 3},
		{"required", "c/templates/a.yaml", "a: {{ required \"set x\" .Values.x }}\n", "c/templates/a.yaml", 1},
		{"rendered YAML invalid", "c/templates/a.yaml", "a: [\n", "c/templates/a.yaml", 0},
		{"bad Chart.yaml", "c/Chart.yaml", "apiVersion: v2\nname: c\n", "c/Chart.yaml", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"c/Chart.yaml": {Data: []byte(chartYAML)}}
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.src)}
			_, err := helm.Render(context.Background(), fsys, "c", helm.Options{})
			var pe *scanner.ParseError
			if !errors.As(err, &pe) || pe.Kind != scanner.ParseKindHelm {
				t.Fatalf("err = %v, want a HELM parse error", err)
			}
			if pe.Path != tc.path || pe.Line != tc.line {
				t.Errorf("at %s:%d, want %s:%d (%v)", pe.Path, pe.Line, tc.path, tc.line, pe)
			}
		})
	}
}

func tgz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(files[n])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestArchivedSubchartAndAlias(t *testing.T) {
	sub := tgz(t, map[string]string{
		"db/Chart.yaml":         "apiVersion: v2\nname: db\nversion: 1.0.0\n",
		"db/values.yaml":        "hostPID: false\n",
		"db/templates/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Chart.Name }}-{{ .Values.hostPID }}\nspec:\n  hostPID: {{ .Values.hostPID }}\n",
	})
	fsys := fstest.MapFS{
		"c/Chart.yaml":          {Data: []byte(chartYAML + "dependencies:\n  - name: db\n    version: 1.0.0\n  - name: db\n    alias: db2\n    version: 1.0.0\n")},
		"c/values.yaml":         {Data: []byte("db2:\n  hostPID: true\n")},
		"c/charts/db-1.0.0.tgz": {Data: sub},
	}
	got := keyLines(t, fsys, helm.Options{}, "spec.hostPID")
	want := []string{
		"c/charts/db-1.0.0.tgz Pod/db-false spec.hostPID=1",
		"c/charts/db-1.0.0.tgz Pod/db2-true spec.hostPID=1",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fsys := fstest.MapFS{"c/Chart.yaml": {Data: []byte(chartYAML)}, "c/templates/a.yaml": {Data: []byte("{{ range until 10 }}{{ add 1 1 }}{{ end }}\n")}}
	_, err := helm.Render(ctx, fsys, "c", helm.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
