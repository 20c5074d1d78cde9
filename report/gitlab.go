package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// GitLabSchemaVersion is the GitLab security-report schema the gitlab-*
// formats follow (15.x, the version GitLab 15–17 accept).
const GitLabSchemaVersion = "15.2.1"

// gitlabWriter renders one GitLab security report: secret detection, dependency
// scanning or SAST (GitLab shows IaC findings as SAST). Each holds only the
// findings of its scanner, so a pipeline uploads each file under its own
// artifacts:reports key.
type gitlabWriter struct {
	scanType    string // secret_detection | dependency_scanning | sast
	scannerName string // tollgate's scanner kind the report holds
}

type glReport struct {
	Version         string            `json:"version"`
	Schema          string            `json:"schema,omitempty"`
	Scan            glScan            `json:"scan"`
	Vulnerabilities []glVulnerability `json:"vulnerabilities"`
	Remediations    []any             `json:"remediations"`
}

type glScan struct {
	Analyzer  glTool      `json:"analyzer"`
	Scanner   glTool      `json:"scanner"`
	Type      string      `json:"type"`
	StartTime string      `json:"start_time"`
	EndTime   string      `json:"end_time"`
	Status    string      `json:"status"`
	Messages  []glMessage `json:"messages,omitempty"`
}

type glTool struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	URL     string   `json:"url,omitempty"`
	Version string   `json:"version"`
	Vendor  glVendor `json:"vendor"`
}

type glVendor struct {
	Name string `json:"name"`
}

type glMessage struct {
	Level string `json:"level"`
	Value string `json:"value"`
}

type glVulnerability struct {
	ID          string         `json:"id"`
	Name        string         `json:"name,omitempty"`
	Description string         `json:"description,omitempty"`
	Severity    string         `json:"severity"`
	Solution    string         `json:"solution,omitempty"`
	Identifiers []glIdentifier `json:"identifiers"`
	CVSSVectors []glCVSS       `json:"cvss_vectors,omitempty"`
	Links       []glLink       `json:"links,omitempty"`
	Location    any            `json:"location"`
}

type glIdentifier struct {
	Type  string `json:"type"`
	Name  string `json:"name"`
	URL   string `json:"url,omitempty"`
	Value string `json:"value"`
}

type glCVSS struct {
	Vendor string `json:"vendor"`
	Vector string `json:"vector"`
}

type glLink struct {
	URL string `json:"url"`
}

type glFileLocation struct {
	File      string    `json:"file"`
	StartLine int       `json:"start_line,omitempty"`
	EndLine   int       `json:"end_line,omitempty"`
	Commit    *glCommit `json:"commit,omitempty"`
}

type glCommit struct {
	SHA    string `json:"sha"`
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"`
}

type glDepLocation struct {
	File       string       `json:"file"`
	Dependency glDependency `json:"dependency"`
}

type glDependency struct {
	Package glPackage `json:"package"`
	Version string    `json:"version"`
	Direct  *bool     `json:"direct,omitempty"`
}

type glPackage struct {
	Name string `json:"name"`
}

func (g gitlabWriter) Write(w io.Writer, r *Report) error {
	tool := glTool{ID: "tollgate", Name: "tollgate", URL: "https://github.com/tollgate-dev/tollgate",
		Version: numericVersion(r.ToolVersion), Vendor: glVendor{Name: "tollgate"}}
	if r.ToolName != "" {
		tool.Name = r.ToolName
	}
	start := r.Result.Started.UTC()
	out := glReport{Version: GitLabSchemaVersion, Scan: glScan{
		Analyzer: tool, Scanner: tool, Type: g.scanType,
		StartTime: start.Format(glTime), EndTime: start.Add(r.Result.Duration).Format(glTime), Status: "success",
	}, Vulnerabilities: []glVulnerability{}, Remediations: []any{}}
	for _, e := range r.Result.Errors {
		if e.Scanner == g.scannerName {
			out.Scan.Status = "failure"
			out.Scan.Messages = append(out.Scan.Messages, glMessage{Level: "fatal", Value: e.Err.Error()})
		}
	}
	var listed []*scanner.Finding
	excepted := 0
	for i := range r.Result.Findings {
		f := &r.Result.Findings[i]
		switch {
		case f.Scanner != g.scannerName:
		case f.Suppressed():
			excepted++ // accepted with an owner and an expiry: not re-raised in GitLab
		default:
			listed = append(listed, f)
		}
	}
	if excepted > 0 {
		out.Scan.Messages = append(out.Scan.Messages, glMessage{Level: "info",
			Value: fmt.Sprintf("%d finding(s) covered by a tollgate exception are not listed", excepted)})
	}
	// streamed (report/jsonframe.go): the whole report of 60,000
	// dependency findings, encoded at once, was 350 MB of the heap
	frame, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("gitlab report: %w", err)
	}
	fw := newJSONFrame(w, frame)
	if err := fw.fill("\n  ", "vulnerabilities", len(listed), func(i int) any {
		return g.vulnerability(*listed[i], r.UnknownAs)
	}); err != nil {
		return fmt.Errorf("gitlab report: %w", err)
	}
	if err := fw.finish(); err != nil {
		return fmt.Errorf("gitlab report: %w", err)
	}
	return nil
}

// glTime is the schema's date-time pattern: seconds, no zone suffix.
const glTime = "2006-01-02T15:04:05"

