package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/rendertest"
	"github.com/tollgate-dev/tollgate/scanner"
)

// TestMain lets the signal test run this test binary as the real CLI
// (main, with its signal handling) instead of building it.
func TestMain(m *testing.M) {
	if os.Getenv("TOLLGATE_TEST_AS_CLI") == "1" {
		main()
		return
	}
	// Charts and kustomizations render in the companion: build it once.
	os.Exit(rendertest.Main(m))
}

// stuckScanner ignores ctx, like a scanner stuck inside a library.
type stuckScanner struct{ release chan struct{} }

func (stuckScanner) Name() string                   { return "stuck" }
func (stuckScanner) Match(string, fs.DirEntry) bool { return true }
func (s stuckScanner) Scan(context.Context, scanner.Target) ([]scanner.Finding, error) {
	<-s.release
	return nil, nil
}

func TestScanTimeoutNamesRunningScanner(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "a.txt"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	defer close(release)
	var stdout, stderr bytes.Buffer
	a := &app{stdout: &stdout, stderr: &stderr, now: time.Now,
		registry: func(scanSettings) scanner.Registry {
			return scanner.Registry{"stuck": func() (scanner.Scanner, error) { return stuckScanner{release}, nil }}
		}}
	report := filepath.Join(t.TempDir(), "out.sarif")
	start := time.Now()
	code := a.run(context.Background(), []string{"scan", "--scanners", "stuck", "--timeout", "3s", "-f", "sarif", "-o", report, root})
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %s with --timeout 3s", took)
	}
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	want := "tollgate: scan stopped: scan did not finish within 3s (raise it with --timeout); still running: stuck\n"
	if stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	if _, err := os.Stat(report); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a report was written for a scan that timed out: %v", err)
	}
}

// TestSignalStopsScan runs the CLI as a child process on a slow input,
// signals it, and checks it ends within a second with exit 2 and writes
// no report.
func TestSignalStopsScan(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the CLI as a child process")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	for name, sig := range map[string]syscall.Signal{"SIGINT": syscall.SIGINT, "SIGTERM": syscall.SIGTERM} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			root := filepath.Join(dir, "src")
			// The check loops for minutes in Rego evaluation.
			checks := filepath.Join("..", "..", "testdata", "timeouts")
			if err := os.MkdirAll(root, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "deploy.yaml"), []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			report := filepath.Join(dir, "out", "tollgate.sarif")
			cmd := exec.Command(exe, "scan", "--scanners", "iac", "--iac-checks", checks, "--iac-eval-timeout", "0",
				"--fail-on", "none", "-f", "sarif", "-o", report, root)
			cmd.Env = append(os.Environ(), "TOLLGATE_TEST_AS_CLI=1")
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = io.Discard, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Let it reach the evaluation (startup compiles the checks).
			time.Sleep(3 * time.Second)
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("still running 10s after %s; stderr: %s", name, stderr.String())
			}
			took, limit := time.Since(sent), signalLimit(t)
			t.Logf("ended %s after %s", took, name)
			if took > limit {
				t.Errorf("ended %s after %s, want within %s", took, name, limit)
			}
			if code := cmd.ProcessState.ExitCode(); code != exitError {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitError, stderr.String())
			}
			if !strings.Contains(stderr.String(), "scan stopped: "+map[string]string{"SIGINT": "interrupt", "SIGTERM": "terminated"}[name]) {
				t.Errorf("stderr = %q, want it to say the scan stopped on %s", stderr.String(), name)
			}
			if _, err := os.Stat(report); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("report exists after %s: %v", name, err)
			}
		})
	}
}

// signalLimit is how soon the CLI must end after a signal: 1s, scaled
// up (to at most 8s) by how overloaded the machine is, where scheduling
// the child alone can take seconds. A CLI that waited for its scanners
// would run for minutes on this input, so the bound still catches that.
func signalLimit(t *testing.T) time.Duration {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return time.Second
	}
	var load float64
	if _, err := fmt.Sscan(string(b), &load); err != nil {
		return time.Second
	}
	per := load / float64(runtime.NumCPU())
	if per <= 2 {
		return time.Second
	}
	limit := min(time.Duration(per*float64(time.Second)), 8*time.Second)
	t.Logf("load average %.1f on %d CPUs: allowing %s", load, runtime.NumCPU(), limit)
	return limit
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.sarif")
	if err := writeFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "complete"); return err }); err != nil {
		t.Fatal(err)
	}
	// A write that fails half-way leaves the previous report as it was.
	boom := errors.New("disk full")
	err := writeFileAtomic(path, func(w io.Writer) error {
		_, _ = io.WriteString(w, "trunc")
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want the write error naming %s", err, path)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "complete" {
		t.Errorf("report = %q after a failed write, want the previous one", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("directory holds %d entries, want only the report (no temp files left)", len(ents))
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", info.Mode().Perm())
	}
}

// The deadline flags reach the scanners and the gate: each run below ends
// with exit 2 and a message naming what did not finish and its flag.
func TestDeadlineFlags(t *testing.T) {
	// The handler does not read the POST body, so the server never notices
	// the client hanging up; release lets Close finish.
	release := make(chan struct{})
	hung := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hung.Close()
	defer close(release)
	root := t.TempDir()
	lock, err := os.ReadFile(filepath.Join("..", "..", "testdata", "deps", "npm-v3", "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	for p, body := range map[string]string{
		"package-lock.json": string(lock),
		"deploy.yaml":       "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n",
		"slow.rego":         "package tollgate.gate\n\ndeny contains {\"msg\": \"never\"} if {\n\tsome i in numbers.range(1, 100000)\n\tsome j in numbers.range(1, 100000)\n\ti * j == -1\n}\n",
	} {
		if err := os.WriteFile(filepath.Join(root, p), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := map[string]struct {
		args []string
		want []string
	}{
		"osv request": {[]string{"--scanners", "deps", "--osv-api-url", hung.URL, "--osv-request-timeout", "100ms"},
			[]string{"POST " + hung.URL + "/v1/querybatch", "within 100ms (raise it with --osv-request-timeout)"}},
		"osv overall": {[]string{"--scanners", "deps", "--osv-api-url", hung.URL, "--osv-timeout", "300ms"},
			[]string{"OSV API at " + hung.URL + " did not finish within 300ms (raise it with --osv-timeout)"}},
		"iac eval": {[]string{"--scanners", "iac", "--iac-checks", filepath.Join("..", "..", "testdata", "timeouts"), "--iac-eval-timeout", "200ms"},
			[]string{"IaC check ACME-SLOW", "deploy.yaml did not finish within 200ms (raise it with --iac-eval-timeout)"}},
		"policy": {[]string{"--scanners", "iac", "--policy", filepath.Join(root, "slow.rego"), "--policy-timeout", "200ms"},
			[]string{"policy rule deny at " + filepath.Join(root, "slow.rego") + ":3 did not finish within 200ms (raise it with --policy-timeout)"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), append(append([]string{"scan", "-q"}, tc.args...), root), &stdout, &stderr)
			if code != exitError {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitError, stderr.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr %q lacks %q", stderr.String(), w)
				}
			}
		})
	}
}
