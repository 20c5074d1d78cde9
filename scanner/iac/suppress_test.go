package iac

import (
	"context"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

// TestSuppressionForms is the table of every inline suppression form:
// each peer tool's comment with each of its id spellings, its scope, and
// the near misses that must not silence anything.
func TestSuppressionForms(t *testing.T) {
	peers := PeerIDs{
		Trivy:   []string{"AVD-AWS-0107"},
		Checkov: []string{"CKV_AWS_24"},
		KICS:    []string{"65905cec-d691-4320-b320-2000436cb696"},
	}
	now := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	// a terraform resource on lines 2-6; the finding is on line 4
	tf := func(above, inside, after string) string {
		return "# header\n" + above + "resource \"aws_security_group\" \"sg\" {\n  name = \"x\"\n" + inside +
			"  cidr = \"0.0.0.0/0\"\n}\n" + after
	}
	cases := []struct {
		name  string
		path  string
		src   string
		start int // finding line
		block int // block_start_line
		want  bool
	}{
		{"tollgate id on the line above", "a.tf", tf("", "  # tollgate:ignore:TG-AWS-0010\n", ""), 5, 3, true},
		{"tollgate form accepts a peer id", "a.tf", tf("", "  # tollgate:ignore:CKV_AWS_24\n", ""), 5, 3, true},
		{"trivy AVD id above the block", "a.tf", tf("#trivy:ignore:AVD-AWS-0107\n", "", ""), 5, 3, true},
		{"trivy short id", "a.tf", tf("", "  # trivy:ignore:AWS-0107\n", ""), 5, 3, true},
		{"trivy lower-case short id", "a.tf", tf("", "  # trivy:ignore:aws-0107\n", ""), 5, 3, true},
		{"trivy // comment", "a.tf", tf("", "  // trivy:ignore:AVD-AWS-0107\n", ""), 5, 3, true},
		{"trivy several ids", "a.tf", tf("", "  # trivy:ignore:AVD-AWS-0001,AVD-AWS-0107\n", ""), 5, 3, true},
		{"tfsec prefix", "a.tf", tf("", "  # tfsec:ignore:AWS-0107\n", ""), 5, 3, true},
		{"trivy expiry in the future", "a.tf", tf("", "  # trivy:ignore:AVD-AWS-0107:exp:2027-12-31\n", ""), 5, 3, true},
		{"trivy expiry passed", "a.tf", tf("", "  # trivy:ignore:AVD-AWS-0107:exp:2026-12-31\n", ""), 5, 3, false},
		{"trivy other id", "a.tf", tf("", "  # trivy:ignore:AVD-AWS-0104\n", ""), 5, 3, false},
		{"trivy form does not take a checkov id", "a.tf", tf("", "  # trivy:ignore:CKV_AWS_24\n", ""), 5, 3, false},
		{"trivy comment two lines above", "a.tf", "#trivy:ignore:AVD-AWS-0107\n\nresource \"x\" \"y\" {\n  a = 1\n  cidr = 1\n}\n", 5, 3, false},
		{"checkov skip inside the resource", "a.tf", tf("", "  # checkov:skip=CKV_AWS_24: reviewed\n", ""), 5, 3, true},
		{"checkov skip after the attribute", "a.tf", "resource \"aws_security_group\" \"sg\" {\n  cidr = 1\n  # checkov:skip=CKV_AWS_24\n}\n", 2, 1, true},
		{"checkov skip in another resource", "a.tf", "resource \"a\" \"b\" {\n  # checkov:skip=CKV_AWS_24\n}\nresource \"aws_security_group\" \"sg\" {\n  cidr = 1\n}\n", 5, 4, false},
		{"checkov skip in a resource whose first line has a comment", "a.tf", "resource \"a\" \"b\" {\n}\nresource \"aws_security_group\" \"sg\" { # web tier\n  # checkov:skip=CKV_AWS_24\n  cidr = 1\n}\n", 5, 3, true},
		{"checkov skip in the resource before one whose first line has a comment", "a.tf", "resource \"a\" \"b\" {\n  # checkov:skip=CKV_AWS_24\n}\nresource \"aws_security_group\" \"sg\" { // web tier\n  cidr = 1\n}\n", 5, 4, false},
		{"checkov other id", "a.tf", tf("", "  # checkov:skip=CKV_AWS_25\n", ""), 5, 3, false},
		{"checkov TG id", "a.tf", tf("", "  # checkov:skip=TG-AWS-0010:ok\n", ""), 5, 3, true},
		{"kics ignore-line", "a.tf", tf("", "  # kics-scan ignore-line\n", ""), 5, 3, true},
		{"kics ignore-line not adjacent", "a.tf", "# kics-scan ignore-line\nresource \"x\" \"y\" {\n  a = 1\n  cidr = 1\n}\n", 4, 2, false},
		{"kics ignore-block", "a.tf", tf("# kics-scan ignore-block\n", "", ""), 5, 3, true},
		{"kics ignore-block of another block", "a.tf", "# kics-scan ignore-block\nresource \"a\" \"b\" {\n}\nresource \"x\" \"y\" {\n  cidr = 1\n}\n", 5, 4, false},
		{"kics disable by query id", "a.tf", "# kics-scan disable=65905cec-d691-4320-b320-2000436cb696\n" + tf("", "", ""), 6, 4, true},
		{"kics disable other query", "a.tf", "# kics-scan disable=00000000-d691-4320-b320-2000436cb696\n" + tf("", "", ""), 6, 4, false},
		{"no comment", "a.tf", tf("", "", ""), 5, 3, false},
		{"checkov k8s annotation", "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    checkov.io/skip1: CKV_AWS_24=reason\nspec:\n  hostPID: true\n", 8, 7, true},
		{"checkov k8s annotation of another document", "pod.yaml", "kind: Pod\nmetadata:\n  annotations:\n    checkov.io/skip1: CKV_AWS_24\n---\nkind: Pod\nspec:\n  hostPID: true\n", 8, 7, false},
		{"checkov CloudFormation metadata", "stack.yaml", "Resources:\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Metadata:\n      checkov:\n        skip:\n          - id: \"CKV_AWS_24\"\n            comment: ok\n    Properties:\n      CidrIp: 0.0.0.0/0\n  Other:\n    Type: X\n", 10, 9, true},
		{"checkov CloudFormation metadata of another resource", "stack.yaml", "Resources:\n  Other:\n    Type: X\n    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_24\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      CidrIp: 0.0.0.0/0\n", 11, 10, false},
		{"checkov anywhere in a Dockerfile", "Dockerfile", "#checkov:skip=CKV_AWS_24:reason\nFROM alpine:3\nRUN x\n", 3, 2, true},
		{"kics ignore-block in YAML", "stack.yaml", "Resources:\n  # kics-scan ignore-block\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      CidrIp: 0.0.0.0/0\n  Other:\n    Type: X\n", 6, 5, true},
		{"kics ignore-block ends with the YAML block", "stack.yaml", "Resources:\n  # kics-scan ignore-block\n  Other:\n    Type: X\n  SG:\n    Type: AWS::EC2::SecurityGroup\n", 6, 5, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := scanner.Finding{RuleID: "TG-AWS-0010", Location: scanner.Location{Path: c.path, StartLine: c.start},
				Properties: map[string]any{"block_start_line": c.block}}
			ig := parseIgnores(c.path, []byte(c.src), now)
			got := ig != nil && ig.suppressed(f, peers)
			if got != c.want {
				t.Errorf("suppressed = %v, want %v\n%s", got, c.want, c.src)
			}
		})
	}
}

