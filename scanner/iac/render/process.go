package render

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Defaults of [ProcessOptions].
const (
	DefaultMaxResponseBytes = 512 << 20
	DefaultMaxRSS           = 2 << 30
	DefaultKillGrace        = 5 * time.Second
	// helloTimeout bounds the companion's start-up and hello.
	helloTimeout = 30 * time.Second
)

// ProcessOptions configures [Process].
type ProcessOptions struct {
	// Path is the companion program (the --renderer flag); empty finds
	// it with [Find].
	Path string
	// Getenv reads TOLLGATE_RENDER; nil means os.Getenv.
	Getenv func(string) string
	// Version is tollgate's version, for the install hint of a missing
	// or mismatched companion.
	Version string
	// MaxResponseBytes bounds one response of the companion.
	MaxResponseBytes int64
	// MaxRSS bounds the companion's resident set while it renders; it
	// gets GOMEMLIMIT at three quarters of it. Polled from /proc on
	// Linux; elsewhere only GOMEMLIMIT applies.
	MaxRSS int64
	// KillGrace is how long past a chart's render timeout the companion
	// may take to report the timeout itself before it is killed.
	KillGrace time.Duration
	// Stderr receives the companion's standard error; nil keeps only its
	// tail, for the message of a crash.
	Stderr io.Writer
}

// Process is the out-of-process [Renderer]: each session runs one
// tollgate-render child, started at Open and again after a kill.
type Process struct {
	opts ProcessOptions
}

// NewProcess returns the out-of-process renderer.
func NewProcess(opts ProcessOptions) *Process {
	if opts.MaxResponseBytes <= 0 {
		opts.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if opts.MaxRSS <= 0 {
		opts.MaxRSS = DefaultMaxRSS
	}
	if opts.KillGrace <= 0 {
		opts.KillGrace = DefaultKillGrace
	}
	return &Process{opts: opts}
}

// Open finds the companion, starts it and checks its protocol version.
// ctx is the scan's: when it ends, the child is killed.
func (p *Process) Open(ctx context.Context) (Session, error) {
	exe, err := Find(p.opts.Path, p.opts.Getenv, p.opts.Version)
	if err != nil {
		return nil, err
	}
	s := &session{ctx: ctx, exe: exe, opts: p.opts, sem: make(chan struct{}, 1)}
	if err := s.start(); err != nil {
		return nil, err
	}
	return s, nil
}

type session struct {
	ctx  context.Context
	exe  string
	opts ProcessOptions
	sem  chan struct{} // one request at a time
	// guarded by sem
	child  *child
	closed bool
}

// child is one running companion.
type child struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Reader
	tail  *tailWriter
	done  chan struct{} // closed when the process has exited
	err   error         // its exit status, once done
}

