package report

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v2/sarif"
	"github.com/tollgate-dev/tollgate/scanner"
)

// GitHub code scanning limits (per upload); see its SARIF support docs.
const (
	maxResultsPerRun = 25000
	maxRuns          = 20
)

// SARIFFingerprintKey is the partialFingerprints key carrying the stable
// fingerprint. policy.LoadBaseline reads it back.
const SARIFFingerprintKey = "tollgate/v1"

const srcRoot = "%SRCROOT%"

type sarifWriter struct{}

// Write streams the log: every run is encoded first with empty rules and
// results arrays, then each run's rules and results are encoded one at a
// time into them. A whole log of three runs of 25,000 results, encoded at
// once and re-indented, took the report phase of a 130,000-finding scan
// to 650 MB; the bytes are exactly those of encoding the whole log with
// two-space indentation (TestSARIFStreamMatchesWholeDocument).
func (sarifWriter) Write(w io.Writer, r *Report) error {
	doc, plans, err := r.sarifLog()
	if err != nil {
		return err
	}
	frame, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	denied := r.denied()
	sw := newJSONFrame(w, frame)
	for _, p := range plans {
		// In each run the rules come before the results (the order of
		// the fields); the runs come in order.
		if err := sw.fill(sarifRulesIndent, "rules", len(p.rules), func(i int) any {
			return sarifRule(*p.rules[i], r.UnknownAs)
		}); err != nil {
			return fmt.Errorf("sarif: %w", err)
		}
		if err := sw.fill(sarifResultsIndent, "results", len(p.fs), func(i int) any {
			return p.result(r, i, denied)
		}); err != nil {
			return fmt.Errorf("sarif: %w", err)
		}
		if deny := r.Decision.Deny; deny != nil {
			if err := sw.fill(sarifDenyIndent, "deny", len(deny), func(i int) any { return deny[i] }); err != nil {
				return fmt.Errorf("sarif: %w", err)
			}
		}
	}
	if err := sw.finish(); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	return nil
}

// The indentation of a run's rules key (runs[].tool.driver.rules), of
// its results key (runs[].results) and of the deny reasons of the
// decision in its properties (runs[].properties.tollgate.decision.deny)
// as MarshalIndent writes them. In a run, the fields come in this order.
const (
	sarifRulesIndent   = "\n          "
	sarifResultsIndent = "\n      "
	sarifDenyIndent    = "\n            "
)

// sarifPlan is one run: its findings (pointers into the report's), the
// first finding of each rule in the order of the run's rules, the index
// of each rule, and the findings' columns in UTF-16 code units.
type sarifPlan struct {
	fs        []*scanner.Finding
	rules     []*scanner.Finding
	ruleIndex map[string]uint
	spans     map[int]span
}

func (p *sarifPlan) result(r *Report, i int, denied map[string]string) *sarif.Result {
	sp, hasSpan := p.spans[i]
	return sarifResult(*p.fs[i], p.ruleIndex[p.fs[i].RuleID], denied, sp, hasSpan, r.UnknownAs)
}

// sarifLog is the log with one run per scanner, each with its rules and
// no results yet, and the plan of each run's results.
func (r *Report) sarifLog() (*sarif.Report, []*sarifPlan, error) {
	doc, err := sarif.New(sarif.Version210, true)
	if err != nil {
		return nil, nil, fmt.Errorf("sarif: %w", err)
	}
	byScanner := map[string][]*scanner.Finding{}
	for i := range r.Result.Findings {
		f := &r.Result.Findings[i]
		byScanner[f.Scanner] = append(byScanner[f.Scanner], f)
	}
	failed := map[string]string{}
	for _, e := range r.Result.Errors {
		failed[e.Scanner] = e.Err.Error()
	}
	names := r.runNames()
	if len(names) > maxRuns {
		return nil, nil, fmt.Errorf("sarif: %d scanners exceed the %d runs an upload may hold", len(names), maxRuns)
	}
	plans := make([]*sarifPlan, 0, len(names))
	for _, name := range names {
		run, p := r.sarifRun(name, byScanner[name], failed[name])
		doc.Runs = append(doc.Runs, run)
		plans = append(plans, p)
	}
	return doc, plans, nil
}

