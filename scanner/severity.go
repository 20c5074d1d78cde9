package scanner

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Severity ranks a finding. The zero value is SeverityUnknown: a finding
// whose severity nobody could determine (for example an OSV advisory
// without a CVSS vector or ecosystem rating). Severities order as
// UNKNOWN < INFO < LOW < MEDIUM < HIGH < CRITICAL; how the gate treats
// UNKNOWN is a policy decision (see package policy), not an ordering one.
type Severity int

// Severity values, lowest first.
const (
	SeverityUnknown Severity = iota
	SeverityInfo
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = [...]string{"UNKNOWN", "INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"}

// Severities lists every severity from highest to lowest.
func Severities() []Severity {
	return []Severity{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow, SeverityInfo, SeverityUnknown}
}

// String returns the upper-case name, e.g. "HIGH".
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity accepts a severity name in any case ("high", "High",
// "HIGH"); "moderate" and "medium" are the same, as are "informational"
// and "info", and "note" maps to LOW as in SARIF.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "CRITICAL":
		return SeverityCritical, nil
	case "HIGH", "IMPORTANT":
		return SeverityHigh, nil
	case "MEDIUM", "MODERATE":
		return SeverityMedium, nil
	case "LOW", "NOTE", "MINOR":
		return SeverityLow, nil
	case "INFO", "INFORMATIONAL", "NONE":
		return SeverityInfo, nil
	case "UNKNOWN", "":
		return SeverityUnknown, nil
	}
	return SeverityUnknown, fmt.Errorf("unknown severity %q (want critical, high, medium, low, info or unknown)", s)
}

// SeverityFromScore maps a CVSS base score to the qualitative rating of the
// CVSS v3.1 and v4.0 specifications (0.0 is INFO, i.e. "None").
func SeverityFromScore(score float64) Severity {
	switch {
	case score >= 9.0:
		return SeverityCritical
	case score >= 7.0:
		return SeverityHigh
	case score >= 4.0:
		return SeverityMedium
	case score > 0:
		return SeverityLow
	}
	return SeverityInfo
}

// MarshalJSON writes the upper-case name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads a name as ParseSeverity does.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return fmt.Errorf("severity: %w", err)
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalText lets a Severity be a map key or a YAML scalar.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a name as ParseSeverity does.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
