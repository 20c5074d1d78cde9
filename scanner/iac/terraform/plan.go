package terraform

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// planJSON is the part of `terraform show -json` output this package reads.
type planJSON struct {
	FormatVersion string `json:"format_version"`
	PlannedValues *struct {
		RootModule planModule `json:"root_module"`
	} `json:"planned_values"`
	ResourceChanges []struct {
		Address string `json:"address"`
		Change  struct {
			AfterUnknown json.RawMessage `json:"after_unknown"`
		} `json:"change"`
	} `json:"resource_changes"`
	Configuration *struct {
		RootModule configModule `json:"root_module"`
	} `json:"configuration"`
}

type planModule struct {
	Address      string         `json:"address"`
	Resources    []planResource `json:"resources"`
	ChildModules []planModule   `json:"child_modules"`
}

type planResource struct {
	Address      string          `json:"address"`
	Mode         string          `json:"mode"`
	Type         string          `json:"type"`
	Name         string          `json:"name"`
	Index        json.RawMessage `json:"index"`
	ProviderName string          `json:"provider_name"`
	Values       json.RawMessage `json:"values"`
}

type configModule struct {
	Resources []struct {
		Address     string                     `json:"address"`
		Expressions map[string]json.RawMessage `json:"expressions"`
	} `json:"resources"`
	ModuleCalls map[string]struct {
		Module configModule `json:"module"`
	} `json:"module_calls"`
}

// IsPlan reports whether src looks like `terraform show -json` output.
func IsPlan(src []byte) bool {
	head := src
	if len(head) > 4096 {
		head = head[:4096]
	}
	return bytes.Contains(head, []byte(`"format_version"`)) &&
		(bytes.Contains(src, []byte(`"planned_values"`)) || bytes.Contains(src, []byte(`"terraform_version"`)))
}

// ParsePlan reads `terraform show -json` output into a "terraform-plan"
// document. Locations point at line 1 of the plan file.
func ParsePlan(ctx context.Context, path string, src []byte) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var p planJSON
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		line := 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = 1 + bytes.Count(src[:min(int(se.Offset), len(src))], []byte("\n"))
		}
		return nil, &scanner.FileError{Path: path, Line: line, Err: fmt.Errorf("terraform plan: %w", err)}
	}
	if p.PlannedValues == nil {
		return nil, &scanner.FileError{Path: path, Err: errors.New("terraform plan: no planned_values (is this `terraform show -json` output of a plan?)")}
	}
	loc := map[string]any{"path": path, "start_line": 1, "end_line": 1}
	unknowns := map[string]any{}
	for _, rc := range p.ResourceChanges {
		var au any
		if len(rc.Change.AfterUnknown) > 0 && json.Unmarshal(rc.Change.AfterUnknown, &au) == nil {
			unknowns[rc.Address] = au
		}
	}
	refs := map[string]map[string]string{}
	if p.Configuration != nil {
		collectRefs(p.Configuration.RootModule, "", refs)
	}
	var resources []any
	var walk func(m planModule)
	walk = func(m planModule) {
		for _, r := range m.Resources {
			resources = append(resources, planResourceValue(r, m.Address, loc, unknowns[r.Address], refs))
		}
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(p.PlannedValues.RootModule)
	if resources == nil {
		resources = []any{}
	}
	value := map[string]any{"resources": resources, "providers": []any{}, "variables": map[string]any{},
		"outputs": map[string]any{}, "unresolved_modules": []any{}}
	return []Document{{Kind: KindPlan, Path: path, Value: value}}, nil
}

