package inputschema

import (
	"bytes"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/policy"
)

// Validator is the compiled input schema; compile it once with [New] to
// check many documents.
type Validator struct {
	schema *jsonschema.Schema
}

// New compiles [policy.InputSchema].
func New() (*Validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(policy.InputSchema))
	if err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("input.schema.json", doc); err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	sch, err := c.Compile("input.schema.json")
	if err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	return &Validator{schema: sch}, nil
}

// Validate checks a JSON policy input document against the schema.
func (v *Validator) Validate(raw []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("policy input: %w", err)
	}
	if err := v.schema.Validate(inst); err != nil {
		return fmt.Errorf("policy input does not match schema_version %s: %w", policy.SchemaVersion, err)
	}
	return nil
}

// Validate compiles the schema and checks one document with it.
func Validate(raw []byte) error {
	v, err := New()
	if err != nil {
		return err
	}
	return v.Validate(raw)
}
