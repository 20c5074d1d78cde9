package iac

import (
	"context"
	"errors"
	"io/fs"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/arm"
)

// This file is the only place the engine touches the arm package.

// looksARM sniffs a deployment template by its $schema.
func looksARM(src []byte) bool { return arm.IsTemplate(src) }

// parseARM evaluates a template with the parameters file beside it, and
// records the .bicep it was compiled from when there is one.
func parseARM(ctx context.Context, fsys fs.FS, p string, src []byte) ([]Document, error) {
	opts := arm.Options{}
	pp := arm.ParamsFileFor(p)
	params, err := fs.ReadFile(fsys, pp)
	switch {
	case err == nil:
		opts.Params, opts.ParamsPath = params, pp
	case !errors.Is(err, fs.ErrNotExist):
		return nil, &scanner.FileError{Path: pp, Err: err}
	}
	if b := arm.BicepFileFor(p); exists(fsys, b) {
		opts.Bicep = b
	}
	docs, err := arm.Parse(ctx, p, src, opts)
	return convert(docs, func(d arm.Document) Document { return Document(d) }), err
}

// bicepCompiled reports whether a .bicep file has its compiled .json
// beside it (which is scanned in its place).
func bicepCompiled(fsys fs.FS, p string) bool {
	return exists(fsys, p[:len(p)-len(".bicep")]+".json")
}

func exists(fsys fs.FS, p string) bool {
	st, err := fs.Stat(fsys, p)
	return err == nil && !st.IsDir()
}
