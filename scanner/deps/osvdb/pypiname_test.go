package osvdb_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// pep503Sep and pep503 are the regexp form PyPIName replaces (osv-scalibr's).
var pep503Sep = regexp.MustCompile(`[-_.]+`)

func pep503(name string) string { return pep503Sep.ReplaceAllLiteralString(strings.ToLower(name), "-") }

var pypiNames = []string{"", "django", "Django", "zope.interface", "Zope_Interface", "a--b", "a-_.-b", "-a-", "--", "_", ".",
	"a-", "a.", "-", "a-b-c", "a_b.c-d", "ÄBC_déf", "bad\xff_utf8", "x\u2028.y", "İstanbul-Lib", "A---B___C...D"}

func TestPyPIName(t *testing.T) {
	for _, name := range pypiNames {
		if got, want := osvdb.PyPIName(name), pep503(name); got != want {
			t.Errorf("PyPIName(%q) = %q, the regexp gives %q", name, got, want)
		}
	}
	if got := osvdb.NameKey("PyPI", "Zope_Interface"); got != "zope-interface" {
		t.Errorf("NameKey = %q", got)
	}
	if got := osvdb.NameKey("npm", "Zope_Interface"); got != "zope_interface" {
		t.Errorf("NameKey for npm = %q (no PEP 503 outside PyPI)", got)
	}
}

func FuzzPyPIName(f *testing.F) {
	for _, name := range pypiNames {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := osvdb.PyPIName(name), pep503(name); got != want {
			t.Errorf("PyPIName(%q) = %q, the regexp gives %q", name, got, want)
		}
	})
}
