package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/tollgate-dev/tollgate/scanner"
	"gopkg.in/yaml.v3"
)

// ConfigFileName is the exceptions file looked up at the scan root. A file
// of that name anywhere else in the tree is ignored: a config dropped into
// a subfolder must not be able to silence anything.
const ConfigFileName = ".tollgate.yaml"

// Exceptions is a parsed exceptions file.
type Exceptions struct {
	// Path is the file the exceptions came from.
	Path string
	// AllowPermanent lets entries omit an expiry date.
	AllowPermanent bool
	Entries        []ExceptionEntry
	// SecretsHashKeyFile is the "secrets: hash_key_file:" entry, resolved
	// against the directory of the file; empty when not set. The secrets
	// scanner keys its evidence hashes with the file's content.
	SecretsHashKeyFile string
	// Scan holds the "scan:" section: defaults for `tollgate scan` flags.
	Scan []ScanSetting
}

// ExceptionEntry is one accepted risk and its scope. Every non-empty scope
// field must match for the entry to cover a finding.
type ExceptionEntry struct {
	scanner.Exception
	// RuleID matches the finding's rule id or any of its aliases, so a CVE
	// id excepts the GHSA finding that carries it.
	RuleID      string
	Fingerprint string
	// PathGlob is a doublestar glob over the root-relative path.
	PathGlob string
	// Package is a PURL (prefix match), "name" or "name@version".
	Package string
	Scanner string
	// PackageName, PackageVersion and Ecosystem are exact matches, and
	// DevOnly limits the entry to development dependencies (osv-scanner's
	// PackageOverrides; see LoadOSVScannerConfig).
	PackageName    string
	PackageVersion string
	Ecosystem      string
	DevOnly        bool
	nameRE         *regexp.Regexp
}

// exceptionFile is the YAML shape of .tollgate.yaml.
type exceptionFile struct {
	AllowPermanentExceptions bool            `yaml:"allow_permanent_exceptions"`
	Exceptions               []exceptionYAML `yaml:"exceptions"`
	Secrets                  struct {
		HashKeyFile string `yaml:"hash_key_file"`
	} `yaml:"secrets"`
	Scan yaml.Node `yaml:"scan"` // read by scanSettings, with lines
}

type exceptionYAML struct {
	ID          string `yaml:"id"`
	Fingerprint string `yaml:"fingerprint"`
	Path        string `yaml:"path"`
	Package     string `yaml:"package"`
	Scanner     string `yaml:"scanner"`
	Reason      string `yaml:"reason"`
	Owner       string `yaml:"owner"`
	Ticket      string `yaml:"ticket"`
	Expires     string `yaml:"expires"`
}

// ErrInvalidExceptions marks a malformed exceptions file.
var ErrInvalidExceptions = errors.New("invalid exceptions file")

// LoadExceptions reads and validates an exceptions file. Unknown keys,
// bad dates, empty reasons, entries without any scope and (unless the file
// allows permanent exceptions) entries without expiry are errors that name
// the file and line.
func LoadExceptions(file string) (*Exceptions, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("exceptions: %w", err)
	}
	return ParseExceptions(file, b)
}

