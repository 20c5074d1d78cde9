// Package linkcheck exists to prove that tollgate's pinned dependencies build
// and link together in one binary (see DESIGN.md, "Pinned dependencies").
// It is imported by cmd/tollgate so `go build ./cmd/tollgate` fails if the
// pins ever stop agreeing, for example an OPA release that needs
// gobwas/glob v1 next to osv-scalibr, which needs v0.2.3.
package linkcheck

import (
	_ "github.com/bmatcuk/doublestar/v4"
	_ "github.com/google/osv-scanner/v2/pkg/osvscanner"
	_ "github.com/hashicorp/hcl/v2/hclsyntax"
	_ "github.com/moby/buildkit/frontend/dockerfile/parser"
	_ "github.com/open-policy-agent/opa/v1/rego"
	_ "github.com/owenrumney/go-sarif/v2/sarif"
	_ "github.com/spf13/cobra"
	_ "github.com/zclconf/go-cty/cty/function/stdlib"
	_ "golang.org/x/sync/errgroup"
	_ "gopkg.in/yaml.v3"
)
