package policy

import (
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// SchemaVersion is the version of the [Input] document. It changes when a
// field is removed or changes meaning; adding fields keeps it.
const SchemaVersion = "1"

// Input is the document a policy sees as `input`. Its JSON form is
// described by input.schema.json and the README ("Policy input").
type Input struct {
	SchemaVersion string           `json:"schema_version"`
	Findings      []InputFinding   `json:"findings"`
	Exceptions    []InputException `json:"exceptions"`
	Scan          ScanInfo         `json:"scan"`
	Config        Config           `json:"config"`
	Counts        map[string]int   `json:"counts"`
	// Remediation lists one upgrade per vulnerable package version (see
	// scanner.Remediations), most urgent first.
	Remediation []scanner.Remediation `json:"remediation"`
}

// InputFinding is a finding plus what the gate knows about it.
type InputFinding struct {
	scanner.Finding
	// Gate is always nil: it shadows the finding's own gate status, which
	// New and Exception below carry flat, once.
	Gate *scanner.GateStatus `json:"gate,omitempty"`
	// New is false when the fingerprint is in the baseline (always true
	// without a baseline).
	New bool `json:"new"`
	// Suppressed is true when a live exception covers the finding.
	Suppressed bool `json:"suppressed"`
	// Exception is the matching exception, live or expired.
	Exception *scanner.Exception `json:"exception,omitempty"`
	// Fixable is true for dependency findings with a known fix version.
	Fixable bool `json:"fixable"`
	// Verified is set for secrets checked live (--verify-secrets): true
	// when the provider accepted the secret, false when it rejected it;
	// absent when not checked or the check could not tell.
	Verified *bool `json:"verified,omitempty"`
	// SeverityRank orders severities for policies: UNKNOWN 0, INFO 1,
	// LOW 2, MEDIUM 3, HIGH 4, CRITICAL 5.
	SeverityRank int `json:"severity_rank"`
}

// InputException is one entry of the exceptions file with its match count.
type InputException struct {
	scanner.Exception
	// Scanner is the entry's scanner scope, if it has one.
	Scanner string `json:"scanner,omitempty"`
	Matched int    `json:"matched"`
}

// ScanInfo describes the scan itself.
type ScanInfo struct {
	Root        string                 `json:"root"`
	Scanners    []string               `json:"scanners"`
	ToolVersion string                 `json:"tool_version"`
	Time        time.Time              `json:"time"`
	Errors      []ScanErrorInfo        `json:"errors"`
	Stats       []scanner.ScannerStats `json:"stats"`
	Walk        scanner.WalkStats      `json:"walk"`
	Baseline    bool                   `json:"baseline"`
	DB          map[string]any         `json:"db,omitempty"`
}

// ScanErrorInfo is a scanner failure as the policy sees it.
type ScanErrorInfo struct {
	Scanner string `json:"scanner"`
	Message string `json:"message"`
}

// Config carries the gate settings into the policy.
type Config struct {
	// FailOn is critical, high, medium, low or none.
	FailOn string `json:"fail_on"`
	// UnknownSeverity is the severity UNKNOWN findings are gated as.
	UnknownSeverity          string `json:"unknown_severity"`
	AllowScannerErrors       bool   `json:"allow_scanner_errors"`
	AllowExpiredExceptions   bool   `json:"allow_expired_exceptions"`
	AllowPermanentExceptions bool   `json:"allow_permanent_exceptions"`
}

// DefaultConfig is the configuration of a plain `tollgate scan`.
func DefaultConfig() Config {
	return Config{FailOn: "high", UnknownSeverity: "HIGH"}
}

// InputOptions are the extra facts BuildInput needs besides the result.
type InputOptions struct {
	Config      Config
	ToolVersion string
	Now         time.Time
	Exceptions  *Exceptions // may be nil
	Baseline    Baseline    // may be nil
}

// BuildInput annotates res.Findings in place (Gate status: new, exception)
// and returns the policy input.
func BuildInput(res *scanner.Result, o InputOptions) Input {
	in := annotate(res, o)
	in.Findings = make([]InputFinding, len(res.Findings))
	for i := range res.Findings {
		in.Findings[i] = inputFinding(&res.Findings[i])
	}
	return in
}

// inputFinding is an annotated finding as the policy sees it.
func inputFinding(f *scanner.Finding) InputFinding {
	in := InputFinding{
		Finding:      *f,
		Suppressed:   f.Suppressed(),
		Fixable:      f.Package != nil && f.Package.Fix != "",
		Verified:     verified(f),
		SeverityRank: int(f.Severity),
	}
	if f.Gate != nil {
		in.New, in.Exception = f.Gate.New, f.Gate.Exception
	}
	return in
}

// annotate sets every finding's Gate status and returns the input without
// its findings (see inputFinding).
func annotate(res *scanner.Result, o InputOptions) Input {
	in := Input{
		SchemaVersion: SchemaVersion,
		Exceptions:    []InputException{},
		Config:        o.Config,
		Counts:        map[string]int{},
		Scan: ScanInfo{
			Root:        res.Root,
			ToolVersion: o.ToolVersion,
			Time:        o.Now.UTC(),
			Errors:      []ScanErrorInfo{},
			Stats:       res.Scanners,
			Walk:        res.Walk,
			Baseline:    o.Baseline != nil,
		},
	}
	for _, st := range res.Scanners {
		in.Scan.Scanners = append(in.Scan.Scanners, st.Name)
		if db, ok := st.Extra["db"].(map[string]any); ok {
			in.Scan.DB = db
		}
	}
	for _, e := range res.Errors {
		in.Scan.Errors = append(in.Scan.Errors, ScanErrorInfo{Scanner: e.Scanner, Message: e.Err.Error()})
	}
	var matched []int
	// shared holds one Exception per entry, shared by the findings it
	// matches (the gate then builds its policy term once, too).
	var shared []*scanner.Exception
	if o.Exceptions != nil {
		matched = make([]int, len(o.Exceptions.Entries))
		shared = make([]*scanner.Exception, len(o.Exceptions.Entries))
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		st := &scanner.GateStatus{New: !o.Baseline.Has(f.Fingerprint)}
		if o.Exceptions != nil {
			if j := o.Exceptions.match(f, o.Now); j >= 0 {
				matched[j]++
				if shared[j] == nil {
					e := o.Exceptions.Entries[j].Exception
					e.Expired = e.Expires != nil && o.Now.After(*e.Expires)
					shared[j] = &e
				}
				st.Exception = shared[j]
			}
		}
		f.Gate = st
		in.Counts[f.Severity.String()]++
		in.Counts[f.Scanner]++
		if st.New {
			in.Counts["new"]++
		}
		if f.Suppressed() {
			in.Counts["suppressed"]++
		}
	}
	in.Counts["total"] = len(res.Findings)
	in.Remediation = scanner.Remediations(res.Findings)
	if o.Exceptions != nil {
		for j, e := range o.Exceptions.Entries {
			x := e.Exception
			x.Expired = x.Expires != nil && o.Now.After(*x.Expires)
			in.Exceptions = append(in.Exceptions, InputException{Exception: x, Scanner: e.Scanner, Matched: matched[j]})
		}
	}
	return in
}

// verified is the secrets scanner's "verified" property, if any.
func verified(f *scanner.Finding) *bool {
	if v, ok := f.Properties["verified"].(bool); ok {
		return &v
	}
	return nil
}
