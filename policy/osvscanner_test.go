package policy_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

func TestParseOSVScannerConfig(t *testing.T) {
	src := `GoVersionOverride = "1.22.4"

[[IgnoredVulns]]
id = "GO-2022-0001"
reason = "no expiry: permanent, as in osv-scanner"

[[IgnoredVulns]]
id = "CVE-2021-23337"
ignoreUntil = 2026-11-24

[[PackageOverrides]]
name = "minimist"
ecosystem = "npm"
vulnerability.ignore = true
effectiveUntil = 2027-01-01T00:00:00Z

[[PackageOverrides]]
name = "@types/.*"
nameIsRegex = true
group = "dev"
ignore = true

[[PackageOverrides]]
name = "left-pad"
license.ignore = true
`
	c, err := policy.ParseOSVScannerConfig("osv-scanner.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.GoVersionOverride != "1.22.4" || c.Skipped != 1 || len(c.Exceptions.Entries) != 4 {
		t.Fatalf("config = %+v, %d entries", c, len(c.Exceptions.Entries))
	}
	es := c.Exceptions.Entries
	if es[0].Expires != nil || es[0].Source != "osv-scanner.toml:IgnoredVulns[0]" {
		t.Errorf("permanent ignore: %+v", es[0])
	}
	if want := time.Date(2026, 11, 24, 23, 59, 59, 0, time.UTC); es[1].Expires == nil || !es[1].Expires.Equal(want) || es[1].Reason == "" {
		t.Errorf("dated ignore: %+v, want expiry %s and a default reason", es[1], want)
	}

	lodash := depFinding("GHSA-35jh-r3h4-6jhm", []string{"CVE-2021-23337"}, "lodash", "4.17.20")
	minimist := depFinding("GHSA-xvch-5gv4-984h", nil, "minimist", "1.2.5")
	types := depFinding("GHSA-0000-0000-0000", nil, "@types/node", "1.0.0")
	typesDev := types
	typesDev.Package = &scanner.Package{Ecosystem: "npm", Name: "@types/node", Version: "1.0.0", Dev: true}
	pypiMinimist := minimist
	pypiMinimist.Package = &scanner.Package{Ecosystem: "PyPI", Name: "minimist", Version: "1.2.5"}
	secret := finding("GO-2022-0001", scanner.SeverityHigh, "a.env") // same id, other scanner: ids are global
	res := result(lodash, minimist, types, typesDev, pypiMinimist, secret)
	in := policy.BuildInput(res, policy.InputOptions{Config: policy.DefaultConfig(), Now: now, Exceptions: c.Exceptions})
	got := map[string]string{}
	for i, f := range in.Findings {
		state := "open"
		if f.Exception != nil {
			state = f.Exception.Source
			if f.Exception.Expired {
				state += " (expired)"
			}
		}
		got[[]string{"lodash", "minimist", "types", "types-dev", "pypi-minimist", "secret"}[i]] = state
	}
	want := map[string]string{
		"lodash":        "osv-scanner.toml:IgnoredVulns[1] (expired)",
		"minimist":      "osv-scanner.toml:PackageOverrides[0]",
		"types":         "open", // group = "dev" and the package is not dev-only
		"types-dev":     "osv-scanner.toml:PackageOverrides[1]",
		"pypi-minimist": "open", // other ecosystem
		"secret":        "osv-scanner.toml:IgnoredVulns[0]",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %s, want %s", k, got[k], w)
		}
	}
}

func TestParseOSVScannerConfigErrors(t *testing.T) {
	tests := map[string]struct{ src, want string }{
		"unknown key":   {"[[IgnoredVulns]]\nid = \"X\"\nignoreUnitl = 2027-01-01\n", "IgnoredVulns.ignoreUnitl"},
		"no id":         {"[[IgnoredVulns]]\nreason = \"r\"\n", "IgnoredVulns[0]: id is required"},
		"bad regex":     {"[[PackageOverrides]]\nname = \"(\"\nnameIsRegex = true\nignore = true\n", "PackageOverrides[0]: name"},
		"unknown group": {"[[PackageOverrides]]\nname = \"x\"\ngroup = \"optional\"\nignore = true\n", "group \"optional\""},
		"not toml":      {"[[IgnoredVulns]\n", "osv-scanner.toml"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := policy.ParseOSVScannerConfig("osv-scanner.toml", []byte(tt.src))
			if !errors.Is(err, policy.ErrInvalidExceptions) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