// TestPeerSuppressionFixture scans testdata/iac/peer-suppress, where each
// annotated resource has an unannotated twin: the twin's finding stays, the
// annotated one's is gone, in every format and for every form.
func TestPeerSuppressionFixture(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := scanner.Run(context.Background(), filepath.Join("..", "..", "testdata", "iac", "peer-suppress"), []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	watched := map[string]bool{"TG-AWS-0010": true, "TG-AWS-0006": true, "TG-K8S-0011": true, "TG-DOCKER-0019": true}
	var got []string
	for _, f := range res.Findings {
		if watched[f.RuleID] {
			got = append(got, f.Location.Path+" "+f.RuleID+" "+f.Evidence)
		}
		if f.RuleID == "TG-AWS-0010" {
			want := map[string][]string{"trivy": {"AVD-AWS-0107"}, "checkov": {"CKV_AWS_24"},
				"kics": {"65905cec-d691-4320-b320-2000436cb696", "6e856af2-62d7-4ba2-adc1-73b62cef9cc1"}}
			if d := cmp.Diff(want, f.Properties["peer_ids"]); d != "" {
				t.Errorf("peer_ids (-want +got):\n%s", d)
			}
			if len(f.Aliases) != 4 || f.Aliases[0] != "AVD-AWS-0107" {
				t.Errorf("aliases = %v", f.Aliases)
			}
		}
	}
	sort.Strings(got)
	want := []string{
		"Dockerfile.twin TG-DOCKER-0019 stage0/1",
		"pods.yaml TG-K8S-0011 Pod/default/twin",
		"stack.yaml TG-AWS-0006 Twin",
		"stack.yaml TG-AWS-0010 TwinSG",
		"main.tf TG-AWS-0006 aws_s3_bucket.twin",
		"main.tf TG-AWS-0010 aws_security_group.twin",
	}
	sort.Strings(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if n, _ := s.Stats()["suppressed_findings"].(int); n < 12 {
		t.Errorf("suppressed = %d, want at least 12 (one per annotated resource)", n)
	}
}

// TestPeerIDsMetadata: custom.peer_ids is read per tool, and an id in the
// wrong format is a load error naming the check, not a silently dead alias.
func TestPeerIDsMetadata(t *testing.T) {
	check := func(peers string) string {
		return "# METADATA\n# title: T\n# scope: package\n# custom:\n#   id: ACME-1\n#   severity: LOW\n#   frameworks: [kubernetes]\n" +
			peers + "package acme.t\n\ndeny contains 1 if false\n"
	}
	dir := t.TempDir()
	writeFile(t, dir, "ok/c.rego", check("#   peer_ids:\n#     trivy: [AVD-KSV-0017]\n#     checkov: [CKV_K8S_16, CKV2_K8S_6]\n#     kics: [dd29336b-fe57-445b-a26e-e6aa867ae609]\n"))
	cs, err := loadChecks([]string{filepath.Join(dir, "ok")}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := PeerIDs{Trivy: []string{"AVD-KSV-0017"}, Checkov: []string{"CKV_K8S_16", "CKV2_K8S_6"}, KICS: []string{"dd29336b-fe57-445b-a26e-e6aa867ae609"}}
	for _, m := range cs.metas {
		if m.ID == "ACME-1" {
			if d := cmp.Diff(want, m.Peers); d != "" {
				t.Errorf("peers (-want +got):\n%s", d)
			}
		}
	}
	for name, bad := range map[string]string{
		"short trivy id": "#   peer_ids:\n#     trivy: [AWS-0107]\n",
		"checkov typo":   "#   peer_ids:\n#     checkov: [CKV-AWS-24]\n",
		"unknown tool":   "#   peer_ids:\n#     tfsec: [aws-s3-x]\n",
		"not a map":      "#   peer_ids: [AVD-AWS-0107]\n",
	} {
		writeFile(t, dir, name+"/c.rego", check(bad))
		if _, err := loadChecks([]string{filepath.Join(dir, name)}, false); err == nil {
			t.Errorf("%s: loaded without error", name)
		}
	}
}
