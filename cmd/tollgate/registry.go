package main

import (
	"os"
	"path/filepath"

	"github.com/tollgate-dev/tollgate"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/iac"
	"github.com/tollgate-dev/tollgate/scanner/iac/render"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// defaultRegistry is the library's built-in scanner set
// (tollgate.DefaultScanners) with the options the flags chose: the CLI
// and library users build scanners from one table.
func defaultRegistry(s scanSettings) scanner.Registry {
	// --tf-vars paths are the user's, relative to the working directory;
	// the scanner resolves relative ones against the scan root, so make
	// them absolute here.
	vars, err := absPaths(s.tfVars)
	if err != nil {
		return scanner.Registry{iac.Name: func() (scanner.Scanner, error) { return nil, err }}
	}
	helmValues, err := absPaths(s.helmValues)
	if err != nil {
		return scanner.Registry{iac.Name: func() (scanner.Scanner, error) { return nil, err }}
	}
	return tollgate.DefaultScanners(tollgate.Options{
		Deps: deps.Options{Offline: s.offline, DBDir: s.osvDB, APIBaseURL: s.osvAPI, CallAnalysis: s.callAnalysis,
			GoVersion: s.goVersion, GoVersionSource: s.goVersionSource, Image: s.image, Logger: s.logger,
			APITimeout: noLimit(s.osvTimeout), RequestTimeout: noLimit(s.osvRequestTimeout)},
		Secrets: secrets.Options{ExtraRuleFiles: s.secretRules, GitSince: s.gitSince, GitStaged: s.gitStaged, HashKey: s.hashKey,
			Verify: s.verifySecrets, VerifyTimeout: s.verifyTimeout, VerifyEndpoints: s.verifyEndpoints, Logger: s.logger},
		IaC: iac.Options{ExtraCheckDirs: s.checkDirs, AllowNet: s.allowNet, TFVarFiles: vars, Logger: s.logger, EvalTimeout: noLimit(s.iacEvalTimeout),
			// terraform reads TF_VAR_* itself, so the scan sees what a plan would
			TFVarEnv: terraform.VarsFromEnviron(os.Environ()),
			Helm:     render.HelmOptions{ValueFiles: helmValues, Set: s.helmSet},
			// charts and kustomizations render in the companion program
			Renderer: render.NewProcess(render.ProcessOptions{Path: s.renderer, Version: version})},
	})
}

// absPaths makes the user's file paths (relative to the working
// directory) absolute: the scanners resolve relative ones against the
// scan root.
func absPaths(ps []string) ([]string, error) {
	out := make([]string, len(ps))
	for i, p := range ps {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		out[i] = abs
	}
	return out, nil
}