func (s *session) acquire(ctx context.Context) error {
	select {
	case s.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *session) release() { <-s.sem }

// start runs a new child and says hello. Called with sem held (or
// before the session is shared).
func (s *session) start() error {
	cmd := exec.CommandContext(s.ctx, s.exe)
	cmd.Env = append(os.Environ(), "GOMEMLIMIT="+strconv.FormatInt(s.opts.MaxRSS/4*3, 10))
	tail := &tailWriter{max: 4096}
	cmd.Stderr = tail
	if s.opts.Stderr != nil {
		cmd.Stderr = io.MultiWriter(tail, s.opts.Stderr)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", s.exe, err)
	}
	c := &child{cmd: cmd, stdin: stdin, out: bufio.NewReaderSize(stdout, 64<<10), tail: tail, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		close(c.done)
	}()
	s.child = c
	resp, err := s.roundTrip(s.ctx, &Request{Op: OpHello, Protocol: ProtocolVersion}, helloTimeout, "the hello")
	if err != nil {
		s.kill()
		var te *timeoutError
		if errors.As(err, &te) {
			return fmt.Errorf("%s did not answer the hello within %s: is it tollgate-render?", s.exe, helloTimeout)
		}
		return fmt.Errorf("%s: %w (is it tollgate-render?)", s.exe, err)
	}
	if resp.Protocol != ProtocolVersion {
		s.kill()
		v := s.opts.Version
		if v == "" || v == "dev" {
			v = "<version>"
		}
		return fmt.Errorf("%s (version %s) speaks render protocol %d, this tollgate speaks %d: install the tollgate-render of the same release (go install github.com/tollgate-dev/tollgate/cmd/tollgate-render@%s) or point %s at it",
			s.exe, resp.Version, resp.Protocol, ProtocolVersion, v, EnvPath)
	}
	return nil
}

// kill stops the current child and forgets it.
func (s *session) kill() {
	c := s.child
	if c == nil {
		return
	}
	s.child = nil
	_ = c.cmd.Process.Kill()
	<-c.done
}

// timeoutError is a request that did not finish in time.
type timeoutError struct{ limit time.Duration }

func (e *timeoutError) Error() string { return fmt.Sprintf("no answer within %s", e.limit) }

// memoryError is a child whose resident set went over the budget.
type memoryError struct{ rss, limit int64 }

func (e *memoryError) Error() string {
	return fmt.Sprintf("resident set %d MiB over the %d MiB limit", e.rss>>20, e.limit>>20)
}

// tooLargeError is a response over MaxResponseBytes.
type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string { return fmt.Sprintf("response over %d bytes", e.limit) }

// roundTrip sends one request to the running child and reads its
// answer, killing the child on a timeout (0: none), a memory overrun, a
// response too large or ctx's end. Called with sem held.
func (s *session) roundTrip(ctx context.Context, req *Request, timeout time.Duration, what string) (*Response, error) {
	c := s.child
	var buf bytes.Buffer
	if err := EncodeRequest(&buf, req); err != nil {
		return nil, err
	}
	type result struct {
		line []byte
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		if _, err := c.stdin.Write(buf.Bytes()); err != nil {
			ch <- result{err: err}
			return
		}
		line, err := ReadLine(c.out, s.opts.MaxResponseBytes)
		var tl *tooLongError
		if errors.As(err, &tl) {
			err = &tooLargeError{limit: s.opts.MaxResponseBytes}
		}
		ch <- result{line, err}
	}()
	var timer <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		timer = t.C
	}
	poll := time.NewTicker(50 * time.Millisecond)
	defer poll.Stop()
	for {
		select {
		case r := <-ch:
			if r.err != nil {
				var tl *tooLargeError
				if errors.As(r.err, &tl) {
					s.kill()
					return nil, r.err
				}
				return nil, s.crashed(r.err)
			}
			resp := &Response{}
			if err := Decode(r.line, resp); err != nil {
				s.kill()
				return nil, fmt.Errorf("tollgate-render answered %s with output that does not decode: %w", what, err)
			}
			if resp.Restart {
				s.kill()
			}
			return resp, nil
		case <-timer:
			s.kill()
			return nil, &timeoutError{limit: timeout}
		case <-ctx.Done():
			s.kill()
			return nil, ctx.Err()
		case <-poll.C:
			if rss := residentSet(c.cmd.Process.Pid); rss > s.opts.MaxRSS {
				s.kill()
				return nil, &memoryError{rss: rss, limit: s.opts.MaxRSS}
			}
		}
	}
}

// crashed describes a child that stopped answering: its exit status and
// the tail of its stderr.
func (s *session) crashed(readErr error) error {
	c := s.child
	select {
	case <-c.done:
	case <-time.After(2 * time.Second):
		s.kill()
	}
	s.child = nil
	msg := "tollgate-render stopped answering"
	if c.err != nil {
		msg += " (" + c.err.Error() + ")"
	} else if !errors.Is(readErr, io.EOF) {
		msg += " (" + readErr.Error() + ")"
	}
	if t := strings.TrimSpace(c.tail.String()); t != "" {
		msg += ": " + t
	}
	return errors.New(msg)
}

