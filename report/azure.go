package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// azureWriter prints Azure Pipelines logging commands: one
// ##vso[task.logissue] per finding, so each shows in the run's summary and
// on the build's Issues list with its file and line. Denied findings are
// errors, the rest warnings; excepted findings are left out (counted in a
// closing line). The task's result is left to tollgate's exit code.
type azureWriter struct{}

func (azureWriter) Write(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	denied := r.denied()
	excepted := 0
	for _, e := range r.Result.Errors {
		fmt.Fprintf(ew, "##vso[task.logissue type=error;code=%s]%s\n", vsoProp("scanner-error/"+e.Scanner), vsoMsg(e.Scanner+": "+e.Err.Error()))
	}
	for _, f := range r.bySeverity() {
		if f.Suppressed() {
			excepted++
			continue
		}
		typ := "warning"
		if _, ok := denied[f.Fingerprint]; ok {
			typ = "error"
		}
		fmt.Fprintf(ew, "##vso[task.logissue type=%s;sourcepath=%s", typ, vsoProp(f.Location.Path))
		if f.Location.StartLine > 0 {
			fmt.Fprintf(ew, ";linenumber=%d", f.Location.StartLine)
		}
		if f.Location.StartColumn > 0 {
			fmt.Fprintf(ew, ";columnnumber=%d", f.Location.StartColumn)
		}
		fmt.Fprintf(ew, ";code=%s]%s\n", vsoProp(f.RuleID), vsoMsg(azureMessage(*f)))
	}
	for _, d := range r.Decision.Deny {
		if len(d.Fingerprints) == 0 { // a reason with no finding behind it (expired exception, scanner error)
			fmt.Fprintf(ew, "##vso[task.logissue type=error;code=%s]%s\n", vsoProp(d.Rule), vsoMsg(d.Msg))
		}
	}
	verdict := "passed"
	if !r.Decision.Pass {
		verdict = "failed"
	}
	fmt.Fprintf(ew, "tollgate: gate %s (fail-on %s): %d finding(s), %d denied reason(s), %d excepted\n",
		verdict, r.FailOn, len(r.Result.Findings), len(r.Decision.Deny), excepted)
	return ew.err
}

func azureMessage(f scanner.Finding) string {
	return fmt.Sprintf("%s %s [%s] %s", f.Severity, f.Scanner, f.RuleID, title(f))
}

// vsoMsg escapes a logging command's message: a newline would end the
// command and let file content forge a second one, and "##" (the start of
// every logging and formatting command) is split so that no agent can read
// one inside the text.
func vsoMsg(s string) string {
	return strings.NewReplacer("%", "%AZP25", "\r", "%0D", "\n", "%0A", "##", "# #").Replace(s)
}

// vsoProp escapes a property value, where ';' and ']' are delimiters too.
func vsoProp(s string) string {
	return strings.NewReplacer("%", "%AZP25", "\r", "%0D", "\n", "%0A", ";", "%3B", "]", "%5D", "##", "# #").Replace(s)
}
