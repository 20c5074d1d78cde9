package policy

import _ "embed"

// InputSchema is the JSON Schema (draft 2020-12) of the [Input] document,
// kept in input.schema.json beside this file. Package
// [github.com/tollgate-dev/tollgate/policy/inputschema] validates
// documents against it; it lives apart so that programs that only gate
// (the CLI) do not link a JSON Schema compiler, whose package
// initialisation compiles every meta-schema on start-up (1.7 MB and a few
// milliseconds per process).
//
//go:embed input.schema.json
var InputSchema []byte