func planResourceValue(r planResource, module string, loc map[string]any, unknown any, refs map[string]map[string]string) map[string]any {
	var values any
	if len(r.Values) > 0 {
		dec := json.NewDecoder(bytes.NewReader(r.Values))
		dec.UseNumber()
		_ = dec.Decode(&values)
	}
	obj, _ := annotate(values, loc).(map[string]any)
	if obj == nil {
		obj = map[string]any{"__loc": loc, "__keys": map[string]any{}}
	}
	mergeUnknown(obj, unknown, loc)
	for attr, target := range refs[configAddress(r.Address)] {
		if u, ok := obj[attr].(map[string]any); ok && u["__unknown"] == true {
			u["__ref"] = moduleQualify(module, target, r.Address)
		}
	}
	var index any
	if len(r.Index) > 0 {
		dec := json.NewDecoder(bytes.NewReader(r.Index))
		dec.UseNumber()
		_ = dec.Decode(&index)
		index = annotate(index, loc)
	}
	mode := r.Mode
	if mode == "" {
		mode = "managed"
	}
	return map[string]any{
		"address": r.Address, "mode": mode, "type": r.Type, "name": r.Name, "module": module,
		"index": index, "provider": r.ProviderName, "values": obj, "__loc": loc, "__keys": map[string]any{},
	}
}

// annotate converts decoded JSON numbers and adds __loc / __keys to objects.
func annotate(v any, loc map[string]any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = annotate(e, loc)
		}
		x["__loc"] = loc
		x["__keys"] = map[string]any{}
		return x
	case []any:
		for i, e := range x {
			x[i] = annotate(e, loc)
		}
		return x
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	}
	return v
}

// mergeUnknown marks attributes the plan reports as known only after apply.
func mergeUnknown(obj map[string]any, unknown any, loc map[string]any) {
	u, ok := unknown.(map[string]any)
	if !ok {
		return
	}
	for k, uv := range u {
		switch x := uv.(type) {
		case bool:
			if x {
				if cur, present := obj[k]; !present || cur == nil {
					obj[k] = map[string]any{"__unknown": true}
				}
			}
		case map[string]any:
			if child, ok := obj[k].(map[string]any); ok {
				mergeUnknown(child, x, loc)
			}
		case []any:
			list, _ := obj[k].([]any)
			for i, e := range x {
				if i >= len(list) {
					break
				}
				if b, ok := e.(bool); ok && b && list[i] == nil {
					list[i] = map[string]any{"__unknown": true}
				}
				if child, ok := list[i].(map[string]any); ok {
					mergeUnknown(child, e, loc)
				}
			}
		}
	}
}

// collectRefs records, per configuration address, which top-level attribute
// refers to which resource (the reference without attribute).
func collectRefs(m configModule, prefix string, out map[string]map[string]string) {
	for _, r := range m.Resources {
		addr := r.Address
		if prefix != "" {
			addr = prefix + "." + addr
		}
		for attr, raw := range r.Expressions {
			var e struct {
				References []string `json:"references"`
			}
			if json.Unmarshal(raw, &e) != nil {
				continue
			}
			if t := resourceRef(e.References); t != "" {
				if out[addr] == nil {
					out[addr] = map[string]string{}
				}
				out[addr][attr] = t
			}
		}
	}
	names := make([]string, 0, len(m.ModuleCalls))
	for n := range m.ModuleCalls {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := "module." + n
		if prefix != "" {
			p = prefix + "." + p
		}
		collectRefs(m.ModuleCalls[n].Module, p, out)
	}
}

// resourceRef picks the resource address out of terraform's reference list
// (e.g. ["aws_s3_bucket.b.id", "aws_s3_bucket.b"] -> "aws_s3_bucket.b").
func resourceRef(refs []string) string {
	for _, r := range refs {
		parts := strings.Split(r, ".")
		switch {
		case parts[0] == "var" || parts[0] == "local" || parts[0] == "module" || parts[0] == "each" || parts[0] == "count" || parts[0] == "path":
			continue
		case parts[0] == "data" && len(parts) == 3:
			return r
		case parts[0] != "data" && len(parts) == 2:
			return r
		}
	}
	return ""
}

// configAddress strips instance keys: module.a[0].x.y["k"] -> module.a.x.y.
func configAddress(addr string) string {
	var b strings.Builder
	depth := 0
	inStr := false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' {
				inStr = false
			}
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '"' && depth > 0:
			inStr = true
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// moduleQualify puts a module-local reference into the module instance of
// the resource that made it.
func moduleQualify(module, target, _ string) string {
	if module == "" {
		return target
	}
	return module + "." + target
}
