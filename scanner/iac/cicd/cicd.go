package cicd

import (
	"context"
	"errors"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// Document kinds produced by this package.
const (
	KindGitHub = "github-actions"
	KindGitLab = "gitlab-ci"
)

// Document is one pipeline file.
type Document struct {
	Kind  string
	Path  string
	Value map[string]any
}

// ParseGitHub parses a workflow (.github/workflows/*.yml) or a composite
// action (action.yml).
func ParseGitHub(ctx context.Context, path string, src []byte) ([]Document, error) {
	return parse(ctx, KindGitHub, path, src)
}

// ParseGitLab parses a .gitlab-ci.yml file.
func ParseGitLab(ctx context.Context, path string, src []byte) ([]Document, error) {
	return parse(ctx, KindGitLab, path, src)
}

func parse(ctx context.Context, kind, path string, src []byte) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	docs, err := yamldoc.Parse(src)
	if err != nil {
		fe := &scanner.FileError{Path: path, Err: err}
		var ye *yamldoc.Error
		if errors.As(err, &ye) {
			fe.Line, fe.Err = ye.Line, ye.Err
		}
		return nil, fe
	}
	var out []Document
	for _, d := range docs {
		if m, ok := d.Value.(map[string]any); ok {
			out = append(out, Document{Kind: kind, Path: path, Value: m})
		}
	}
	return out, nil
}
