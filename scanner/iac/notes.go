package iac

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// instanceKeys are the [0] / ["eu"] parts of a module address.
var instanceKeys = regexp.MustCompile(`\[[^\]]*\]`)

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
	if ms := dedupeStrings(s.stats.modulesNotEvaluated); len(ms) > 0 {
		out = append(out, fmt.Sprintf("%d Terraform module call(s) not evaluated, their resources are not checked (run terraform init before the scan to download registry and git modules): %s",
			len(ms), listPaths(ms)))
	}
	return out
}

// unresolvedModules lists the module calls a terraform document could not
// evaluate, as "path:line module.x (source): reason".
func unresolvedModules(d Document) []string {
	ms, _ := d.Value["unresolved_modules"].([]any)
	var out []string
	for _, m := range ms {
		mm, ok := m.(map[string]any)
		if !ok {
			continue
		}
		loc, _ := mm["__loc"].(map[string]any)
		addr, _ := mm["address"].(string)
		out = append(out, fmt.Sprintf("%v:%v %s (%v): %v", loc["path"], loc["start_line"], instanceKeys.ReplaceAllString(addr, ""), mm["source"], mm["reason"]))
	}
	return out
}

// dedupeStrings sorts and drops repeats: a module called from a counted
// module is reported once, not once per instance.
func dedupeStrings(in []string) []string {
	out := append([]string(nil), in...)
	sort.Strings(out)
	return slices.Compact(out)
}

func listPaths(ps []string) string {
	ps = append([]string(nil), ps...)
	sort.Strings(ps)
	if len(ps) > maxNotePaths {
		return strings.Join(ps[:maxNotePaths], ", ") + fmt.Sprintf(", … and %d more", len(ps)-maxNotePaths)
	}
	return strings.Join(ps, ", ")
}
