// Package rendertest builds the companion tollgate-render for the tests
// of packages that scan Helm charts or Kustomize overlays through it
// (the IaC scanner's default renderer, and the CLI).
package rendertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/iac/render"
)

// Build compiles cmd/tollgate-render into dir and returns its path.
func Build(dir string) (string, error) {
	name := render.Companion
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, "github.com/tollgate-dev/tollgate/cmd/"+render.Companion)
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %w\n%s", render.Companion, err, b)
	}
	return out, nil
}

// Main builds the companion once for a test binary, points
// TOLLGATE_RENDER at it (child processes inherit it) and runs the tests.
// Without a go command the tests are skipped: they cannot render.
func Main(m *testing.M) int {
	if _, err := exec.LookPath("go"); err != nil {
		fmt.Fprintln(os.Stderr, "skipping: no go command to build", render.Companion)
		return 0
	}
	dir, err := os.MkdirTemp("", "tollgate-render-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	exe, err := Build(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	os.Setenv(render.EnvPath, exe)
	return m.Run()
}
