package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Familiar flags from trivy and osv-scanner, mapped onto tollgate's model:
// --skip-dirs is --exclude, --ignore-unfixed drops dependency findings no
// release fixes (before the gate, counted in the deps stats), and
// --severity filters what the reports list while the gate still decides on
// every finding (--fail-on gates).

// parseSeverityFilter reads --severity: a list ("HIGH,CRITICAL") of the
// severities to report.
func parseSeverityFilter(vals []string) (map[scanner.Severity]bool, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	keep := map[scanner.Severity]bool{}
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			sev, err := scanner.ParseSeverity(s)
			if err != nil {
				return nil, usageErr("--severity %q: %v", s, err)
			}
			keep[sev] = true
		}
	}
	return keep, nil
}

// dropUnfixed removes dependency findings without any fixed version and
// records how many in the deps scanner's stats.
func dropUnfixed(res *scanner.Result) int {
	n := 0
	res.Findings = slices.DeleteFunc(res.Findings, func(f scanner.Finding) bool {
		unfixed := f.Scanner == scanner.KindDeps && f.Package != nil && f.Package.Fix == "" && len(f.Package.FixedVersions) == 0
		if unfixed {
			n++
		}
		return unfixed
	})
	for i := range res.Scanners {
		if res.Scanners[i].Name == scanner.KindDeps {
			if res.Scanners[i].Extra == nil {
				res.Scanners[i].Extra = map[string]any{}
			}
			res.Scanners[i].Extra["ignored_unfixed"] = n
			res.Scanners[i].Findings -= n
		}
	}
	return n
}

// reportedOnly is res with only the findings of the kept severities, for
// the reports; nil keep returns res itself.
func reportedOnly(res *scanner.Result, keep map[scanner.Severity]bool) *scanner.Result {
	if keep == nil {
		return res
	}
	out := *res
	out.Findings = slices.DeleteFunc(slices.Clone(res.Findings), func(f scanner.Finding) bool { return !keep[f.Severity] })
	return &out
}

func severityNote(res, shown *scanner.Result) string {
	if hidden := len(res.Findings) - len(shown.Findings); hidden > 0 {
		return fmt.Sprintf("tollgate: %d finding(s) of other severities not listed (--severity); the gate saw them all\n", hidden)
	}
	return ""
}
