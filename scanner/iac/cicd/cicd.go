package cicd

import (
	"context"

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
	// A pipeline file that does not parse (or exceeds a budget) is not
	// checked at all: half a workflow would give wrong answers.
	docs, err := yamldoc.ParseFile(ctx, path, src)
	if err != nil {
		return nil, err
	}
	var out []Document
	for _, d := range docs {
		if m, ok := d.Value.(map[string]any); ok {
			out = append(out, Document{Kind: kind, Path: path, Value: m})
		}
	}
	return out, nil
}
