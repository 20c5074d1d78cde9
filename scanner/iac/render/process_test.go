//go:build unix

package render

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// The test binary doubles as a fake companion: with TOLLGATE_FAKE_RENDER
// set it answers requests the way its mode says (docs/iac.md describes
// the real one).
const (
	envFakeMode   = "TOLLGATE_FAKE_RENDER"
	envFakeMarker = "TOLLGATE_FAKE_MARKER"
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(envFakeMode); mode != "" {
		os.Exit(fakeCompanion(mode))
	}
	os.Exit(m.Run())
}

func fakeCompanion(mode string) int {
	in := bufio.NewReader(os.Stdin)
	marker := os.Getenv(envFakeMarker)
	for {
		line, err := ReadLine(in, 1<<20)
		if err != nil {
			return 0
		}
		var req Request
		if err := Decode(line, &req); err != nil {
			return 9
		}
		resp := Response{}
		switch {
		case req.Op == OpHello && mode == "oldproto":
			resp = Response{Protocol: ProtocolVersion + 98, Version: "v0.0.1"}
		case req.Op == OpHello && mode == "mute":
			time.Sleep(time.Hour)
		case req.Op == OpHello:
			resp = Response{Protocol: ProtocolVersion, Version: "fake"}
		case mode == "crash":
			fmt.Fprintln(os.Stderr, "panic: simulated crash")
			return 3
		case mode == "garbage":
			fmt.Println("this is not JSON")
			continue
		case mode == "restart":
			resp = NewResponse([]Document{{Kind: "k", Path: req.Dir, Value: map[string]any{"pid": int64(os.Getpid())}}}, nil)
			resp.Restart = true
		case mode == "big":
			resp = NewResponse([]Document{{Kind: "k", Path: req.Dir, Value: map[string]any{"x": strings.Repeat("y", 2<<20)}}}, nil)
		case mode == "memory":
			b := make([]byte, 400<<20)
			for i := range b {
				b[i] = 1
			}
			time.Sleep(time.Hour)
			_ = b[len(b)-1]
		case mode == "hang" || (mode == "hang-once" && !exists(marker)):
			_ = os.WriteFile(marker, []byte(strconv.Itoa(os.Getpid())), 0o644)
			time.Sleep(time.Hour)
		default: // ok, and hang-once after the first
			resp = NewResponse([]Document{{Kind: "kubernetes", Path: req.Dir + "/templates/a.yaml",
				Value: map[string]any{"replicas": int64(3), "pid": int64(os.Getpid())}}}, nil)
		}
		var buf bytes.Buffer
		if err := EncodeResponse(&buf, &resp); err != nil {
			return 8
		}
		os.Stdout.Write(buf.Bytes())
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// fake opens a session on the test binary in mode.
func fake(t *testing.T, ctx context.Context, mode string, opts ProcessOptions) (*session, string) {
	t.Helper()
	t.Setenv(envFakeMode, mode)
	marker := filepath.Join(t.TempDir(), "marker")
	t.Setenv(envFakeMarker, marker)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	opts.Path = exe
	s, err := NewProcess(opts).Open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.(*session), marker
}

var tree = Tree{Root: "/nonexistent"}

func TestProcessRendersAndReuses(t *testing.T) {
	s, _ := fake(t, t.Context(), "ok", ProcessOptions{})
	var pids []any
	for _, dir := range []string{"a", "b"} {
		docs, err := s.RenderHelm(t.Context(), tree, dir, HelmOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 1 || docs[0].Path != dir+"/templates/a.yaml" || docs[0].Value["replicas"] != int64(3) {
			t.Fatalf("docs = %+v", docs)
		}
		pids = append(pids, docs[0].Value["pid"])
	}
	if pids[0] != pids[1] {
		t.Errorf("two charts rendered by two companions %v: want one per scan", pids)
	}
}

func TestProcessCrashNamesTheChart(t *testing.T) {
	for _, mode := range []string{"crash", "garbage"} {
		t.Run(mode, func(t *testing.T) {
			s, _ := fake(t, t.Context(), mode, ProcessOptions{})
			_, err := s.RenderHelm(t.Context(), tree, "charts/web", HelmOptions{})
			var pe *scanner.ParseError
			if err == nil || errors.As(err, &pe) {
				t.Fatalf("err = %v, want a scan error (fail closed), not a finding", err)
			}
			if !strings.Contains(err.Error(), "Helm chart charts/web") {
				t.Errorf("error %q does not name the chart", err)
			}
			if mode == "crash" && !strings.Contains(err.Error(), "simulated crash") {
				t.Errorf("error %q does not carry the companion's stderr", err)
			}
			_, err = s.BuildKustomization(t.Context(), tree, "overlays/prod", "overlays/prod/kustomization.yaml")
			if err == nil || !strings.Contains(err.Error(), "kustomization overlays/prod") {
				t.Errorf("kustomization: err = %v, want one naming it", err)
			}
		})
	}
}

// A chart that runs past its render timeout gets the helm-render-time
// budget finding (as in-process); the companion is killed and a new one
// renders the next chart.
func TestProcessTimeoutKillsAndRestarts(t *testing.T) {
	s, marker := fake(t, t.Context(), "hang-once", ProcessOptions{KillGrace: 50 * time.Millisecond})
	opts := HelmOptions{RenderTimeout: 200 * time.Millisecond}
	_, err := s.RenderHelm(t.Context(), tree, "loop", opts)
	var pe *scanner.ParseError
	var be *scanner.BudgetError
	if !errors.As(err, &pe) || !errors.As(err, &be) || be.Budget != BudgetHelmRenderTime || pe.Path != "loop/Chart.yaml" || pe.Kind != scanner.ParseKindHelm {
		t.Fatalf("err = %v, want a helm-render-time budget on loop/Chart.yaml", err)
	}
	if *be != *HelmTimeBudget(opts.RenderTimeout) {
		t.Errorf("budget %+v, want the in-process one %+v", be, HelmTimeBudget(opts.RenderTimeout))
	}
	hung := pidIn(t, marker)
	if alive(hung) {
		t.Errorf("the hung companion %d still runs", hung)
	}
	docs, err := s.RenderHelm(t.Context(), tree, "next", opts)
	if err != nil || len(docs) != 1 {
		t.Fatalf("next chart: %v, %v", docs, err)
	}
	if docs[0].Value["pid"] == int64(hung) {
		t.Error("the next chart went to the killed companion")
	}
}

// A companion that asks to be restarted (a render timed out inside it
// and may still run) does not get the next chart.
func TestProcessRestartOnRequest(t *testing.T) {
	s, _ := fake(t, t.Context(), "restart", ProcessOptions{})
	var pids []any
	for _, dir := range []string{"a", "b"} {
		docs, err := s.RenderHelm(t.Context(), tree, dir, HelmOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v, %v", dir, docs, err)
		}
		pids = append(pids, docs[0].Value["pid"])
	}
	if pids[0] == pids[1] {
		t.Errorf("both charts went to companion %v", pids[0])
	}
	if pid, ok := pids[0].(int64); ok && alive(int(pid)) {
		t.Errorf("the first companion %d still runs", pid)
	}
}

func TestProcessContextCancelKillsTheChild(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	s, marker := fake(t, ctx, "hang", ProcessOptions{})
	done := make(chan error, 1)
	go func() {
		_, err := s.RenderHelm(ctx, tree, "c", HelmOptions{RenderTimeout: time.Hour})
		done <- err
	}()
	for !exists(marker) || len(readFile(t, marker)) == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	pid := pidIn(t, marker)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the request did not end with its context")
	}
	if alive(pid) {
		t.Errorf("companion %d outlived the scan's context", pid)
	}
}

func TestProcessResponseAndMemoryBudgets(t *testing.T) {
	t.Run("response size", func(t *testing.T) {
		s, _ := fake(t, t.Context(), "big", ProcessOptions{MaxResponseBytes: 1 << 20})
		_, err := s.RenderHelm(t.Context(), tree, "c", HelmOptions{})
		var be *scanner.BudgetError
		if !errors.As(err, &be) || be.Budget != BudgetRenderResponse {
			t.Fatalf("err = %v, want the %s budget", err, BudgetRenderResponse)
		}
	})
	t.Run("memory", func(t *testing.T) {
		if !exists("/proc/self/status") {
			t.Skip("no /proc: the resident set is not polled here")
		}
		s, _ := fake(t, t.Context(), "memory", ProcessOptions{MaxRSS: 100 << 20})
		_, err := s.RenderHelm(t.Context(), tree, "c", HelmOptions{RenderTimeout: time.Minute})
		var be *scanner.BudgetError
		if !errors.As(err, &be) || be.Budget != BudgetRenderMemory {
			t.Fatalf("err = %v, want the %s budget", err, BudgetRenderMemory)
		}
	})
}

func TestProcessOpenErrors(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("other protocol", func(t *testing.T) {
		t.Setenv(envFakeMode, "oldproto")
		_, err := NewProcess(ProcessOptions{Path: exe, Version: "v1.2.3"}).Open(t.Context())
		if err == nil || !strings.Contains(err.Error(), "speaks render protocol 99") || !strings.Contains(err.Error(), "cmd/tollgate-render@v1.2.3") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("not a companion", func(t *testing.T) {
		_, err := NewProcess(ProcessOptions{Path: "/bin/true"}).Open(t.Context())
		if err == nil || !strings.Contains(err.Error(), "is it tollgate-render") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("explicit path missing", func(t *testing.T) {
		_, err := NewProcess(ProcessOptions{Path: filepath.Join(t.TempDir(), "nope")}).Open(t.Context())
		if err == nil || !strings.Contains(err.Error(), "--renderer") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("none anywhere", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := NewProcess(ProcessOptions{Getenv: func(string) string { return "" }, Version: "v1.2.3"}).Open(t.Context())
		var me *MissingError
		if !errors.As(err, &me) || !strings.Contains(err.Error(), "go install github.com/tollgate-dev/tollgate/cmd/tollgate-render@v1.2.3 or set TOLLGATE_RENDER") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("env", func(t *testing.T) {
		got, err := Find("", func(k string) string {
			if k == EnvPath {
				return exe
			}
			return ""
		}, "")
		if err != nil || got != exe {
			t.Fatalf("Find = %q, %v; want %q", got, err, exe)
		}
	})
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, _ := os.ReadFile(p)
	return b
}

func pidIn(t *testing.T, marker string) int {
	t.Helper()
	pid, err := strconv.Atoi(string(readFile(t, marker)))
	if err != nil {
		t.Fatalf("marker: %v", err)
	}
	return pid
}

// alive reports whether pid runs (a reaped child is gone).
func alive(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}
