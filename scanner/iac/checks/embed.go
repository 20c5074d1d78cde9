// Package checks holds tollgate's built-in IaC checks: Rego modules with
// METADATA annotations, grouped by platform (kubernetes, dockerfile, github,
// gitlab, aws, gcp, azure), and the shared helper library under lib/.
package checks

import "embed"

// FS holds every Rego file of the built-in checks, tests included. The
// pattern picks up any new check folder without editing this file.
//
//go:embed */*.rego
var FS embed.FS