func (g gitlabWriter) vulnerability(f scanner.Finding, unknownAs scanner.Severity) glVulnerability {
	v := glVulnerability{
		ID:          guid(f.Fingerprint),
		Name:        truncate(f.Title, 255),
		Description: f.Description,
		Severity:    glSeverity(gatedSeverity(f.Severity, unknownAs)),
		Solution:    solution(f),
		Identifiers: []glIdentifier{{Type: "tollgate_rule_id", Name: f.RuleID, Value: f.RuleID}},
	}
	if v.Description == "" {
		v.Description = f.Title
	}
	if f.Snippet != "" {
		v.Description += "\n\n" + f.Snippet
	}
	if len(f.References) > 0 {
		v.Identifiers[0].URL = f.References[0]
	}
	peers := peerTools(f)
	for _, a := range f.Aliases {
		if tool := peers[a]; tool != "" {
			// an IaC check's peer id names another tool's check, not a
			// vulnerability: typed by its tool, never an advisory link
			v.Identifiers = append(v.Identifiers, glIdentifier{Type: tool, Name: a, Value: a, URL: peerURL(tool, a)})
			continue
		}
		v.Identifiers = append(v.Identifiers, glIdentifier{Type: aliasType(a), Name: a, Value: a, URL: aliasURL(a)})
	}
	for _, c := range f.CWEs {
		if n := strings.TrimPrefix(c, "CWE-"); n != c {
			v.Identifiers = append(v.Identifiers, glIdentifier{Type: "cwe", Name: c, Value: n, URL: "https://cwe.mitre.org/data/definitions/" + n + ".html"})
		}
	}
	for _, ref := range f.References {
		if strings.HasPrefix(ref, "https://") || strings.HasPrefix(ref, "http://") {
			v.Links = append(v.Links, glLink{URL: ref})
		}
	}
	if vec, ok := f.Properties["cvss_vector"].(string); ok && len(vec) >= 16 && len(vec) <= 128 {
		v.CVSSVectors = []glCVSS{{Vendor: "unknown", Vector: vec}}
	}
	switch g.scanType {
	case "dependency_scanning":
		loc := glDepLocation{File: f.Location.Path}
		if p := f.Package; p != nil {
			loc.Dependency = glDependency{Package: glPackage{Name: p.Name}, Version: p.Version, Direct: p.Direct}
		}
		v.Location = loc
	case "secret_detection":
		loc := glFileLocation{File: f.Location.Path, StartLine: f.Location.StartLine, EndLine: f.Location.EndLine}
		// The schema requires a commit. A working-tree scan has none, so
		// it carries GitLab's own placeholder; --git-since fills it in.
		c := &glCommit{SHA: "0000000"}
		if sha, ok := f.Properties["commit"].(string); ok && sha != "" {
			c.SHA = sha
			c.Author, _ = f.Properties["author"].(string)
			c.Date, _ = f.Properties["date"].(string)
		}
		loc.Commit = c
		v.Location = loc
	default:
		v.Location = glFileLocation{File: f.Location.Path, StartLine: f.Location.StartLine, EndLine: f.Location.EndLine}
	}
	return v
}

func solution(f scanner.Finding) string {
	if f.Remediation != "" {
		return f.Remediation
	}
	if p := f.Package; p != nil && p.Fix != "" {
		return fmt.Sprintf("Upgrade %s to %s or later.", p.Name, p.Fix)
	}
	return ""
}

func glSeverity(s scanner.Severity) string {
	switch s {
	case scanner.SeverityCritical:
		return "Critical"
	case scanner.SeverityHigh:
		return "High"
	case scanner.SeverityMedium:
		return "Medium"
	case scanner.SeverityLow:
		return "Low"
	case scanner.SeverityInfo:
		return "Info"
	}
	return "Unknown"
}

func aliasType(a string) string {
	switch {
	case strings.HasPrefix(a, "CVE-"):
		return "cve"
	case strings.HasPrefix(a, "GHSA-"):
		return "ghsa"
	case strings.HasPrefix(a, "GO-"):
		return "go"
	}
	if i := strings.IndexByte(a, '-'); i > 0 {
		return strings.ToLower(a[:i])
	}
	return "advisory"
}

func aliasURL(a string) string {
	switch {
	case strings.HasPrefix(a, "CVE-"):
		return "https://nvd.nist.gov/vuln/detail/" + a
	case strings.HasPrefix(a, "GHSA-"):
		return "https://github.com/advisories/" + a
	}
	return "https://osv.dev/vulnerability/" + a
}

// peerTools maps each peer id of an IaC finding (its "peer_ids" property:
// tool -> ids, as the scanner sets it or as it reads back from JSON) to
// its tool, e.g. "AVD-AWS-0098" -> "trivy".
func peerTools(f scanner.Finding) map[string]string {
	out := map[string]string{}
	switch m := f.Properties["peer_ids"].(type) {
	case map[string][]string:
		for tool, ids := range m {
			for _, id := range ids {
				out[id] = tool
			}
		}
	case map[string]any:
		for tool, ids := range m {
			switch l := ids.(type) {
			case []string:
				for _, id := range l {
					out[id] = tool
				}
			case []any:
				for _, id := range l {
					if s, ok := id.(string); ok {
						out[s] = tool
					}
				}
			}
		}
	}
	return out
}

// peerURL is the documentation page of a peer's check where one can be
// built from the id alone: trivy's, as trivy itself links its
// misconfigurations. checkov's and KICS's pages need the provider and the
// check's name or platform, which the id does not carry, so they get none.
func peerURL(tool, id string) string {
	if tool == "trivy" && strings.HasPrefix(strings.ToUpper(id), "AVD-") {
		return "https://avd.aquasec.com/misconfig/" + strings.ToLower(id)
	}
	return ""
}
