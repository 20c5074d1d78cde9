package report

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/scanner"
)

// The JSON report spends most of its time on the findings: encoding/json's
// MarshalIndent reflects over every finding, then re-reads the compact
// bytes to indent them (a fifth of the CPU of a dependency scan of a
// lockfile corpus). appendFinding writes the same bytes directly. It knows
// the finding's fields, so it is only used while the model still has
// exactly the fields it knows (findingLayoutKnown, checked on every Write);
// anything it does not handle itself (an exception in the gate status, a
// property value other than a string, bool, number or string list) goes
// through encoding/json, indented at its depth, which gives the same bytes.
// TestAppendFindingMatchesEncodingJSON compares both on many findings.

// findingIndent is the indentation of the report: two spaces per level;
// a finding is an element of the top-level findings array, so its fields
// sit three levels deep.
const findingIndent = "  "

// errFallback asks the caller to encode the value with encoding/json.
var errFallback = errors.New("value needs encoding/json")

// jsonFields is the field layout appendFinding writes, per struct type:
// Go field name, JSON tag and Go type, in declaration order.
func jsonFields() map[reflect.Type][]string {
	return map[reflect.Type][]string{
		reflect.TypeFor[scanner.Finding](): {
			"Scanner json:\"scanner\" string",
			"RuleID json:\"rule_id\" string",
			"Title json:\"title\" string",
			"Description json:\"description,omitempty\" string",
			"Severity json:\"severity\" scanner.Severity",
			"Score json:\"score,omitempty\" float64",
			"Location json:\"location\" scanner.Location",
			"Snippet json:\"snippet,omitempty\" string",
			"Package json:\"package,omitempty\" *scanner.Package",
			"Aliases json:\"aliases,omitempty\" []string",
			"References json:\"references,omitempty\" []string",
			"Remediation json:\"remediation,omitempty\" string",
			"CWEs json:\"cwes,omitempty\" []string",
			"Tags json:\"tags,omitempty\" []string",
			"Evidence json:\"evidence,omitempty\" string",
			"Fingerprint json:\"fingerprint\" string",
			"Properties json:\"properties,omitempty\" map[string]interface {}",
			"Gate json:\"gate,omitempty\" *scanner.GateStatus",
		},
		reflect.TypeFor[scanner.Location](): {
			"Path json:\"path\" string",
			"StartLine json:\"start_line,omitempty\" int",
			"StartColumn json:\"start_column,omitempty\" int",
			"EndLine json:\"end_line,omitempty\" int",
			"EndColumn json:\"end_column,omitempty\" int",
		},
		reflect.TypeFor[scanner.Package](): {
			"Ecosystem json:\"ecosystem\" string",
			"Name json:\"name\" string",
			"Version json:\"version\" string",
			"PURL json:\"purl,omitempty\" string",
			"FixedVersions json:\"fixed_versions,omitempty\" []string",
			"Fix json:\"fix,omitempty\" string",
			"Dev json:\"dev,omitempty\" bool",
			"Direct json:\"direct,omitempty\" *bool",
			"UpgradeTo json:\"upgrade_to,omitempty\" string",
			"UpgradeMajor json:\"upgrade_major,omitempty\" bool",
		},
		reflect.TypeFor[scanner.GateStatus](): {
			"New json:\"new\" bool",
			"Exception json:\"exception,omitempty\" *scanner.Exception",
		},
	}
}

// fieldLayout describes t's fields as jsonFields does.
func fieldLayout(t reflect.Type) []string {
	out := make([]string, t.NumField())
	for i := range out {
		f := t.Field(i)
		out[i] = f.Name + " " + string(f.Tag) + " " + f.Type.String()
	}
	return out
}

// findingLayoutKnown reports whether the finding types still have exactly
// the fields appendFinding writes, and Severity still encodes through its
// MarshalJSON. A changed model makes the writer fall back to encoding/json
// (and TestFindingLayoutKnown fail) rather than drop or misspell a field.
func findingLayoutKnown() bool {
	for t, want := range jsonFields() {
		if !slices.Equal(fieldLayout(t), want) {
			return false
		}
	}
	return reflect.TypeFor[scanner.Severity]().Implements(reflect.TypeFor[json.Marshaler]())
}

