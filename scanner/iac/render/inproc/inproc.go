// Package inproc renders Helm charts and builds Kustomize overlays inside
// the calling process: it links Helm v4 and Kustomize's api (with
// client-go and the Kubernetes API types). Library users who want no
// child process pass [New] as the IaC scanner's Renderer; the companion
// tollgate-render serves it to tollgate with [Serve].
package inproc

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/helm"
	"github.com/tollgate-dev/tollgate/scanner/iac/kustomize/build"
	"github.com/tollgate-dev/tollgate/scanner/iac/render"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// New returns the in-process renderer.
func New() render.Renderer { return renderer{} }

type renderer struct{}

func (renderer) Open(context.Context) (render.Session, error) { return session{}, nil }

type session struct{}

func (session) RenderHelm(ctx context.Context, t render.Tree, dir string, opts render.HelmOptions) ([]render.Document, error) {
	docs, err := helm.Render(ctx, t.FS, dir, opts)
	return convert(docs, func(d helm.Document) render.Document { return render.Document(d) }), err
}

func (session) BuildKustomization(ctx context.Context, t render.Tree, dir, file string) ([]render.Document, error) {
	docs, err := build.Build(ctx, t.Root, t.FS, dir, file)
	return convert(docs, func(d build.Document) render.Document { return render.Document(d) }), err
}

func (session) Close() error { return nil }

func convert[T any](in []T, f func(T) render.Document) []render.Document {
	out := make([]render.Document, len(in))
	for i, d := range in {
		out[i] = f(d)
	}
	return out
}

// maxRequestBytes bounds one request line (a request is a few paths and
// options).
const maxRequestBytes = 1 << 20

// Serve answers the requests of one tollgate on in with responses on
// out, one at a time, until in ends (nil) or ctx is done. version is
// what a hello answers besides the protocol version. Charts and overlays
// are read from disk under each request's root.
func Serve(ctx context.Context, in io.Reader, out io.Writer, version string) error {
	r := bufio.NewReaderSize(in, 64<<10)
	w := bufio.NewWriterSize(out, 64<<10)
	s := session{}
	var buf bytes.Buffer
	for {
		line, err := render.ReadLine(r, maxRequestBytes)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		var req render.Request
		if err := render.Decode(line, &req); err != nil {
			return fmt.Errorf("request does not decode: %w", err)
		}
		resp := handle(ctx, s, &req, version)
		buf.Reset()
		if err := render.EncodeResponse(&buf, &resp); err != nil {
			buf.Reset()
			resp = render.NewResponse(nil, fmt.Errorf("encode the answer to %s %s: %w", req.Op, req.Dir, err))
			if err := render.EncodeResponse(&buf, &resp); err != nil {
				return err
			}
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if buf.Cap() > 64<<20 {
			buf = bytes.Buffer{} // do not keep a huge chart's buffer
		}
	}
}

func handle(ctx context.Context, s session, req *render.Request, version string) render.Response {
	// each request has the alias budget of a whole in-process scan
	ctx = yamldoc.WithScanBudget(ctx, yamldoc.NewScanBudget(0))
	if req.Op != render.OpHello && !filepath.IsAbs(req.Root) {
		return render.NewResponse(nil, fmt.Errorf("%s request: root %q is not an absolute path", req.Op, req.Root))
	}
	t := render.Tree{Root: req.Root, FS: os.DirFS(req.Root)}
	switch req.Op {
	case render.OpHello:
		return render.Response{Protocol: render.ProtocolVersion, Version: version}
	case render.OpHelm:
		var opts render.HelmOptions
		if req.Helm != nil {
			opts = *req.Helm
		}
		docs, err := s.RenderHelm(ctx, t, req.Dir, opts)
		resp := render.NewResponse(docs, err)
		// a render that ran out of time may still run in a goroutine
		var be *scanner.BudgetError
		resp.Restart = errors.As(err, &be) && be.Budget == render.BudgetHelmRenderTime
		return resp
	case render.OpKustomize:
		docs, err := s.BuildKustomization(ctx, t, req.Dir, req.File)
		return render.NewResponse(docs, err)
	}
	return render.NewResponse(nil, fmt.Errorf("unknown request %q", req.Op))
}
