package iac

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/render"
	"github.com/tollgate-dev/tollgate/scanner/iac/render/inproc"
)

// The companion (the default renderer; TestMain builds it) and the
// in-process renderer give the same findings, parse findings and stats
// on every Helm and Kustomize fixture: the documents and errors cross
// the process boundary intact.
func TestRendererOutOfProcessMatchesInProcess(t *testing.T) {
	numbers := t.TempDir()
	writeFile(t, numbers, "c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
	writeFile(t, numbers, "c/values.yaml", "port: 2222\nuid: 0\nreplicas: 3\ncpu: 0.5\n")
	writeFile(t, numbers, "c/templates/deploy.yaml", `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  namespace: ns
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - name: app
          image: app:1.2.3
          securityContext:
            runAsUser: {{ .Values.uid }}
          resources:
            limits:
              cpu: {{ .Values.cpu }}
          ports:
            - containerPort: 8080
              hostPort: {{ .Values.port }}
`)
	helmDir := filepath.Join("..", "..", "testdata", "iac", "helm")
	tests := []struct {
		name string
		dir  string
		opts render.HelmOptions
		want []string // findings that must be there (the numbers the checks compare)
	}{
		{"numbers", numbers, render.HelmOptions{}, []string{`TG-K8S-0014 container "app" binds host port 2222`, `TG-K8S-0004 container "app" runs as UID 0 (root)`}},
		{"helm fixtures", helmDir, render.HelmOptions{}, nil},
		{"helm fixtures with values", helmDir, render.HelmOptions{ValueFiles: []string{"values-debug.yaml"}, Set: []string{"cache.privileged=true"}}, nil},
		{"kustomize fixtures", filepath.Join("..", "..", "testdata", "iac", "kustomize"), render.HelmOptions{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var results [2]*scanner.Result
			var stats [2]map[string]any
			for i, r := range []render.Renderer{nil, inproc.New()} {
				s, err := New(Options{Helm: tc.opts, Renderer: r})
				if err != nil {
					t.Fatal(err)
				}
				results[i], err = scanner.Run(context.Background(), tc.dir, []scanner.Scanner{s})
				if err != nil {
					t.Fatal(err)
				}
				stats[i] = s.Stats()
			}
			if len(results[0].Findings) == 0 {
				t.Fatal("no findings: the fixture tests nothing")
			}
			if d := cmp.Diff(results[1].Findings, results[0].Findings); d != "" {
				t.Errorf("findings (-in-process +companion):\n%s", d)
			}
			if d := cmp.Diff(errorTexts(results[1].Errors), errorTexts(results[0].Errors)); d != "" {
				t.Errorf("errors (-in-process +companion):\n%s", d)
			}
			if d := cmp.Diff(stats[1], stats[0]); d != "" {
				t.Errorf("stats (-in-process +companion):\n%s", d)
			}
			var got []string
			for _, f := range results[0].Findings {
				got = append(got, f.RuleID+" "+f.Description)
			}
			for _, w := range tc.want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("no finding %q in %q", w, got)
				}
			}
		})
	}
}

func errorTexts(errs []scanner.ScanError) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Err.Error())
	}
	return out
}

// countingRenderer counts the sessions a scan opens.
type countingRenderer struct {
	render.Renderer
	opened atomic.Int32
}

func (c *countingRenderer) Open(ctx context.Context) (render.Session, error) {
	c.opened.Add(1)
	return c.Renderer.Open(ctx)
}

// A scan without charts or kustomizations opens no session (starts no
// companion); one with several charts and overlays opens one.
func TestRendererOpenedOnlyForChartsAndOverlays(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		want int32
	}{
		{filepath.Join("..", "..", "testdata", "iac", "kubernetes"), 0},
		{filepath.Join("..", "..", "testdata", "iac", "helm"), 1},
		{filepath.Join("..", "..", "testdata", "iac", "kustomize"), 1},
	} {
		r := &countingRenderer{Renderer: inproc.New()}
		s, err := New(Options{Renderer: r})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := scanner.Run(context.Background(), tc.dir, []scanner.Scanner{s}); err != nil {
			t.Fatal(err)
		}
		if n := r.opened.Load(); n != tc.want {
			t.Errorf("%s: %d sessions, want %d", tc.dir, n, tc.want)
		}
	}
}

// Without a companion, a tree with charts fails the scan with a message
// that counts what needed it and says how to install it.
func TestRendererMissingFailsClosed(t *testing.T) {
	s, err := New(Options{Renderer: render.NewProcess(render.ProcessOptions{Path: filepath.Join(t.TempDir(), "tollgate-render")})})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := scanDir(t, s, filepath.Join("..", "..", "testdata", "iac", "helm"))
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Err.Error(), "4 Helm charts and 0 kustomizations need tollgate-render") {
		t.Fatalf("errors = %v", res.Errors)
	}
}

// stubSession renders nothing and counts its closes.
type stubSession struct{ closed atomic.Int32 }

func (s *stubSession) RenderHelm(context.Context, render.Tree, string, render.HelmOptions) ([]render.Document, error) {
	return nil, nil
}

func (s *stubSession) BuildKustomization(context.Context, render.Tree, string, string) ([]render.Document, error) {
	return nil, nil
}

func (s *stubSession) Close() error { s.closed.Add(1); return nil }

type stubRenderer struct{ s *stubSession }

func (r stubRenderer) Open(context.Context) (render.Session, error) { return r.s, nil }

// The session (and so the companion) closes after the scan's last chart
// or overlay, not at the end of the scan: it does not hold its memory
// while the checks run.
func TestRendererClosedAfterLastRender(t *testing.T) {
	stub := &stubSession{}
	sess, err := openRenderer(t.Context(), stubRenderer{stub}, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	sess.RenderHelm(t.Context(), render.Tree{}, "c", render.HelmOptions{})
	if n := stub.closed.Load(); n != 0 {
		t.Fatalf("closed after 1 of 2 renders")
	}
	sess.BuildKustomization(t.Context(), render.Tree{}, "k", "k/kustomization.yaml")
	if n := stub.closed.Load(); n != 1 {
		t.Fatalf("closed %d times after the last render, want 1", n)
	}
}