// request runs one render request, starting a child if none runs.
func (s *session) request(ctx context.Context, req *Request, timeout time.Duration) (*Response, error) {
	if err := s.acquire(ctx); err != nil {
		return nil, err
	}
	defer s.release()
	if s.closed {
		return nil, errors.New("render session closed")
	}
	if s.child != nil {
		select {
		case <-s.child.done: // it died after its last answer
			s.child = nil
		default:
		}
	}
	if s.child == nil {
		if err := s.start(); err != nil {
			return nil, err
		}
	}
	return s.roundTrip(ctx, req, timeout, "a "+req.Op+" request")
}

func (s *session) RenderHelm(ctx context.Context, t Tree, dir string, opts HelmOptions) ([]Document, error) {
	opts = opts.WithDefaults()
	chart := path.Join(dir, ChartFile)
	resp, err := s.request(ctx, &Request{Op: OpHelm, Root: t.Root, Dir: dir, Helm: &opts}, opts.RenderTimeout+s.opts.KillGrace)
	if err != nil {
		return nil, s.failure(err, scanner.ParseKindHelm, chart, "Helm chart "+dir, opts.RenderTimeout)
	}
	return resp.Result()
}

func (s *session) BuildKustomization(ctx context.Context, t Tree, dir, file string) ([]Document, error) {
	resp, err := s.request(ctx, &Request{Op: OpKustomize, Root: t.Root, Dir: dir, File: file}, 0)
	if err != nil {
		return nil, s.failure(err, scanner.ParseKindKustomize, file, "kustomization "+dir, 0)
	}
	return resp.Result()
}

// failure turns a failed request into the scan's error: a budget the
// file exceeded is a parse error on it (a finding, as in-process); a
// crash is an error naming what was rendered.
func (s *session) failure(err error, kind, file, what string, renderTimeout time.Duration) error {
	var te *timeoutError
	var me *memoryError
	var tl *tooLargeError
	switch {
	case s.ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.As(err, &te) && kind == scanner.ParseKindHelm:
		return &scanner.ParseError{Kind: kind, Path: file, Err: HelmTimeBudget(renderTimeout)}
	case errors.As(err, &me):
		return &scanner.ParseError{Kind: kind, Path: file, Err: &scanner.BudgetError{Budget: BudgetRenderMemory, Limit: me.limit,
			Detail: fmt.Sprintf("rendering it took more than %d MiB of memory; it is not checked", me.limit>>20)}}
	case errors.As(err, &tl):
		return &scanner.ParseError{Kind: kind, Path: file, Err: &scanner.BudgetError{Budget: BudgetRenderResponse, Limit: tl.limit,
			Detail: "its rendered objects are larger than tollgate reads from tollgate-render; it is not checked"}}
	}
	return fmt.Errorf("render %s: %w", what, err)
}

// HelmTimeBudget is the error of a chart that rendered longer than d.
func HelmTimeBudget(d time.Duration) *scanner.BudgetError {
	return &scanner.BudgetError{Budget: BudgetHelmRenderTime, Limit: d.Milliseconds(),
		Detail: fmt.Sprintf("rendering the chart took longer than %s (a template loop?); the chart is not checked", d)}
}

// Close ends the child: stdin closed, then killed if it does not exit.
func (s *session) Close() error {
	s.sem <- struct{}{}
	defer s.release()
	s.closed = true
	c := s.child
	if c == nil {
		return nil
	}
	_ = c.stdin.Close()
	select {
	case <-c.done:
		s.child = nil
	case <-time.After(time.Second):
		s.kill()
	}
	return nil
}

// residentSet reads a process's VmRSS in bytes from /proc (0 when
// unknown: not Linux, or the process is gone).
func residentSet(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	_, rest, ok := bytes.Cut(b, []byte("VmRSS:"))
	if !ok {
		return 0
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	f := strings.Fields(string(line))
	if len(f) < 1 {
		return 0
	}
	kb, _ := strconv.ParseInt(f[0], 10, 64)
	return kb << 10
}

// tailWriter keeps the last max bytes written.
type tailWriter struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (w *tailWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b = append(w.b, p...)
	if len(w.b) > w.max {
		w.b = append(w.b[:0], w.b[len(w.b)-w.max:]...)
	}
	return len(p), nil
}

func (w *tailWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.b)
}
