package iac

import (
	"context"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

// newCoverageChecks are the cloud checks added for the concerns trivy,
// checkov and KICS cover (docs/iac.md, "Coverage against peers").
var newCoverageChecks = map[string]bool{
	"TG-AWS-0132": true, "TG-AWS-0133": true, "TG-AWS-0134": true, "TG-AWS-0135": true, "TG-AWS-0136": true,
	"TG-AWS-0137": true, "TG-AWS-0138": true, "TG-AWS-0139": true, "TG-AWS-0140": true,
	"TG-GCP-0044": true, "TG-GCP-0045": true, "TG-AZURE-0041": true, "TG-AZURE-0042": true,
}

// TestCoverageFixtures scans testdata/iac/coverage: every new cloud check
// fires on its resource in bad/ (Terraform and, for AWS, CloudFormation),
// at the exact line, and none fires on good/.
func TestCoverageFixtures(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := scanner.Run(context.Background(), filepath.Join("..", "..", "testdata", "iac", "coverage"), []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if newCoverageChecks[f.RuleID] {
			got = append(got, f.Location.Path+":"+strconv.Itoa(f.Location.StartLine)+" "+f.RuleID)
		}
	}
	sort.Strings(got)
	want := []string{
		"bad/main.tf:3 TG-AWS-0132", "bad/main.tf:10 TG-AWS-0133", "bad/main.tf:15 TG-AWS-0134",
		"bad/main.tf:18 TG-AWS-0135", "bad/main.tf:27 TG-AWS-0136", "bad/main.tf:33 TG-AWS-0137",
		"bad/main.tf:42 TG-AWS-0138", "bad/main.tf:47 TG-AWS-0139", "bad/main.tf:57 TG-AWS-0140",
		"bad/main.tf:63 TG-GCP-0044", "bad/main.tf:66 TG-GCP-0045", "bad/main.tf:78 TG-AZURE-0041",
		"bad/main.tf:88 TG-AZURE-0042",
		"bad/stack.yaml:4 TG-AWS-0132", "bad/stack.yaml:8 TG-AWS-0133", "bad/stack.yaml:15 TG-AWS-0134",
		"bad/stack.yaml:16 TG-AWS-0135", "bad/stack.yaml:20 TG-AWS-0136", "bad/stack.yaml:29 TG-AWS-0137",
		"bad/stack.yaml:36 TG-AWS-0138", "bad/stack.yaml:41 TG-AWS-0139", "bad/stack.yaml:48 TG-AWS-0140",
	}
	sort.Strings(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings of the new checks (-want +got):\n%s", d)
	}
	for _, g := range got {
		if strings.HasPrefix(g, "good/") {
			t.Errorf("finding on the good fixture: %s", g)
		}
	}
}
