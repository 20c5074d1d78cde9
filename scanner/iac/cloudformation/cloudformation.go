package cloudformation

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// Kind is the document kind the checks declare in their frameworks.
const Kind = "cloudformation"

// Document is one parsed template.
type Document struct {
	Kind  string         // always Kind
	Path  string         // root-relative path of the template
	Value map[string]any // the annotated template object
}

// Parse parses one template file. It returns nil, nil for YAML or JSON that
// is not a CloudFormation template, and a *scanner.FileError (with the line
// when known) for a file that cannot be parsed.
func Parse(ctx context.Context, path string, src []byte) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var (
		root any
		err  error
	)
	if isJSON(src) {
		root, err = yamldoc.ParseJSON(src)
	} else {
		root, err = parseYAML(src)
	}
	if err != nil {
		return nil, fileError(path, err)
	}
	tpl, ok := root.(map[string]any)
	if !ok || !IsTemplate(tpl) {
		return nil, nil
	}
	resolve(tpl)
	locateResources(tpl)
	return []Document{{Kind: Kind, Path: path, Value: tpl}}, nil
}

// IsTemplate reports whether a decoded object is a CloudFormation template:
// it declares AWSTemplateFormatVersion, or has Resources with at least one
// AWS:: (or Custom::) type.
func IsTemplate(v map[string]any) bool {
	if _, ok := v["AWSTemplateFormatVersion"]; ok {
		return true
	}
	res, ok := v["Resources"].(map[string]any)
	if !ok {
		return false
	}
	for k, r := range res {
		if strings.HasPrefix(k, "__") {
			continue
		}
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		if t, ok := m["Type"].(string); ok && (strings.HasPrefix(t, "AWS::") || strings.HasPrefix(t, "Custom::")) {
			return true
		}
	}
	return false
}

func isJSON(src []byte) bool {
	s := bytes.TrimLeft(src, " \t\r\n\ufeff")
	s = bytes.TrimPrefix(s, []byte("\xef\xbb\xbf"))
	return len(s) > 0 && s[0] == '{'
}

func parseYAML(src []byte) (any, error) {
	docs, err := yamldoc.Parse(src)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, nil
	}
	// A template is a single document; extra documents are not templates.
	return docs[0].Value, nil
}

func fileError(path string, err error) error {
	fe := &scanner.FileError{Path: path, Err: fmt.Errorf("cloudformation: %w", err)}
	var ye *yamldoc.Error
	if errors.As(err, &ye) && ye.Line > 0 {
		fe.Line = ye.Line
		fe.Err = fmt.Errorf("cloudformation: %w", ye.Err)
	}
	var je *yamldoc.JSONError
	if errors.As(err, &je) && je.Line > 0 {
		fe.Line = je.Line
		fe.Err = fmt.Errorf("cloudformation: %w", je.Err)
	}
	return fe
}

// locateResources makes each resource's range start at its logical id, so a
// finding about a missing property points at the line naming the resource
// (and a suppression comment there applies to it).
func locateResources(tpl map[string]any) {
	res, ok := tpl["Resources"].(map[string]any)
	if !ok {
		return
	}
	keys, _ := res[yamldoc.KeysKey].(map[string]any)
	for id, r := range res {
		m, ok := r.(map[string]any)
		if !ok || strings.HasPrefix(id, "__") {
			continue
		}
		if k, ok := keys[id].(map[string]any); ok {
			m[yamldoc.LocKey] = yamldoc.Loc(toInt(k["start_line"]), toInt(k["end_line"]))
		}
	}
}

func toInt(v any) int {
	switch t := v.(type) {
	case int:
		return t
	case int64:
		return int(t)
	case float64:
		return int(t)
	}
	return 0
}
