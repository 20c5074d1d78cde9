package iac

import (
	"context"
	"io/fs"
	"log/slog"

	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

// This file is the only place the engine touches the terraform package.

// terraformRoots picks the root modules among the directories holding .tf
// files: a directory another one calls as a local module is evaluated as
// part of its caller, with the caller's inputs.
func terraformRoots(ctx context.Context, fsys fs.FS, dirs []string) ([]string, error) {
	return terraform.RootModules(ctx, fsys, dirs)
}

func parseTerraformModule(ctx context.Context, fsys fs.FS, dir string, varFiles []string, env map[string]string, log *slog.Logger) ([]Document, error) {
	docs, err := terraform.ParseModule(ctx, fsys, dir, terraform.Options{VarFiles: varFiles, Env: env, Logger: log})
	return convert(docs, func(d terraform.Document) Document { return Document(d) }), err
}

// looksPlan sniffs `terraform show -json` output.
func looksPlan(src []byte) bool { return terraform.IsPlan(src) }

func parseTerraformPlan(ctx context.Context, p string, src []byte) ([]Document, error) {
	docs, err := terraform.ParsePlan(ctx, p, src)
	return convert(docs, func(d terraform.Document) Document { return Document(d) }), err
}
