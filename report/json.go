package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
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

// Write streams the document: everything but the findings is encoded
// first, with an empty findings array, then the findings are encoded one by
// one into that array (by appendFinding, or encoding/json for what it does
// not handle). Only one finding's JSON is in memory at a time (the
// whole document of a 100,000-finding scan was 250 MB, held twice by the
// indenting encoder); the bytes are exactly those of encoding the whole
// document with two-space indentation (TestJSONStreamMatchesWholeDocument).
func (jw jsonWriter) Write(w io.Writer, r *Report) error {
	doc := r.jsonDoc()
	doc.Findings = []scanner.Finding{}
	var frame bytes.Buffer
	enc := json.NewEncoder(&frame)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	// The findings key is the only key at the first level of indentation
	// with this exact spelling; inside strings its quotes would be escaped.
	head, tail, ok := bytes.Cut(frame.Bytes(), []byte("\n  \"findings\": []"))
	if !ok {
		return errors.New("json report: no findings array in the encoded document")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	bw.WriteString("\n  \"findings\": [")
	fast := !jw.encodingJSON && findingLayoutKnown()
	var fw findingWriter
	var b []byte
	for i := range r.Result.Findings {
		b = b[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    "...)
		f := &r.Result.Findings[i]
		err := errFallback
		if fast {
			b, err = fw.appendFinding(b, f)
		}
		if errors.Is(err, errFallback) {
			var enc []byte
			if enc, err = json.MarshalIndent(f, "    ", "  "); err == nil {
				b = append(b, enc...)
			}
		}
		if err != nil {
			return err
		}
		if _, err := bw.Write(b); err != nil {
			return err // the writer failed: no use encoding the rest
		}
	}
	if len(r.Result.Findings) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteByte(']')
	bw.Write(tail)
	return bw.Flush()
}
