package policy

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// InputSchema is the JSON Schema (draft 2020-12) of the [Input] document,
// kept in input.schema.json beside this file.
//
//go:embed input.schema.json
var InputSchema []byte

// ValidateInput checks a JSON policy input document (for example one
// written by `tollgate scan --dump-input`) against [InputSchema].
func ValidateInput(raw []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(InputSchema))
	if err != nil {
		return fmt.Errorf("input schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("input.schema.json", doc); err != nil {
		return fmt.Errorf("input schema: %w", err)
	}
	sch, err := c.Compile("input.schema.json")
	if err != nil {
		return fmt.Errorf("input schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("policy input: %w", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("policy input does not match schema_version %s: %w", SchemaVersion, err)
	}
	return nil
}