func (r *Report) sarifRun(name string, fs []*scanner.Finding, scanErr string) (*sarif.Run, *sarifPlan) {
	tool := r.ToolName
	if tool == "" {
		tool = "tollgate"
	}
	run := sarif.NewRunWithInformationURI(tool, "https://github.com/tollgate-dev/tollgate")
	v := numericVersion(r.ToolVersion)
	run.Tool.Driver.Version = strPtr(v)
	run.Tool.Driver.SemanticVersion = strPtr(v)
	run.AutomationDetails = &sarif.RunAutomationDetails{ID: strPtr(tool + "/" + name + "/")}
	run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{
		srcRoot: {Description: &sarif.Message{Text: strPtr("The root of the scanned source tree.")}},
	}
	run.ColumnKind = "utf16CodeUnits"
	inv := &sarif.Invocation{ExecutionSuccessful: boolPtr(scanErr == "")}
	if scanErr != "" {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, &sarif.Notification{
			Level: "error", Message: &sarif.Message{Text: strPtr(name + ": " + scanErr)},
		})
	}
	if len(fs) > maxResultsPerRun {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, &sarif.Notification{
			Level:   "warning",
			Message: &sarif.Message{Text: strPtr(fmt.Sprintf("%d results truncated to the %d a run may hold; the most severe are kept", len(fs), maxResultsPerRun))},
		})
		fs = slices.Clone(fs)
		slices.SortStableFunc(fs, func(a, b *scanner.Finding) int { return int(b.Severity) - int(a.Severity) })
		fs = fs[:maxResultsPerRun]
		slices.SortStableFunc(fs, scanner.CompareFindings)
	}
	run.Invocations = []*sarif.Invocation{inv}
	// The deny reasons are streamed into the decision like the results:
	// a failing scan's fingerprints, in every run, were 4.5 MB each.
	decision := r.Decision
	if decision.Deny != nil {
		decision.Deny = []scanner.Reason{}
	}
	run.Properties = sarif.Properties{"tollgate": map[string]any{
		"scanner":  name,
		"decision": decision,
		"fail_on":  r.FailOn,
	}}

	p := &sarifPlan{fs: fs, ruleIndex: map[string]uint{}, spans: r.utf16Spans(fs)}
	for _, f := range fs {
		if _, ok := p.ruleIndex[f.RuleID]; !ok {
			p.ruleIndex[f.RuleID] = uint(len(p.rules))
			p.rules = append(p.rules, f)
		}
	}
	run.Tool.Driver.Rules = []*sarif.ReportingDescriptor{}
	run.Results = []*sarif.Result{}
	return run, p
}

func sarifRule(f scanner.Finding, unknownAs scanner.Severity) *sarif.ReportingDescriptor {
	sev := gatedSeverity(f.Severity, unknownAs)
	desc := f.Description
	if desc == "" {
		desc = f.Title
	}
	var md strings.Builder
	fmt.Fprintf(&md, "**%s**\n\n%s\n", f.Title, desc)
	text := desc
	if f.Remediation != "" {
		fmt.Fprintf(&md, "\n**Remediation:** %s\n", f.Remediation)
		text += "\n\nRemediation: " + f.Remediation
	}
	if len(f.References) > 0 {
		md.WriteString("\n**References:**\n")
		for _, ref := range f.References {
			fmt.Fprintf(&md, "- %s\n", ref)
		}
	}
	tags := []string{"security", f.Scanner}
	tags = append(tags, f.CWEs...)
	tags = append(tags, f.Tags...)
	props := sarif.Properties{
		"tags":              dedupe(tags),
		"security-severity": securitySeverity(f, sev),
		"precision":         "high",
		"problem.severity":  problemSeverity(sev),
	}
	// the ids of the equivalent trivy, checkov and KICS checks (IaC)
	if peers, ok := f.Properties["peer_ids"]; ok {
		props["peer_ids"] = peers
	}
	rule := &sarif.ReportingDescriptor{
		ID:                   f.RuleID,
		ShortDescription:     &sarif.MultiformatMessageString{Text: strPtr(truncate(f.Title, 1024))},
		FullDescription:      &sarif.MultiformatMessageString{Text: strPtr(truncate(desc, 4096))},
		Help:                 &sarif.MultiformatMessageString{Text: strPtr(text), Markdown: strPtr(md.String())},
		DefaultConfiguration: &sarif.ReportingConfiguration{Level: *level(sev)},
		Properties:           props,
	}
	if len(f.References) > 0 {
		rule.HelpURI = strPtr(f.References[0])
	}
	return rule
}

