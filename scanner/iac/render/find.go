package render

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Companion is the name of the companion program.
const Companion = "tollgate-render"

// EnvPath is the environment variable that names the companion.
const EnvPath = "TOLLGATE_RENDER"

// MissingError is returned by [Process.Open] when no companion is found.
type MissingError struct {
	// Version is the tollgate version to install the companion at.
	Version string
	// Tried are the places looked at, in order.
	Tried []string
}

func (e *MissingError) Error() string {
	v := e.Version
	if v == "" || v == "dev" || v == "(devel)" {
		v = "latest"
	}
	return fmt.Sprintf("no %s found (looked at %v): install it with go install github.com/tollgate-dev/tollgate/cmd/%s@%s or set %s",
		Companion, e.Tried, Companion, v, EnvPath)
}

// Find locates the companion: path if set (the --renderer flag), else
// getenv(EnvPath), else tollgate-render next to the running executable
// (symlinks resolved), else on PATH. An explicit path that does not exist
// is an error of its own, not a reason to look elsewhere.
func Find(path string, getenv func(string) string, version string) (string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	name := Companion
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	for _, p := range []struct{ what, path string }{{"--renderer", path}, {EnvPath, getenv(EnvPath)}} {
		if p.path == "" {
			continue
		}
		if st, err := os.Stat(p.path); err != nil || st.IsDir() {
			if err == nil {
				err = errors.New("is a directory")
			}
			return "", fmt.Errorf("%s %s: %w", p.what, p.path, err)
		}
		return filepath.Abs(p.path)
	}
	var tried []string
	if exe, err := os.Executable(); err == nil {
		if r, err := filepath.EvalSymlinks(exe); err == nil {
			exe = r
		}
		p := filepath.Join(filepath.Dir(exe), name)
		tried = append(tried, p)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	tried = append(tried, "PATH")
	if p, err := exec.LookPath(name); err == nil {
		return filepath.Abs(p)
	}
	return "", &MissingError{Version: version, Tried: tried}
}
