package main

import (
	"path/filepath"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/iac"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// defaultRegistry is the set of built-in scanners, as plain data: name ->
// constructor closed over the scan's settings. Nothing registers itself.
func defaultRegistry(s scanSettings) scanner.Registry {
	return scanner.Registry{
		deps.Name: func() (scanner.Scanner, error) {
			return deps.New(deps.Options{Offline: s.offline, DBDir: s.osvDB, APIBaseURL: s.osvAPI, CallAnalysis: s.callAnalysis,
				GoVersion: s.goVersion, GoVersionSource: s.goVersionSource, Image: s.image, Logger: s.logger,
				APITimeout: noLimit(s.osvTimeout), RequestTimeout: noLimit(s.osvRequestTimeout)})
		},
		secrets.Name: func() (scanner.Scanner, error) {
			return secrets.New(secrets.Options{ExtraRuleFiles: s.secretRules, GitSince: s.gitSince, GitStaged: s.gitStaged, HashKey: s.hashKey,
				Verify: s.verifySecrets, VerifyTimeout: s.verifyTimeout, VerifyEndpoints: s.verifyEndpoints, Logger: s.logger})
		},
		iac.Name: func() (scanner.Scanner, error) {
			// --tf-vars paths are the user's, relative to the working
			// directory; the scanner resolves relative ones against the
			// scan root, so make them absolute here.
			vars := make([]string, len(s.tfVars))
			for i, v := range s.tfVars {
				abs, err := filepath.Abs(v)
				if err != nil {
					return nil, err
				}
				vars[i] = abs
			}
			return iac.New(iac.Options{ExtraCheckDirs: s.checkDirs, AllowNet: s.allowNet, TFVarFiles: vars, Logger: s.logger, EvalTimeout: noLimit(s.iacEvalTimeout)})
		},
	}
}
