package merge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// DefaultMaxReportBytes caps the size of one report Read accepts. A JSON
// report of 10,000 findings is about 15 MB; the cap stops a wrong file
// (an archive, a log) from being read into memory whole.
const DefaultMaxReportBytes = 256 << 20

// ErrCorrupt marks a report that cannot be read, is not a tollgate JSON
// report, or is one in a shape this tollgate does not read.
var ErrCorrupt = errors.New("unreadable report")

// Report is a tollgate JSON report read back (docs/json-report.md).
type Report struct {
	// File is where the report was read from, as given; every error names it.
	File          string
	SchemaVersion string
	ToolName      string
	ToolVersion   string
	Root          string
	PathPrefix    string
	Started       time.Time
	Decision      scanner.Decision
	FailOn        string
	Findings      []scanner.Finding
	Errors        []ScanError
	Scanners      []scanner.ScannerStats
	Walk          scanner.WalkStats
	Duration      time.Duration
	// PolicyDigest and InputSchemaVersion are empty in reports written
	// before tollgate recorded them.
	PolicyDigest       string
	InputSchemaVersion string
}

// ScanError is a scanner failure the report recorded.
type ScanError struct {
	Scanner string `json:"scanner"`
	Message string `json:"message"`
}

// jsonDoc is the part of the JSON report merge reads; unknown fields are
// ignored (the schema grows by adding fields).
type jsonDoc struct {
	SchemaVersion *string `json:"schema_version"`
	Tool          struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"tool"`
	Root       string            `json:"root"`
	PathPrefix string            `json:"path_prefix"`
	Started    time.Time         `json:"started"`
	Decision   scanner.Decision  `json:"decision"`
	FailOn     string            `json:"fail_on"`
	Findings   []scanner.Finding `json:"findings"`
	Errors     []ScanError       `json:"errors"`
	Stats      struct {
		Scanners   []scanner.ScannerStats `json:"scanners"`
		Walk       scanner.WalkStats      `json:"walk"`
		DurationNS time.Duration          `json:"duration_ns"`
	} `json:"stats"`
	Policy struct {
		Digest             string `json:"digest"`
		InputSchemaVersion string `json:"input_schema_version"`
	} `json:"policy"`
	Sources json.RawMessage `json:"sources"`
}

// Read reads and checks one JSON report file; maxBytes <= 0 means
// DefaultMaxReportBytes.
func Read(file string, maxBytes int64) (*Report, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrCorrupt, file, err)
	}
	defer f.Close()
	return Parse(file, f, maxBytes)
}

// Parse reads one JSON report from r; name is used in errors.
func Parse(name string, r io.Reader, maxBytes int64) (*Report, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxReportBytes
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w %s: %s", ErrCorrupt, name, fmt.Sprintf(format, args...))
	}
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, bad("%v", err)
	}
	if int64(len(b)) > maxBytes {
		return nil, bad("larger than %d bytes (--max-report-size)", maxBytes)
	}
	var doc jsonDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, bad("not a tollgate JSON report: %v", jsonErr(b, err))
	}
	switch {
	case doc.SchemaVersion == nil || doc.Findings == nil:
		return nil, bad("not a tollgate JSON report (no schema_version or findings; write it with -f json or --report json=FILE)")
	case *doc.SchemaVersion != report.JSONSchemaVersion:
		return nil, bad("JSON report schema_version %q, this tollgate reads %q", *doc.SchemaVersion, report.JSONSchemaVersion)
	case len(doc.Sources) > 0 && string(doc.Sources) != "null":
		return nil, bad("is itself a merged report; merge the reports it was made of")
	}
	for i, f := range doc.Findings {
		if f.Fingerprint == "" || f.RuleID == "" || f.Scanner == "" {
			return nil, bad("finding %d has no fingerprint, rule_id or scanner", i+1)
		}
		if p := f.Location.Path; p != "" && !relPath(p) {
			return nil, bad("finding %d: path %q is not relative to the scan root", i+1, p)
		}
	}
	if doc.PathPrefix != "" {
		if _, err := scanner.CleanPathPrefix(doc.PathPrefix); err != nil {
			return nil, bad("%v", err)
		}
	}
	return &Report{
		File: name, SchemaVersion: *doc.SchemaVersion, ToolName: doc.Tool.Name, ToolVersion: doc.Tool.Version,
		Root: doc.Root, PathPrefix: doc.PathPrefix, Started: doc.Started, Decision: doc.Decision, FailOn: doc.FailOn,
		Findings: doc.Findings, Errors: doc.Errors, Scanners: doc.Stats.Scanners, Walk: doc.Stats.Walk,
		Duration: doc.Stats.DurationNS, PolicyDigest: doc.Policy.Digest, InputSchemaVersion: doc.Policy.InputSchemaVersion,
	}, nil
}

// relPath reports whether p is a clean relative slash path inside the root.
func relPath(p string) bool {
	if path.IsAbs(p) || (len(p) > 1 && p[1] == ':') {
		return false
	}
	c := path.Clean(p)
	return c != ".." && !strings.HasPrefix(c, "../")
}

// jsonErr adds the line of a syntax error; json's own message has only
// the byte offset.
func jsonErr(b []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset <= int64(len(b)) {
		line := 1 + bytes.Count(b[:se.Offset], []byte("\n"))
		return fmt.Errorf("line %d: %w", line, err)
	}
	return err
}
