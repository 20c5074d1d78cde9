package inproc

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/render"
)

func write(t *testing.T, root, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, p), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Serve answers a hello, renders a chart, builds an overlay and reports
// a chart that does not render as a HELM parse error, one response line
// per request, then ends cleanly when its input does.
func TestServe(t *testing.T) {
	root := t.TempDir()
	write(t, root, "c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
	write(t, root, "c/values.yaml", "replicas: 3\n")
	write(t, root, "c/templates/d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: {{ .Values.replicas }}\n")
	write(t, root, "bad/Chart.yaml", "apiVersion: v2\nname: bad\nversion: 0.1.0\n")
	write(t, root, "bad/templates/p.yaml", "x: {{ nosuchfunction }}\n")
	write(t, root, "slow/Chart.yaml", "apiVersion: v2\nname: slow\nversion: 0.1.0\n")
	write(t, root, "slow/templates/p.yaml", "{{- range until 300 }}{{- range until 300 }}{{ quote . }}{{- end }}{{- end }}\n")
	write(t, root, "k/kustomization.yaml", "resources: [cm.yaml]\n")
	write(t, root, "k/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n")

	var in bytes.Buffer
	for _, r := range []render.Request{
		{Op: render.OpHello, Protocol: render.ProtocolVersion},
		{Op: render.OpHelm, Root: root, Dir: "c"},
		{Op: render.OpHelm, Root: root, Dir: "bad"},
		{Op: render.OpKustomize, Root: root, Dir: "k", File: "k/kustomization.yaml"},
		{Op: render.OpHelm, Root: root, Dir: "slow", Helm: &render.HelmOptions{RenderTimeout: time.Millisecond}},
		{Op: "nonsense", Root: root},
		{Op: render.OpHelm, Root: "relative", Dir: "c"},
	} {
		if err := render.EncodeRequest(&in, &r); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := Serve(t.Context(), &in, &out, "v9.9.9"); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(&out)
	next := func() render.Response {
		t.Helper()
		line, err := render.ReadLine(r, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		var resp render.Response
		if err := render.Decode(line, &resp); err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if h := next(); h.Protocol != render.ProtocolVersion || h.Version != "v9.9.9" {
		t.Errorf("hello = %+v", h)
	}
	docs, err := next().Result()
	if err != nil || len(docs) != 1 || docs[0].Path != "c/templates/d.yaml" {
		t.Fatalf("chart: %+v, %v", docs, err)
	}
	if spec, _ := docs[0].Value["spec"].(map[string]any); spec["replicas"] != int64(3) {
		t.Errorf("replicas = %#v, want int64(3)", spec["replicas"])
	}
	_, err = next().Result()
	var pe *scanner.ParseError
	if !errors.As(err, &pe) || pe.Kind != scanner.ParseKindHelm || pe.Path != "bad/templates/p.yaml" {
		t.Errorf("broken chart: %v", err)
	}
	docs, err = next().Result()
	if err != nil || len(docs) != 1 || docs[0].Path != "k/cm.yaml" {
		t.Errorf("kustomization: %+v, %v", docs, err)
	}
	// a render that ran out of time may still run: the companion asks to
	// be replaced
	slow := next()
	_, err = slow.Result()
	var be *scanner.BudgetError
	if !errors.As(err, &be) || be.Budget != render.BudgetHelmRenderTime || !slow.Restart {
		t.Errorf("slow chart: restart %v, %v", slow.Restart, err)
	}
	if _, err := next().Result(); err == nil || !strings.Contains(err.Error(), "nonsense") {
		t.Errorf("unknown request: %v", err)
	}
	if _, err := next().Result(); err == nil || !strings.Contains(err.Error(), "not an absolute path") {
		t.Errorf("relative root: %v", err)
	}
	if _, err := render.ReadLine(r, 1<<20); err == nil {
		t.Error("more responses than requests")
	}
}
