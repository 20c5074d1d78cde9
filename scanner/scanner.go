package scanner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// Scanner is the plugin interface every scanner implements.
//
// Match is called once per regular file during the shared walk, with the
// root-relative "/"-separated path; it must be cheap and do no I/O. Scan
// receives the files it matched and returns findings with root-relative
// locations. Scan may return findings together with an error, for example
// when one lockfile of many is malformed: the findings are kept and the
// error fails the run closed.
type Scanner interface {
	Name() string
	Match(path string, d fs.DirEntry) bool
	Scan(ctx context.Context, t Target) ([]Finding, error)
}

// StatsReporter is implemented by scanners that have more to say than
// the runner measures, for example the age of an advisory database.
type StatsReporter interface {
	Stats() map[string]any
}

// InventoryReporter is implemented by scanners that know every package
// they examined, vulnerable or not (the deps scanner), for SBOM reports.
// Inventory is called after Scan returns.
type InventoryReporter interface {
	Inventory() []InventoryPackage
}

// InventoryPackage is one package version declared in one file.
type InventoryPackage struct {
	Ecosystem string
	Name      string
	Version   string
	PURL      string
	// Path is the lockfile or manifest declaring it, like a finding's
	// Location.Path; Line is its line there, 0 when unknown.
	Path string
	Line int
	// Dev is true when only development dependencies pull it in.
	Dev bool
}

// Target is what a scanner scans: the matched files of one walk.
type Target struct {
	// Root is the absolute path of the scan root, for scanners (such as
	// the dependency scanner) whose libraries need real paths.
	Root string
	// FS is the tree rooted at Root. Read files through it.
	FS fs.FS
	// Files are the matched files in walk order.
	Files []File
}

// File is one file handed to a scanner.
type File struct {
	Path string // root-relative, "/"-separated
	Size int64
}

// ReadFile reads a target file.
func (t Target) ReadFile(path string) ([]byte, error) {
	b, err := fs.ReadFile(t.FS, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}

// Open opens a target file for streaming.
func (t Target) Open(path string) (io.ReadCloser, error) {
	f, err := t.FS.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return f, nil
}

// FileError is a problem with one input file. Scanners wrap per-file
// failures in it so that messages name the file (and line when known).
type FileError struct {
	Path string
	Line int
	Err  error
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// Constructor builds a scanner. Options are scanner-specific and supplied
// by the caller when it assembles the registry.
type Constructor func() (Scanner, error)

// Registry maps scanner names to constructors. It is plain data: callers
// build one, nothing registers itself.
type Registry map[string]Constructor

// ErrUnknownScanner is returned for a name not in the registry.
var ErrUnknownScanner = errors.New("unknown scanner")

// Names returns the registered names, sorted.
func (r Registry) Names() []string {
	names := make([]string, 0, len(r))
	for n := range r {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Build constructs the named scanners, in the order given, rejecting
// unknown or repeated names.
func (r Registry) Build(names ...string) ([]Scanner, error) {
	seen := make(map[string]bool, len(names))
	out := make([]Scanner, 0, len(names))
	for _, n := range names {
		n = strings.TrimSpace(n)
		c, ok := r[n]
		if !ok {
			return nil, fmt.Errorf("%w %q (have %s)", ErrUnknownScanner, n, strings.Join(r.Names(), ", "))
		}
		if seen[n] {
			continue
		}
		seen[n] = true
		s, err := c()
		if err != nil {
			return nil, fmt.Errorf("scanner %s: %w", n, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// ScannerStats is what Run measured for one scanner.
type ScannerStats struct {
	Name     string         `json:"name"`
	Files    int            `json:"files"`
	Bytes    int64          `json:"bytes"`
	Findings int            `json:"findings"`
	Duration time.Duration  `json:"duration_ns"`
	Error    string         `json:"error,omitempty"`
	Extra    map[string]any `json:"extra,omitempty"`
}

// ScanError is the error of one scanner.
type ScanError struct {
	Scanner string
	Err     error
}

func (e *ScanError) Error() string { return e.Scanner + ": " + e.Err.Error() }
func (e *ScanError) Unwrap() error { return e.Err }

// Result is the outcome of Run.
type Result struct {
	// Root is the absolute scan root.
	Root string `json:"root"`
	// PathPrefix is what WithPathPrefix put in front of every finding's
	// path (empty for none): finding paths are relative to Root's
	// ancestor that far up, usually the repository root.
	PathPrefix string `json:"path_prefix,omitempty"`
	// Findings are sorted by path, line, column, rule and fingerprint.
	Findings []Finding      `json:"findings"`
	Scanners []ScannerStats `json:"scanners"`
	Walk     WalkStats      `json:"walk"`
	// Errors holds one entry per failed scanner. A non-empty list means the
	// scan is incomplete and a gate must not pass on it by default.
	Errors   []ScanError   `json:"-"`
	Started  time.Time     `json:"started"`
	Duration time.Duration `json:"duration_ns"`

	// Packages is the package inventory of scanners that have one
	// ([InventoryReporter]), sorted by path, ecosystem, name, version.
	// The CycloneDX report lists it; the JSON report does not carry it.
	Packages []InventoryPackage `json:"-"`
}
