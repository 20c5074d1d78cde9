package iac

import (
	"context"
	"errors"

	"github.com/tollgate-dev/tollgate/scanner"
)

// This file is the only place the engine touches the cloudformation package.

// errNoCFNParser is returned until the cloudformation package exists.
var errNoCFNParser = errors.New("CloudFormation is not supported by this build")

func parseCloudFormation(_ context.Context, p string, _ []byte) ([]Document, error) {
	return nil, &scanner.FileError{Path: p, Err: errNoCFNParser}
}
