package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Override files (override.tf, *_override.tf and their .tf.json forms)
// are merged into the module's other files the way terraform merges them
// (https://developer.hashicorp.com/terraform/language/files/override),
// after every ordinary file, one override file at a time in lexical order:
//
//   - a resource, data, variable, output, module or provider block replaces
//     the original block's arguments one by one; if it has nested blocks of
//     a type, they replace all nested blocks of that type in the original
//     (a dynamic "x" block counts as an x block);
//   - a locals block replaces the local values it names;
//   - an override block with no original (which terraform rejects) and
//     terraform blocks are ignored.
//
// Values taken from an override file are located in that file.

// applyOverride merges the top-level blocks of one override file into mf.
func (mf *moduleFiles) applyOverride(f *file, blocks []*hcl.Block) {
	for _, ob := range blocks {
		switch ob.Type {
		case "terraform":
			continue
		case "locals":
			// later locals win (newModule reads blocks in order)
			mf.blocks = append(mf.blocks, ob)
			mf.origin[ob] = f
			continue
		}
		for i, b := range mf.blocks {
			if !sameBlock(b, ob) {
				continue
			}
			nb := *b
			nb.Body = mergeBodies(b.Body, ob.Body)
			mf.blocks[i] = &nb
			mf.origin[&nb] = mf.origin[b]
			break
		}
	}
}

// sameBlock: same type and labels (providers: same name and alias).
func sameBlock(a, b *hcl.Block) bool {
	if a.Type != b.Type || len(a.Labels) != len(b.Labels) {
		return false
	}
	for i := range a.Labels {
		if a.Labels[i] != b.Labels[i] {
			return false
		}
	}
	return a.Type != "provider" || providerAlias(a) == providerAlias(b)
}

func providerAlias(b *hcl.Block) string {
	c, _, _ := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "alias"}}})
	if a, ok := c.Attributes["alias"]; ok {
		if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().FriendlyName() == "string" {
			return v.AsString()
		}
	}
	return ""
}

func nestedType(typ string, labels []string) string {
	if typ == "dynamic" && len(labels) > 0 {
		return labels[0]
	}
	return typ
}

// mergeBodies overlays over on base. Two native HCL bodies merge into a
// native body, which the evaluator reads with its exact ranges; otherwise
// (JSON on either side) the result is a generic overlay.
func mergeBodies(base, over hcl.Body) hcl.Body {
	sb, ok1 := base.(*hclsyntax.Body)
	so, ok2 := over.(*hclsyntax.Body)
	if !ok1 || !ok2 {
		return &overlayBody{base: base, over: over}
	}
	return &hclsyntax.Body{
		Attributes: overlayMap(sb.Attributes, so.Attributes),
		Blocks: overlayBlocks(sb.Blocks, so.Blocks, func(b *hclsyntax.Block) string {
			return nestedType(b.Type, b.Labels)
		}),
		SrcRange: sb.SrcRange, EndRange: sb.EndRange,
	}
}

// overlayMap: over's entries replace base's.
func overlayMap[M ~map[string]V, V any](base, over M) M {
	out := make(M, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

// overlayBlocks: the nested block types over has replace base's blocks of
// those types.
func overlayBlocks[B any](base, over []B, typ func(B) string) []B {
	replaced := map[string]bool{}
	for _, b := range over {
		replaced[typ(b)] = true
	}
	var out []B
	for _, b := range base {
		if !replaced[typ(b)] {
			out = append(out, b)
		}
	}
	return append(out, over...)
}

// overlayBody is mergeBodies for bodies that are not both native HCL.
type overlayBody struct{ base, over hcl.Body }

func (b *overlayBody) Content(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, _, diags := b.PartialContent(s)
	return c, diags
}

func (b *overlayBody) PartialContent(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	bc, brest, d1 := b.base.PartialContent(s)
	oc, orest, d2 := b.over.PartialContent(s)
	out := &hcl.BodyContent{
		Attributes:       overlayMap(bc.Attributes, oc.Attributes),
		Blocks:           overlayBlocks(bc.Blocks, oc.Blocks, func(b *hcl.Block) string { return nestedType(b.Type, b.Labels) }),
		MissingItemRange: bc.MissingItemRange,
	}
	return out, &overlayBody{base: brest, over: orest}, append(d1, d2...)
}

func (b *overlayBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	ba, d1 := b.base.JustAttributes()
	oa, d2 := b.over.JustAttributes()
	return overlayMap(ba, oa), append(d1, d2...)
}

func (b *overlayBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }

// overlayValues applies an override body's values to the base body's: a
// key of over (an argument, or a nested block type, which a JSON body
// gives as a key too) replaces the base's.
func overlayValues(base, over map[string]any) map[string]any {
	keys, _ := base["__keys"].(map[string]any)
	overKeys, _ := over["__keys"].(map[string]any)
	for k, v := range over {
		if strings.HasPrefix(k, "__") {
			continue
		}
		base[k] = v
		if keys != nil && overKeys[k] != nil {
			keys[k] = overKeys[k]
		}
	}
	return base
}
