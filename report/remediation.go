package report

import (
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// maxUpgrades bounds the upgrades listed in the table and Markdown; the
// JSON report has them all.
const maxUpgrades = 20

// remediations is the upgrade list of the report's findings.
func (r *Report) remediations() []scanner.Remediation {
	return scanner.Remediations(r.Result.Findings)
}

// upgradeAction says what to do: "upgrade lodash 4.17.20 -> 4.17.21".
func upgradeAction(m scanner.Remediation) string {
	if m.UpgradeTo == "" {
		return fmt.Sprintf("%s %s: no single known version fixes all", m.Name, m.Version)
	}
	return fmt.Sprintf("upgrade %s %s -> %s", m.Name, m.Version, m.UpgradeTo)
}

// upgradeFixes is "fixes 3 advisories (CRITICAL 1, HIGH 2)", without
// "fixes" when no single version does.
func upgradeFixes(m scanner.Remediation) string {
	n := len(m.Advisories)
	noun := "advisories"
	if n == 1 {
		noun = "advisory"
	}
	s := fmt.Sprintf("%d %s (%s)", n, noun, severityCounts(m.Severities))
	if m.UpgradeTo != "" {
		s = "fixes " + s
	}
	return s
}

// upgradeNotes are the marks people decide by: major, direct or
// transitive, dev-only, excepted.
func upgradeNotes(m scanner.Remediation) []string {
	var notes []string
	if m.Major {
		notes = append(notes, "major")
	}
	if m.Direct != nil {
		if *m.Direct {
			notes = append(notes, "direct")
		} else {
			notes = append(notes, "transitive")
		}
	}
	if m.Dev {
		notes = append(notes, "dev only")
	}
	if m.VersionSource == "go-directive" {
		notes = append(notes, "version from the go directive, not a toolchain")
	}
	if m.Excepted > 0 {
		notes = append(notes, fmt.Sprintf("%d excepted", m.Excepted))
	}
	return notes
}

func severityCounts(m map[string]int) string {
	var parts []string
	for _, s := range scanner.Severities() {
		if n := m[s.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s, n))
		}
	}
	return strings.Join(parts, ", ")
}
