package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// JSONSchemaVersion is the version of the JSON report (docs/json-report.md).
const JSONSchemaVersion = "1"

type jsonWriter struct {
	// encodingJSON encodes every finding with encoding/json, as the
	// writer did before appendFinding (tests and benchmarks compare both).
	encodingJSON bool
}

// jsonReport is the JSON report document.
type jsonReport struct {
	SchemaVersion string            `json:"schema_version"`
	Tool          jsonTool          `json:"tool"`
	Root          string            `json:"root"`
	PathPrefix    string            `json:"path_prefix,omitempty"`
	Started       time.Time         `json:"started"`
	Decision      scanner.Decision  `json:"decision"`
	FailOn        string            `json:"fail_on"`
	Findings      []scanner.Finding `json:"findings"`
	// Remediation is one upgrade per vulnerable package version.
	Remediation []scanner.Remediation `json:"remediation"`
	Errors      []jsonError           `json:"errors"`
	Stats       jsonStats             `json:"stats"`
	// Policy is absent when the caller recorded neither field.
	Policy *jsonPolicy `json:"policy,omitempty"`
	// Sources and Mixed are set in merged reports (tollgate merge).
	Sources []Source `json:"sources,omitempty"`
	Mixed   []string `json:"mixed,omitempty"`
}

type jsonPolicy struct {
	Digest             string `json:"digest,omitempty"`
	InputSchemaVersion string `json:"input_schema_version,omitempty"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonError struct {
	Scanner string `json:"scanner"`
	Message string `json:"message"`
}

type jsonStats struct {
	Scanners   []scanner.ScannerStats `json:"scanners"`
	Walk       scanner.WalkStats      `json:"walk"`
	DurationNS time.Duration          `json:"duration_ns"`
}

// jsonDoc is the whole document, findings included.
func (r *Report) jsonDoc() jsonReport {
	doc := jsonReport{
		SchemaVersion: JSONSchemaVersion,
		Tool:          jsonTool{Name: r.ToolName, Version: r.ToolVersion},
		Root:          r.Result.Root,
		Started:       r.Result.Started.UTC(),
		Decision:      r.Decision,
		FailOn:        r.FailOn,
		Findings:      r.Result.Findings,
		Remediation:   r.remediations(),
		Errors:        []jsonError{},
		Stats:         jsonStats{Scanners: r.Result.Scanners, Walk: r.Result.Walk, DurationNS: r.Result.Duration},
		PathPrefix:    r.Result.PathPrefix,
		Sources:       r.Sources,
		Mixed:         r.Mixed,
	}
	if r.PolicyDigest != "" || r.InputSchemaVersion != "" {
		doc.Policy = &jsonPolicy{Digest: r.PolicyDigest, InputSchemaVersion: r.InputSchemaVersion}
	}
	if doc.Findings == nil {
		doc.Findings = []scanner.Finding{}
	}
	for _, e := range r.Result.Errors {
		doc.Errors = append(doc.Errors, jsonError{Scanner: e.Scanner, Message: e.Err.Error()})
	}
	return doc
}

// Write streams the document: everything but the findings and the deny
// reasons is encoded first, with those arrays empty, then the reasons and
// the findings are encoded one by one into them (the findings by
// appendFinding, or encoding/json for what it does not handle;
// report/jsonframe.go). Only one finding's JSON is in memory at a time
// (the whole document of a 100,000-finding scan was 250 MB, held twice by
// the indenting encoder; the deny reasons of a failing 130,000-finding
// scan are 4.5 MB of fingerprints, and encoding them with the frame
// raised the peak RSS by 40 MB); the bytes are exactly those of encoding
// the whole document with two-space indentation
// (TestJSONStreamMatchesWholeDocument).
func (jw jsonWriter) Write(w io.Writer, r *Report) error {
	doc := r.jsonDoc()
	doc.Findings = []scanner.Finding{}
	deny := doc.Decision.Deny
	if deny != nil { // nil is encoded as null: leave it in the frame
		doc.Decision.Deny = []scanner.Reason{}
	}
	frame, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	fw := newJSONFrame(w, frame)
	if deny != nil {
		if err := fw.fill("\n    ", "deny", len(deny), func(i int) any { return deny[i] }); err != nil {
			return fmt.Errorf("json report: %w", err)
		}
	}
	fast := !jw.encodingJSON && findingLayoutKnown()
	var enc findingWriter
	err = fw.fillWith("\n  ", "findings", len(r.Result.Findings), func(b []byte, i int, prefix string) ([]byte, error) {
		f := &r.Result.Findings[i]
		err := errFallback
		if fast {
			var out []byte
			if out, err = enc.appendFinding(b, f); err == nil {
				return out, nil
			}
		}
		if !errors.Is(err, errFallback) {
			return b, err
		}
		m, err := json.MarshalIndent(f, prefix, "  ")
		return append(b, m...), err
	})
	if err != nil {
		return err
	}
	return fw.finish()
}
