package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

type junitWriter struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Write renders one suite for the gate (a failing case per deny reason,
// or one passing case) and one suite per scanner, where each finding is a
// case: failed when a deny reason names it, skipped when excepted, passed
// otherwise, and a scanner error is an errored case.
func (junitWriter) Write(w io.Writer, r *Report) error {
	doc := junitSuites{Name: "tollgate"}
	gate := junitSuite{Name: "tollgate.gate"}
	if r.Decision.Pass {
		gate.Cases = append(gate.Cases, junitCase{Name: "gate passed (fail-on " + r.FailOn + ")", Classname: "tollgate.gate"})
	}
	for _, d := range r.Decision.Deny {
		gate.Cases = append(gate.Cases, junitCase{Name: d.Msg, Classname: "tollgate.gate." + d.Rule,
			Failure: &junitFailure{Message: d.Msg, Type: d.Rule, Text: d.Policy}})
		gate.Failures++
	}
	for _, d := range r.Decision.Warn {
		// A warning does not fail the build; a skipped case keeps it
		// visible in the CI's test tab.
		gate.Cases = append(gate.Cases, junitCase{Name: "warning: " + d.Msg, Classname: "tollgate.gate." + d.Rule,
			Skipped: &junitSkipped{Message: d.Msg}})
		gate.Skipped++
	}
	gate.Tests = len(gate.Cases)
	doc.Suites = append(doc.Suites, gate)

	denied := r.denied()
	errs := map[string]string{}
	for _, e := range r.Result.Errors {
		errs[e.Scanner] = e.Err.Error()
	}
	for _, name := range r.runNames() {
		s := junitSuite{Name: "tollgate." + name}
		if msg, ok := errs[name]; ok {
			s.Cases = append(s.Cases, junitCase{Name: name + " scanner", Classname: "tollgate." + name, Error: &junitFailure{Message: msg, Type: "scanner-error"}})
			s.Errors++
		}
		for _, f := range r.Result.Findings {
			if f.Scanner != name {
				continue
			}
			c := junitCase{Name: fmt.Sprintf("%s %s", f.RuleID, location(f.Location)), Classname: "tollgate." + name + "." + f.RuleID}
			switch rule, bad := denied[f.Fingerprint]; {
			case bad:
				c.Failure = &junitFailure{Message: title(f), Type: f.Severity.String(), Text: fmt.Sprintf("%s\ndenied by %s\nfingerprint %s", f.Description, rule, f.Fingerprint)}
				s.Failures++
			case f.Suppressed():
				c.Skipped = &junitSkipped{Message: suppressedNote(f)}
				s.Skipped++
			}
			s.Cases = append(s.Cases, c)
		}
		s.Tests = len(s.Cases)
		doc.Suites = append(doc.Suites, s)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
