package policy

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tollgate-dev/tollgate/scanner"
)

// OSVScannerConfigName is osv-scanner's configuration file. tollgate reads
// it from the scan root only (the trust rule of .tollgate.yaml: a file in
// a subfolder must not silence anything), whereas osv-scanner itself uses
// the file nearest to each lockfile.
const OSVScannerConfigName = "osv-scanner.toml"

// OSVScannerConfig is what tollgate takes from an osv-scanner.toml: its
// ignores and package overrides as exceptions, and the Go version
// override for the dependency scanner.
type OSVScannerConfig struct {
	Exceptions *Exceptions
	// GoVersionOverride is osv-scanner's GoVersionOverride, the Go
	// release whose standard library is checked ("" when unset).
	GoVersionOverride string
	// Skipped counts PackageOverrides entries that change nothing tollgate
	// gates on (license overrides), reported so nothing vanishes silently.
	Skipped int
}

// osvScannerFile mirrors the fields of osv-scanner v2.5's internal config
// (internal/config.Config, not importable) that tollgate honours.
type osvScannerFile struct {
	IgnoredVulns []struct {
		ID          string    `toml:"id"`
		IgnoreUntil time.Time `toml:"ignoreUntil"`
		Reason      string    `toml:"reason"`
	} `toml:"IgnoredVulns"`
	PackageOverrides []struct {
		Name          string `toml:"name"`
		Version       string `toml:"version"`
		Ecosystem     string `toml:"ecosystem"`
		Group         string `toml:"group"`
		NameIsRegex   bool   `toml:"nameIsRegex"`
		Ignore        bool   `toml:"ignore"`
		Vulnerability struct {
			Ignore bool `toml:"ignore"`
		} `toml:"vulnerability"`
		License struct {
			Override []string `toml:"override"`
			Ignore   bool     `toml:"ignore"`
		} `toml:"license"`
		EffectiveUntil time.Time `toml:"effectiveUntil"`
		Reason         string    `toml:"reason"`
	} `toml:"PackageOverrides"`
	GoVersionOverride string `toml:"GoVersionOverride"`
	ScanGoModVersion  bool   `toml:"ScanGoModVersion"`
}

// LoadOSVScannerConfig reads an osv-scanner.toml. IgnoredVulns become
// exceptions by advisory id (aliases match too) until ignoreUntil;
// PackageOverrides with ignore or vulnerability.ignore become exceptions
// scoped to the deps scanner and the package's name (or anchored regular
// expression), version and ecosystem, until effectiveUntil. An entry
// without a date is permanent, as in osv-scanner. Unknown keys, bad
// regular expressions and dependency groups other than "dev" are errors
// naming the file and entry.
func LoadOSVScannerConfig(file string) (*OSVScannerConfig, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("exceptions: %w", err)
	}
	return ParseOSVScannerConfig(file, b)
}

// ParseOSVScannerConfig parses an osv-scanner.toml from b; file is used in
// messages and as the entries' source.
func ParseOSVScannerConfig(file string, b []byte) (*OSVScannerConfig, error) {
	var raw osvScannerFile
	md, err := toml.Decode(string(b), &raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalidExceptions, file, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("%w: %s: unknown keys %s", ErrInvalidExceptions, file, strings.Join(keys, ", "))
	}
	out := &OSVScannerConfig{Exceptions: &Exceptions{Path: file, AllowPermanent: true}, GoVersionOverride: raw.GoVersionOverride}
	var errs []error
	until := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		if h, m, s := t.Clock(); h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
			// A bare date (ignoreUntil = 2027-01-31; the TOML decoder
			// cannot tell it from midnight) is valid through that whole
			// day, UTC, like an expires date in .tollgate.yaml.
			d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Add(24*time.Hour - time.Second)
			return &d
		}
		t = t.UTC()
		return &t
	}
	reason := func(r, fallback string) string {
		if strings.TrimSpace(r) != "" {
			return r
		}
		return fallback
	}
	for i, e := range raw.IgnoredVulns {
		where := fmt.Sprintf("%s:IgnoredVulns[%d]", file, i)
		if e.ID == "" {
			errs = append(errs, fmt.Errorf("%w: %s: id is required", ErrInvalidExceptions, where))
			continue
		}
		out.Exceptions.Entries = append(out.Exceptions.Entries, ExceptionEntry{
			Exception: scanner.Exception{ID: e.ID, Reason: reason(e.Reason, "ignored in "+OSVScannerConfigName), Expires: until(e.IgnoreUntil), Source: where},
			RuleID:    e.ID,
		})
	}
	for i, e := range raw.PackageOverrides {
		where := fmt.Sprintf("%s:PackageOverrides[%d]", file, i)
		if !e.Ignore && !e.Vulnerability.Ignore {
			out.Skipped++ // license overrides: tollgate does not gate licenses
			continue
		}
		entry := ExceptionEntry{
			Exception: scanner.Exception{ID: overrideID(e.Name, e.Version, e.Ecosystem), Reason: reason(e.Reason, "package override in "+OSVScannerConfigName),
				Expires: until(e.EffectiveUntil), Source: where},
			Scanner: scanner.KindDeps, PackageName: e.Name, PackageVersion: e.Version, Ecosystem: e.Ecosystem,
		}
		if e.NameIsRegex && e.Name != "" {
			re, err := regexp.Compile("^" + e.Name + "$")
			if err != nil {
				errs = append(errs, fmt.Errorf("%w: %s: name %q: %v", ErrInvalidExceptions, where, e.Name, err))
				continue
			}
			entry.PackageName, entry.nameRE = "", re
		}
		switch e.Group {
		case "":
		case "dev":
			entry.DevOnly = true
		default:
			errs = append(errs, fmt.Errorf("%w: %s: group %q: tollgate only knows the \"dev\" group", ErrInvalidExceptions, where, e.Group))
			continue
		}
		out.Exceptions.Entries = append(out.Exceptions.Entries, entry)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func overrideID(name, version, eco string) string {
	id := name
	if id == "" {
		id = "*"
	}
	if version != "" {
		id += "@" + version
	}
	if eco != "" {
		id = eco + "/" + id
	}
	return id
}

// Merge returns the entries of x followed by those of y, either may be
// nil. The first file's settings (path, permanence) are kept.
func (x *Exceptions) Merge(y *Exceptions) *Exceptions {
	switch {
	case x == nil:
		return y
	case y == nil:
		return x
	}
	out := *x
	out.Entries = append(append([]ExceptionEntry{}, x.Entries...), y.Entries...)
	return &out
}

// coversPackage applies the osv-scanner package override scope: exact
// name (or regex), exact version, and an ecosystem equal to the
// package's full or base ecosystem ("Debian" matches "Debian:12").
func (e *ExceptionEntry) coversPackage(p *scanner.Package) bool {
	if e.PackageName == "" && e.nameRE == nil && e.PackageVersion == "" && e.Ecosystem == "" && !e.DevOnly {
		return true
	}
	if p == nil {
		return false
	}
	if e.PackageName != "" && e.PackageName != p.Name {
		return false
	}
	if e.nameRE != nil && !e.nameRE.MatchString(p.Name) {
		return false
	}
	if e.PackageVersion != "" && e.PackageVersion != p.Version {
		return false
	}
	if e.Ecosystem != "" {
		base, _, _ := strings.Cut(p.Ecosystem, ":")
		if e.Ecosystem != p.Ecosystem && e.Ecosystem != base {
			return false
		}
	}
	if e.DevOnly && !p.Dev {
		return false
	}
	return true
}