// findingWriter appends findings as MarshalIndent(f, "    ", "  ") does.
// It keeps its buffers across findings.
type findingWriter struct {
	keys []string
}

// newline starts a line at depth levels below the finding's own.
func newline(b []byte, depth int) []byte {
	b = append(b, '\n', ' ', ' ', ' ', ' ')
	for range depth {
		b = append(b, findingIndent...)
	}
	return b
}

// key starts a field: a comma after the previous one, the line, the name.
func key(b []byte, first *bool, depth int, name string) []byte {
	if !*first {
		b = append(b, ',')
	}
	*first = false
	b = newline(b, depth)
	b = appendJSONString(b, name)
	return append(b, ':', ' ')
}

// str writes a string field.
func str(b []byte, first *bool, depth int, name, v string) []byte {
	b = key(b, first, depth, name)
	return appendJSONString(b, v)
}

// optStr writes a string field unless it is empty (omitempty).
func optStr(b []byte, first *bool, depth int, name, v string) []byte {
	if v == "" {
		return b
	}
	return str(b, first, depth, name, v)
}

// field writes a finding's list field unless it is empty (omitempty).
func field(b []byte, first *bool, name string, list []string) []byte {
	if len(list) == 0 {
		return b
	}
	b = key(b, first, 1, name)
	return stringList(b, 1, list)
}

func stringList(b []byte, depth int, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = newline(b, depth+1)
		b = appendJSONString(b, s)
	}
	b = newline(b, depth)
	return append(b, ']')
}

// appendFinding appends f as json.MarshalIndent(f, "    ", "  ") would, or
// returns errFallback (with b unchanged in length) when f holds something
// only encoding/json should write.
func (w *findingWriter) appendFinding(b []byte, f *scanner.Finding) ([]byte, error) {
	start := len(b)
	b = append(b, '{')
	first := true
	b = str(b, &first, 1, "scanner", f.Scanner)
	b = str(b, &first, 1, "rule_id", f.RuleID)
	b = str(b, &first, 1, "title", f.Title)
	b = optStr(b, &first, 1, "description", f.Description)
	b = str(b, &first, 1, "severity", f.Severity.String())
	if f.Score != 0 {
		var ok bool
		b = key(b, &first, 1, "score")
		if b, ok = appendJSONFloat(b, f.Score); !ok {
			return b[:start], errFallback
		}
	}
	b = key(b, &first, 1, "location")
	b = appendLocation(b, &f.Location)
	b = optStr(b, &first, 1, "snippet", f.Snippet)
	if f.Package != nil {
		b = key(b, &first, 1, "package")
		b = appendPackage(b, f.Package)
	}
	b = field(b, &first, "aliases", f.Aliases)
	b = field(b, &first, "references", f.References)
	b = optStr(b, &first, 1, "remediation", f.Remediation)
	b = field(b, &first, "cwes", f.CWEs)
	b = field(b, &first, "tags", f.Tags)
	b = optStr(b, &first, 1, "evidence", f.Evidence)
	b = str(b, &first, 1, "fingerprint", f.Fingerprint)
	if len(f.Properties) > 0 {
		b = key(b, &first, 1, "properties")
		var err error
		if b, err = w.appendProperties(b, f.Properties); err != nil {
			return b[:start], err
		}
	}
	if f.Gate != nil {
		b = key(b, &first, 1, "gate")
		if f.Gate.Exception != nil {
			v, err := json.MarshalIndent(f.Gate, "    "+findingIndent, findingIndent)
			if err != nil {
				return b[:start], err
			}
			b = append(b, v...)
		} else {
			b = append(b, '{')
			b = newline(b, 2)
			b = append(b, `"new": `...)
			b = strconv.AppendBool(b, f.Gate.New)
			b = newline(b, 1)
			b = append(b, '}')
		}
	}
	b = newline(b, 0)
	return append(b, '}'), nil
}