// sarifResult renders one finding. sp holds its columns in UTF-16 code units
// (hasSpan false: the source line could not be read, so the region keeps
// its lines only and never highlights the wrong characters).
func sarifResult(f scanner.Finding, idx uint, denied map[string]string, sp span, hasSpan bool, unknownAs scanner.Severity) *sarif.Result {
	msg := title(f)
	if f.Snippet != "" {
		msg += "\n" + f.Snippet
	}
	region := &sarif.Region{}
	if f.Location.StartLine > 0 {
		region.StartLine = intPtr(f.Location.StartLine)
		if hasSpan {
			region.StartColumn = intPtr(sp.start)
		}
		if f.Location.EndLine >= f.Location.StartLine {
			region.EndLine = intPtr(f.Location.EndLine)
		}
		if hasSpan && sp.end > 0 && f.Location.EndLine >= f.Location.StartLine {
			region.EndColumn = intPtr(sp.end)
		}
		if f.Snippet != "" {
			region.Snippet = &sarif.ArtifactContent{Text: strPtr(f.Snippet)}
		}
	} else {
		// A whole-file finding: consumers expect a region, so point at
		// the first line.
		region.StartLine = intPtr(1)
	}
	loc := &sarif.Location{PhysicalLocation: &sarif.PhysicalLocation{
		ArtifactLocation: &sarif.ArtifactLocation{URI: strPtr(uriPath(f.Location.Path)), URIBaseId: strPtr(srcRoot)},
		Region:           region,
	}}
	res := &sarif.Result{
		RuleID:              strPtr(f.RuleID),
		RuleIndex:           &idx,
		Level:               level(gatedSeverity(f.Severity, unknownAs)),
		Message:             sarif.Message{Text: strPtr(msg)},
		Locations:           []*sarif.Location{loc},
		PartialFingerprints: map[string]any{SARIFFingerprintKey: f.Fingerprint},
	}
	props := sarif.Properties{"severity": f.Severity.String()}
	if f.Score > 0 {
		props["score"] = f.Score
	}
	if p := f.Package; p != nil {
		props["package"] = p
	}
	if len(f.Aliases) > 0 {
		props["aliases"] = f.Aliases
	}
	if f.Gate != nil {
		props["new"] = f.Gate.New
		if f.Gate.New {
			res.BaselineState = strPtr("new")
		} else {
			res.BaselineState = strPtr("unchanged")
		}
	}
	if rule, ok := denied[f.Fingerprint]; ok {
		props["denied_by"] = rule
	}
	for k, v := range f.Properties {
		props[k] = v
	}
	res.Properties = props
	if f.Suppressed() {
		e := f.Gate.Exception
		sp := &sarif.Suppression{
			Kind: "external", Status: strPtr("accepted"), Location: loc,
			Guid:          strPtr(guid(f.Fingerprint + "/" + e.ID)),
			Justification: strPtr(e.Reason),
		}
		sp.Properties = sarif.Properties{"owner": e.Owner, "exception": e.ID, "source": e.Source}
		if e.Expires != nil {
			sp.Properties["expires"] = e.Expires.Format("2006-01-02")
		}
		if e.Ticket != "" {
			sp.Properties["ticket"] = e.Ticket
		}
		res.Suppressions = []*sarif.Suppression{sp}
	}
	return res
}

// gatedSeverity is the severity the gate acts on: UNKNOWN counts as
// unknownAs (the --unknown-severity setting) when that is set.
func gatedSeverity(s, unknownAs scanner.Severity) scanner.Severity {
	if s == scanner.SeverityUnknown {
		return unknownAs
	}
	return s
}

// securitySeverity is GitHub's numeric severity: the finding's score when
// it has one, else a representative value for the severity the gate acts
// on, so GitHub ranks an UNKNOWN finding the way the gate treats it.
func securitySeverity(f scanner.Finding, sev scanner.Severity) string {
	if f.Score > 0 {
		return strconv.FormatFloat(f.Score, 'f', 1, 64)
	}
	switch sev {
	case scanner.SeverityCritical:
		return "9.5"
	case scanner.SeverityHigh:
		return "8.0"
	case scanner.SeverityMedium:
		return "5.5"
	case scanner.SeverityLow:
		return "2.0"
	case scanner.SeverityInfo:
		return "0.0"
	}
	return "5.0" // unknown: shown as medium, never hidden as "none"
}

func problemSeverity(s scanner.Severity) string {
	switch s {
	case scanner.SeverityCritical, scanner.SeverityHigh:
		return "error"
	case scanner.SeverityMedium, scanner.SeverityUnknown:
		return "warning"
	}
	return "recommendation"
}

func level(s scanner.Severity) *string {
	switch s {
	case scanner.SeverityCritical, scanner.SeverityHigh:
		return strPtr("error")
	case scanner.SeverityMedium, scanner.SeverityUnknown:
		return strPtr("warning")
	}
	return strPtr("note")
}

// numericVersion makes a version start with a digit, as SARIF consumers
// compare versions numerically ("v1.2.3" -> "1.2.3", "dev" -> "0.0.0-dev").
func numericVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-" + v
	}
	return v
}

// uriPath percent-encodes what a relative URI reference cannot hold.
func uriPath(p string) string {
	var b strings.Builder
	for _, c := range []byte(p) {
		if c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == '@' || c == '+' ||
			('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// guid derives a deterministic RFC 4122 (version 5 style) GUID from s.
func guid(s string) string {
	h := sha256.Sum256([]byte(s))
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n-3]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "..."
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func strPtr(s string) *string { return &s }
func intPtr(i int) *int       { return &i }
func boolPtr(b bool) *bool    { return &b }
