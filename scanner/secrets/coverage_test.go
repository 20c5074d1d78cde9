package secrets

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The coverage tables (testdata/coverage/*.tsv) map every rule of
// gitleaks' default configuration and every trufflehog detector to the
// tollgate rule that finds the same credential format, or give the reason
// why none does. A row is
//
//	peer-id <TAB> tollgate-rule-id <TAB> sample [<TAB> path]
//	peer-id <TAB> reason: why not
//
// The sample is ours: a fake credential in the provider's real format,
// with \n and \t escaped; it is one of the rules' own true samples or
// carries one of fakeMarkers.

// fakeMarkers are the strings that make a sample visibly fake.
var fakeMarkers = []string{"t3st", "f4ke", "fa4e", "7357", "7e57"}

type coverageRow struct {
	line   int
	peer   string
	rule   string // empty when reason is set
	reason string
	sample string
	path   string
}

func readCoverage(t *testing.T, name string) []coverageRow {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "coverage", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows []coverageRow
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		r := coverageRow{line: n, peer: f[0]}
		if prev, ok := seen[r.peer]; ok {
			t.Errorf("%s:%d: %s already on line %d", name, n, r.peer, prev)
		}
		seen[r.peer] = n
		switch {
		case len(f) == 2 && strings.HasPrefix(f[1], "reason: ") && len(f[1]) > len("reason: ")+10:
			r.reason = strings.TrimPrefix(f[1], "reason: ")
		case len(f) == 3 || len(f) == 4:
			r.rule = f[1]
			r.sample = strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\t`, "\t").Replace(f[2])
			if len(f) == 4 {
				r.path = f[3]
			}
		default:
			t.Errorf("%s:%d: want peer<TAB>rule<TAB>sample[<TAB>path] or peer<TAB>reason: ...", name, n)
			continue
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// checkMapped checks that every mapped row names a tollgate rule and that
// the rule finds the row's fake sample with all built-in rules loaded.
func checkMapped(t *testing.T, name string, rows []coverageRow) (mapped, reasons int) {
	t.Helper()
	s := builtin(t)
	byID := map[string]*Rule{}
	fixtures := map[string]bool{} // the rules' own samples, already reviewed as fake
	for _, r := range s.Rules() {
		byID[r.ID] = r
		for _, tp := range r.TP {
			fixtures[tp] = true
		}
	}
	for _, row := range rows {
		if row.reason != "" {
			reasons++
			continue
		}
		mapped++
		r, ok := byID[row.rule]
		if !ok {
			t.Errorf("%s:%d: %s: no tollgate rule %q", name, row.line, row.peer, row.rule)
			continue
		}
		low := strings.ToLower(row.sample)
		if !fixtures[row.sample] && !slices.ContainsFunc(fakeMarkers, func(m string) bool { return strings.Contains(low, m) }) {
			t.Errorf("%s:%d: %s: sample carries none of the fake markers %q", name, row.line, row.peer, fakeMarkers)
		}
		p := row.path
		if p == "" {
			p = samplePath(r)
		}
		if got := ruleIDs(scanOne(t, s, p, row.sample)); !slices.Contains(got, row.rule) {
			t.Errorf("%s:%d: %s: %s does not find the sample (got %v)", name, row.line, row.peer, row.rule, got)
		}
	}
	return mapped, reasons
}

// gitleaksDefaultConfig is gitleaks' default configuration from the Go
// module cache, or "" when no gitleaks v8 module is there.
func gitleaksDefaultConfig(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	found, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "github.com/zricethezav/gitleaks/v8@v8.*/config/gitleaks.toml"))
	if len(found) == 0 {
		return ""
	}
	slices.Sort(found)
	return found[len(found)-1] // a close enough "newest": v8.30 sorts after v8.3
}

// TestCoverageGitleaks checks the gitleaks table: every mapped sample is
// found by its tollgate rule; with gitleaks' default configuration in the
// module cache, also that the table has a row for each of its rules (and
// none for a rule it does not have) and that each sample is in gitleaks'
// format, i.e. gitleaks' own rule of that id finds it.
func TestCoverageGitleaks(t *testing.T) {
	const name = "gitleaks.tsv"
	rows := readCoverage(t, name)
	mapped, reasons := checkMapped(t, name, rows)
	t.Logf("gitleaks: %d rows, %d mapped to a tollgate rule, %d not applicable", len(rows), mapped, reasons)

	cfg := gitleaksDefaultConfig(t)
	if cfg == "" {
		t.Skip("no gitleaks v8 module in the module cache: rows not checked against gitleaks' rules")
	}
	g, err := New(Options{DisableBuiltin: true, ExtraRuleFiles: []string{cfg}})
	if err != nil {
		t.Fatal(err)
	}
	theirs := map[string]*Rule{}
	for _, r := range g.Rules() {
		theirs[r.ID] = r
	}
	have := map[string]bool{}
	for _, row := range rows {
		have[row.peer] = true
		r, ok := theirs[row.peer]
		if !ok {
			t.Errorf("%s:%d: %s is not a rule of %s", name, row.line, row.peer, cfg)
			continue
		}
		if row.reason != "" {
			continue
		}
		p := row.path
		if p == "" {
			p = "src/settings.conf"
		}
		if got := ruleIDs(scanOne(t, g, p, row.sample)); !slices.Contains(got, r.ID) {
			t.Errorf("%s:%d: gitleaks' %s does not find the sample: not its format (got %v)", name, row.line, r.ID, got)
		}
	}
	for _, r := range g.Rules() {
		if !have[r.ID] {
			t.Errorf("%s: no row for gitleaks rule %s", name, r.ID)
		}
	}
	t.Logf("%s: %d rules", cfg, len(theirs))
}

// TestCoverageTrufflehog checks the trufflehog table: one row per
// detector of trufflehog's default engine, each mapped to a tollgate rule
// that finds the row's sample, or with a reason.
func TestCoverageTrufflehog(t *testing.T) {
	const name = "trufflehog.tsv"
	rows := readCoverage(t, name)
	if len(rows) < 800 {
		t.Errorf("%s: %d rows; trufflehog's default engine has over 800 detectors", name, len(rows))
	}
	mapped, reasons := checkMapped(t, name, rows)
	t.Logf("trufflehog: %d detectors, %d mapped to a tollgate rule, %d not applicable", len(rows), mapped, reasons)
}