func appendLocation(b []byte, l *scanner.Location) []byte {
	b = append(b, '{')
	first := true
	b = str(b, &first, 2, "path", l.Path)
	for _, n := range [...]struct {
		name string
		v    int
	}{{"start_line", l.StartLine}, {"start_column", l.StartColumn}, {"end_line", l.EndLine}, {"end_column", l.EndColumn}} {
		if n.v != 0 {
			b = key(b, &first, 2, n.name)
			b = strconv.AppendInt(b, int64(n.v), 10)
		}
	}
	b = newline(b, 1)
	return append(b, '}')
}

func appendPackage(b []byte, p *scanner.Package) []byte {
	b = append(b, '{')
	first := true
	b = str(b, &first, 2, "ecosystem", p.Ecosystem)
	b = str(b, &first, 2, "name", p.Name)
	b = str(b, &first, 2, "version", p.Version)
	b = optStr(b, &first, 2, "purl", p.PURL)
	if len(p.FixedVersions) > 0 {
		b = key(b, &first, 2, "fixed_versions")
		b = stringList(b, 2, p.FixedVersions)
	}
	b = optStr(b, &first, 2, "fix", p.Fix)
	if p.Dev {
		b = key(b, &first, 2, "dev")
		b = append(b, "true"...)
	}
	if p.Direct != nil {
		b = key(b, &first, 2, "direct")
		b = strconv.AppendBool(b, *p.Direct)
	}
	b = optStr(b, &first, 2, "upgrade_to", p.UpgradeTo)
	if p.UpgradeMajor {
		b = key(b, &first, 2, "upgrade_major")
		b = append(b, "true"...)
	}
	b = newline(b, 1)
	return append(b, '}')
}

// appendProperties writes the map with its keys sorted, as encoding/json
// does; values of other types than the common ones are encoded by
// encoding/json at their depth.
func (w *findingWriter) appendProperties(b []byte, props map[string]any) ([]byte, error) {
	w.keys = w.keys[:0]
	for k := range props {
		w.keys = append(w.keys, k)
	}
	slices.SortFunc(w.keys, strings.Compare)
	b = append(b, '{')
	first := true
	for _, k := range w.keys {
		b = key(b, &first, 2, k)
		var ok bool
		switch v := props[k].(type) {
		case string:
			b, ok = appendJSONString(b, v), true
		case bool:
			b, ok = strconv.AppendBool(b, v), true
		case int:
			b, ok = strconv.AppendInt(b, int64(v), 10), true
		case float64:
			b, ok = appendJSONFloat(b, v)
		case []string:
			if v != nil {
				if len(v) == 0 {
					b, ok = append(b, '[', ']'), true
				} else {
					b, ok = stringList(b, 2, v), true
				}
			}
		}
		if !ok {
			enc, err := json.MarshalIndent(props[k], "    "+findingIndent+findingIndent, findingIndent)
			if err != nil {
				return b, err
			}
			b = append(b, enc...)
		}
	}
	b = newline(b, 1)
	return append(b, '}'), nil
}

// appendJSONFloat formats f as encoding/json does (ES6 number to string);
// ok is false for NaN and infinities, which encoding/json refuses.
func appendJSONFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

const hexDigits = "0123456789abcdef"

// safeLow and safeHigh are the ASCII bytes a JSON string holds as they are
// (bit c, and bit c-64): 0x20 to 0x7f but for the quote, the backslash, <, > and &.
const (
	safeLow  uint64 = 0xafffffbb00000000
	safeHigh uint64 = 0xffffffffefffffff
)

// appendJSONString quotes s as encoding/json does with HTML escaping (its
// default): <, > and & as \u003c…, control bytes escaped, invalid UTF-8 as
// \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 64 && safeLow>>c&1 != 0 || c >= 64 && safeHigh>>(c-64)&1 != 0 {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
