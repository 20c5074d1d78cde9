package policy

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// ScanSetting is one entry of the config file's "scan:" section: the
// default for a `tollgate scan` flag (key = flag name, "-" or "_"), with
// the line it sits on. Which keys exist is the CLI's business; policy only
// reads the section so that one file carries exceptions and settings.
type ScanSetting struct {
	Key    string
	Values []string // a scalar gives one value, a list one per item
	Line   int
}

// scanSettings reads the "scan:" mapping of the config document.
func scanSettings(file string, doc *yaml.Node) ([]ScanSetting, error) {
	if doc == nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "scan" {
			continue
		}
		sec := m.Content[i+1]
		if sec.Kind == yaml.ScalarNode && sec.Tag == "!!null" {
			return nil, nil
		}
		if sec.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%w: %s:%d: scan: must be a mapping of flag names to values", ErrInvalidExceptions, file, sec.Line)
		}
		var out []ScanSetting
		for j := 0; j+1 < len(sec.Content); j += 2 {
			k, v := sec.Content[j], sec.Content[j+1]
			s := ScanSetting{Key: k.Value, Line: k.Line}
			switch v.Kind {
			case yaml.ScalarNode:
				s.Values = []string{v.Value}
			case yaml.SequenceNode:
				for _, it := range v.Content {
					if it.Kind != yaml.ScalarNode {
						return nil, fmt.Errorf("%w: %s:%d: scan.%s: list items must be plain values", ErrInvalidExceptions, file, it.Line, k.Value)
					}
					s.Values = append(s.Values, it.Value)
				}
			default:
				return nil, fmt.Errorf("%w: %s:%d: scan.%s: want a value or a list of values", ErrInvalidExceptions, file, v.Line, k.Value)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, nil
}