// ParseExceptions parses exceptions from b; file is used in messages.
func ParseExceptions(file string, b []byte) (*Exceptions, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalidExceptions, file, err)
	}
	var raw exceptionFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalidExceptions, file, err)
	}
	lines := entryLines(&doc)
	settings, err := scanSettings(file, &doc)
	if err != nil {
		return nil, err
	}
	out := &Exceptions{Path: file, AllowPermanent: raw.AllowPermanentExceptions, Scan: settings}
	if k := raw.Secrets.HashKeyFile; k != "" {
		if !filepath.IsAbs(k) {
			k = filepath.Join(filepath.Dir(file), k)
		}
		out.SecretsHashKeyFile = k
	}
	var errs []error
	for i, e := range raw.Exceptions {
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		where := fmt.Sprintf("%s:%d", file, line)
		bad := func(msg string) {
			errs = append(errs, fmt.Errorf("%w: %s: exception %d: %s", ErrInvalidExceptions, where, i+1, msg))
		}
		if strings.TrimSpace(e.Reason) == "" {
			bad("reason is required")
		}
		if e.ID == "" && e.Fingerprint == "" && e.Path == "" && e.Package == "" {
			bad("needs at least one of id, fingerprint, path or package")
		}
		if e.Path != "" && !doublestar.ValidatePattern(e.Path) {
			bad(fmt.Sprintf("invalid path glob %q", e.Path))
		}
		if e.Scanner != "" && e.Scanner != scanner.KindDeps && e.Scanner != scanner.KindSecrets && e.Scanner != scanner.KindIaC {
			bad(fmt.Sprintf("unknown scanner %q (want deps, secrets or iac)", e.Scanner))
		}
		var expires *time.Time
		switch {
		case e.Expires != "":
			d, err := time.Parse(time.DateOnly, e.Expires)
			if err != nil {
				bad(fmt.Sprintf("expires %q is not a date (want YYYY-MM-DD)", e.Expires))
				break
			}
			end := d.Add(24*time.Hour - time.Second) // valid through the whole day, UTC
			expires = &end
		case !raw.AllowPermanentExceptions:
			bad("expires is required (set allow_permanent_exceptions: true to allow entries without one)")
		}
		out.Entries = append(out.Entries, ExceptionEntry{
			Exception: scanner.Exception{
				ID: exceptionID(e), Reason: e.Reason, Owner: e.Owner, Ticket: e.Ticket,
				Expires: expires, Source: where,
			},
			RuleID: e.ID, Fingerprint: e.Fingerprint, PathGlob: e.Path, Package: e.Package, Scanner: e.Scanner,
		})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// exceptionID names an entry in messages: its id, else its fingerprint,
// package or path.
func exceptionID(e exceptionYAML) string {
	for _, s := range []string{e.ID, e.Fingerprint, e.Package, e.Path} {
		if s != "" {
			return s
		}
	}
	return "?"
}

// entryLines returns the line of each item of the top-level exceptions list.
func entryLines(doc *yaml.Node) []int {
	if doc == nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "exceptions" && m.Content[i+1].Kind == yaml.SequenceNode {
			var lines []int
			for _, it := range m.Content[i+1].Content {
				lines = append(lines, it.Line)
			}
			return lines
		}
	}
	return nil
}

// match returns the index of the first entry covering f, preferring a live
// entry over an expired one, or -1.
func (x *Exceptions) match(f *scanner.Finding, now time.Time) int {
	expired := -1
	for i := range x.Entries {
		e := &x.Entries[i]
		if !e.covers(f) {
			continue
		}
		if e.Expires == nil || !now.After(*e.Expires) {
			return i
		}
		if expired < 0 {
			expired = i
		}
	}
	return expired
}

func (e *ExceptionEntry) covers(f *scanner.Finding) bool {
	if e.Scanner != "" && e.Scanner != f.Scanner {
		return false
	}
	if e.Fingerprint != "" && e.Fingerprint != f.Fingerprint {
		return false
	}
	if e.RuleID != "" && !idMatches(e.RuleID, f) {
		return false
	}
	if e.PathGlob != "" {
		if ok, _ := doublestar.Match(strings.TrimPrefix(e.PathGlob, "./"), path.Clean(f.Location.Path)); !ok {
			return false
		}
	}
	if e.Package != "" && !packageMatches(e.Package, f.Package) {
		return false
	}
	return e.coversPackage(f.Package)
}

func idMatches(id string, f *scanner.Finding) bool {
	if strings.EqualFold(id, f.RuleID) {
		return true
	}
	for _, a := range f.Aliases {
		if strings.EqualFold(id, a) {
			return true
		}
	}
	return false
}

func packageMatches(want string, p *scanner.Package) bool {
	if p == nil {
		return false
	}
	if strings.HasPrefix(want, "pkg:") {
		return p.PURL != "" && (p.PURL == want || strings.HasPrefix(p.PURL, want+"@") || strings.HasPrefix(p.PURL, want+"?"))
	}
	name, version, hasVersion := strings.Cut(want, "@")
	if name == "" { // scoped npm names start with "@"
		name, version, hasVersion = strings.Cut(want[1:], "@")
		name = "@" + name
	}
	if name != p.Name {
		return false
	}
	return !hasVersion || version == p.Version
}
