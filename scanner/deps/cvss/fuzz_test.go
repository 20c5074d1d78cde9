package cvss_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps/cvss"
)

// FuzzScore: vectors come from advisory data we do not control; Score
// must never panic and must stay within 0..10.
func FuzzScore(f *testing.F) {
	for _, s := range []string{
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N/E:U/CR:L/MSI:S",
		"AV:N/AC:L/Au:N/C:P/I:P/A:P",
		"(AV:L/AC:H/Au:M/C:N/I:N/A:C)",
		"CVSS:3.1/",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		_, s, err := cvss.Score(v)
		if err == nil && (s < 0 || s > 10) {
			t.Errorf("Score(%q) = %v out of range", v, s)
		}
	})
}
