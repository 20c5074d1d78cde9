package iac

import (
	"context"

	"github.com/tollgate-dev/tollgate/scanner/iac/cloudformation"
)

// This file is the only place the engine touches the cloudformation package.

// parseCloudFormation parses a template; YAML or JSON that turns out not to
// be a template yields no document and no error.
func parseCloudFormation(ctx context.Context, p string, src []byte) ([]Document, error) {
	docs, err := cloudformation.Parse(ctx, p, src)
	return convert(docs, func(d cloudformation.Document) Document { return Document(d) }), err
}
