package iac

import (
	"fmt"
	"sort"
	"strings"
)

// maxNotePaths bounds the paths one note names; the count is always exact.
const maxNotePaths = 5

// notes are what the scanner could not look at although it was asked to,
// said once per scan in the stats ("notes") and in the table report: not
// findings (nothing is known to be wrong) and not errors (the scan is
// complete for everything else), but never silent. Callers hold s.mu.
func (s *Scanner) notes() []string {
	var out []string
	if n := len(s.stats.skippedBicep); n > 0 {
		out = append(out, fmt.Sprintf("%d .bicep file(s) not scanned: no compiled .json beside them (run `bicep build`, or `az bicep build`, and scan the output): %s",
			n, listPaths(s.stats.skippedBicep)))
	}
	return out
}

func listPaths(ps []string) string {
	ps = append([]string(nil), ps...)
	sort.Strings(ps)
	if len(ps) > maxNotePaths {
		return strings.Join(ps[:maxNotePaths], ", ") + fmt.Sprintf(", … and %d more", len(ps)-maxNotePaths)
	}
	return strings.Join(ps, ", ")
}
