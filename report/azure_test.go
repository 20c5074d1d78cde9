package report_test

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestAzureCommandsCannotBeForged: text from scanned files (paths, titles of
// user checks) can hold newlines and "##vso[" — neither may start a logging
// command of its own or break out of a property.
func TestAzureCommandsCannotBeForged(t *testing.T) {
	r := fixture()
	r.Result.Findings = append(r.Result.Findings, scanner.Finding{Scanner: "iac", RuleID: "USER]x;y", Severity: scanner.SeverityHigh,
		Title:    "evil\n##vso[task.setvariable variable=TOKEN]stolen\r\n##vso[task.complete result=Succeeded;]100%",
		Location: scanner.Location{Path: "a;b]c\n##vso[task.uploadfile]x.yaml", StartLine: 3}, Fingerprint: "evil"})
	out := string(render(t, "azure", r))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want 6 (5 commands + summary):\n%s", len(lines), out)
	}
	for _, l := range lines[:5] {
		if !strings.HasPrefix(l, "##vso[task.logissue type=") || strings.Count(l, "##vso[") != 1 {
			t.Errorf("forged or broken command: %q", l)
		}
	}
	for _, want := range []string{"sourcepath=a%3Bb%5Dc%0A# #vso", "code=USER%5Dx%3By]", "%0D%0A# #vso", "100%AZP25"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
