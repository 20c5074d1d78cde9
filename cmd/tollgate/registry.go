package main

import (
	"os"
	"path/filepath"

	"github.com/tollgate-dev/tollgate"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/iac"
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
	vars := make([]string, len(s.tfVars))
	for i, v := range s.tfVars {
		abs, err := filepath.Abs(v)
		if err != nil {
			return scanner.Registry{iac.Name: func() (scanner.Scanner, error) { return nil, err }}
		}
		vars[i] = abs
	}
	return tollgate.DefaultScanners(tollgate.Options{
		Deps: deps.Options{Offline: s.offline, DBDir: s.osvDB, APIBaseURL: s.osvAPI, CallAnalysis: s.callAnalysis,
			GoVersion: s.goVersion, GoVersionSource: s.goVersionSource, Image: s.image, Logger: s.logger,
			APITimeout: noLimit(s.osvTimeout), RequestTimeout: noLimit(s.osvRequestTimeout)},
		Secrets: secrets.Options{ExtraRuleFiles: s.secretRules, GitSince: s.gitSince, GitStaged: s.gitStaged, HashKey: s.hashKey,
			Verify: s.verifySecrets, VerifyTimeout: s.verifyTimeout, VerifyEndpoints: s.verifyEndpoints, Logger: s.logger},
		IaC: iac.Options{ExtraCheckDirs: s.checkDirs, AllowNet: s.allowNet, TFVarFiles: vars, Logger: s.logger, EvalTimeout: noLimit(s.iacEvalTimeout),
			// terraform reads TF_VAR_* itself, so the scan sees what a plan would
			TFVarEnv: terraform.VarsFromEnviron(os.Environ())},
	})
}
