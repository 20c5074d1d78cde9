package deps

import (
	"testing"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/tollgate-dev/tollgate/scanner"
)

func vuln(t *testing.T, js string) *osvschema.Vulnerability {
	t.Helper()
	v := &osvschema.Vulnerability{}
	if err := protojson.Unmarshal([]byte(js), v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSmallestFixAbove(t *testing.T) {
	tests := []struct {
		eco       string
		fixed     []string
		installed string
		want      string
	}{
		{"npm", []string{"1.2.3", "2.0.1"}, "1.0.0", "1.2.3"},
		{"npm", []string{"1.2.3", "2.0.1"}, "2.0.0", "2.0.1"},
		{"npm", []string{"1.2.3"}, "1.2.3", ""},
		{"PyPI", []string{"3.2.1", "3.1.10"}, "3.1.2", "3.1.10"}, // version order, not string order
		{"Maven", []string{"2.9.10.4", "2.9.10"}, "2.9.8", "2.9.10"},
		{"Go", []string{"0.0.0-20210520170846-37e1c6afe023"}, "0.0.0-20200114155413-6afb5195e5aa", "0.0.0-20210520170846-37e1c6afe023"},
	}
	for _, tt := range tests {
		d := dep{ecosystem: tt.eco, name: "p", version: tt.installed}
		var evs string
		for i, f := range tt.fixed {
			if i > 0 {
				evs += ","
			}
			evs += `{"introduced":"0"},{"fixed":"` + f + `"}`
		}
		v := vuln(t, `{"id":"X-1","affected":[{"package":{"ecosystem":"`+tt.eco+`","name":"p"},"ranges":[{"type":"ECOSYSTEM","events":[`+evs+`]}]}]}`)
		o := newVersionOrder(tt.eco)
		fixed := fixedVersions([]*osvschema.Vulnerability{v}, d, o)
		if got := smallestFixAbove(fixed, tt.installed, o); got != tt.want {
			t.Errorf("%s %v above %s = %q, want %q", tt.eco, fixed, tt.installed, got, tt.want)
		}
	}
}

func TestSeverityOf(t *testing.T) {
	d := dep{ecosystem: "npm", name: "p", version: "1.0.0"}
	tests := []struct {
		name  string
		js    string
		want  scanner.Severity
		score float64
	}{
		{"v3 vector", `{"id":"A","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}]}`, scanner.SeverityHigh, 7.5},
		{"highest of v3 and v4", `{"id":"A","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"},{"type":"CVSS_V4","score":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}]}`, scanner.SeverityCritical, 9.3},
		{"v2 fallback", `{"id":"A","severity":[{"type":"CVSS_V2","score":"AV:N/AC:L/Au:N/C:P/I:P/A:P"}]}`, scanner.SeverityHigh, 7.5},
		{"per-package vector", `{"id":"A","affected":[{"package":{"ecosystem":"npm","name":"p"},"severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L"}]}]}`, scanner.SeverityMedium, 4.2},
		{"bad vector falls back to word", `{"id":"A","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/garbage"}],"database_specific":{"severity":"MODERATE"}}`, scanner.SeverityMedium, 0},
		{"ecosystem word", `{"id":"A","affected":[{"package":{"ecosystem":"npm","name":"p"},"ecosystem_specific":{"severity":"HIGH"}}]}`, scanner.SeverityHigh, 0},
		{"nothing", `{"id":"A"}`, scanner.SeverityUnknown, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sev, score, _ := severityOf([]*osvschema.Vulnerability{vuln(t, tt.js)}, d)
			if sev != tt.want || score != tt.score {
				t.Errorf("got %s %.1f, want %s %.1f", sev, score, tt.want, tt.score)
			}
		})
	}
}

func TestAliasGroupsAndPrimaryID(t *testing.T) {
	vs := []*osvschema.Vulnerability{
		vuln(t, `{"id":"GHSA-aaaa-aaaa-aaaa","aliases":["CVE-2020-1"]}`),
		vuln(t, `{"id":"PYSEC-2020-1","aliases":["CVE-2020-1","GHSA-aaaa-aaaa-aaaa"]}`),
		vuln(t, `{"id":"CVE-2020-2"}`),
		vuln(t, `{"id":"GHSA-bbbb-bbbb-bbbb","aliases":["CVE-2020-2"]}`),
		vuln(t, `{"id":"GHSA-cccc-cccc-cccc"}`),
	}
	var got [][]string
	for _, g := range aliasGroups(vs) {
		var ids []string
		for _, v := range g {
			ids = append(ids, v.GetId())
		}
		got = append(got, ids)
	}
	want := [][]string{
		{"PYSEC-2020-1", "GHSA-aaaa-aaaa-aaaa"},
		{"GHSA-bbbb-bbbb-bbbb", "CVE-2020-2"},
		{"GHSA-cccc-cccc-cccc"},
	}
	if len(got) != len(want) {
		t.Fatalf("groups = %v, want %v", got, want)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("groups = %v, want %v", got, want)
		}
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Fatalf("groups = %v, want %v", got, want)
			}
		}
	}
}
