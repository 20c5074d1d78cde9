package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tollgate must not link Helm, Kustomize or the Kubernetes client and API
// types: they cost every run ~56 MB of memory at start-up, charts or not
// (docs/performance.md). They belong in cmd/tollgate-render.
func TestRendererNotLinked(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"helm.sh/", "sigs.k8s.io/kustomize/api", "k8s.io/client-go", "k8s.io/api/", "k8s.io/apimachinery"}
	// helm's --set parser (sigs.k8s.io/yaml only) checks --helm-set up front
	allowed := map[string]bool{"helm.sh/helm/v4/pkg/strvals": true}
	for _, pkg := range strings.Fields(string(out)) {
		for _, b := range banned {
			if strings.HasPrefix(pkg, b) && !allowed[pkg] {
				t.Errorf("cmd/tollgate links %s: render it in cmd/tollgate-render (scanner/iac/render)", pkg)
			}
		}
	}
}

// The companion is needed only for charts and kustomizations: without
// one, a tree with charts is exit 2 with a message that says how to
// install it; a tree without charts never starts it.
func TestRendererCompanion(t *testing.T) {
	real := os.Getenv("TOLLGATE_RENDER") // built by TestMain
	charts := filepath.Join("..", "..", "testdata", "iac", "helm")
	plain := t.TempDir()
	if err := os.WriteFile(filepath.Join(plain, "Dockerfile"), []byte("FROM alpine:3.20\nUSER app\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// a companion that only records that it was started
	marker := filepath.Join(t.TempDir(), "started")
	spy := filepath.Join(t.TempDir(), "tollgate-render")
	if err := os.WriteFile(spy, []byte("#!/bin/sh\n: > '"+marker+"'\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir()) // nothing to find there
	scan := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := run(t.Context(), append([]string{"scan", "-q", "--scanners", "iac", "--fail-on", "none"}, args...), &stdout, &stderr)
		return code, stderr.String()
	}

	t.Setenv("TOLLGATE_RENDER", "")
	code, stderr := scan(charts)
	if code != 2 || !strings.Contains(stderr, "4 Helm charts and 0 kustomizations need tollgate-render") ||
		!strings.Contains(stderr, "go install github.com/tollgate-dev/tollgate/cmd/tollgate-render@") || !strings.Contains(stderr, "TOLLGATE_RENDER") {
		t.Errorf("charts without a companion: exit %d, stderr %s", code, stderr)
	}
	if code, stderr := scan(plain); code != 0 {
		t.Errorf("no charts, no companion: exit %d, want 0; stderr %s", code, stderr)
	}

	t.Setenv("TOLLGATE_RENDER", spy)
	if code, stderr := scan(plain); code != 0 {
		t.Errorf("no charts: exit %d, want 0; stderr %s", code, stderr)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("a scan without charts started the companion")
	}
	if code, stderr := scan(charts); code != 2 || !strings.Contains(stderr, "is it tollgate-render") {
		t.Errorf("a companion that does not answer: exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Error("the spy was not started for a tree with charts")
	}

	// --renderer wins over the environment
	if code, stderr := scan("--renderer", real, charts); code != 0 {
		t.Errorf("--renderer: exit %d, stderr %s", code, stderr)
	}
}

// The config file of a scanned tree cannot choose the program tollgate
// runs to render its charts.
func TestRendererNotFromConfigFile(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, ".tollgate.yaml"), []byte("scan:\n  renderer: ./evil.sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), []string{"scan", "-q", "--scanners", "iac", root}, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "scan.renderer cannot be set in the config file") {
		t.Errorf("exit %d, stderr %s", code, stderr.String())
	}
}
