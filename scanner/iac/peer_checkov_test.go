package iac

import (
	"regexp"
	"strings"
	"testing"
)

// checkovRow is a row of testdata/peer-ids/checkov.tsv.
type checkovRow struct {
	id, name, path string
	types          []string
	ours           string
	line           int
}

func loadCheckovTable(t *testing.T) []checkovRow {
	t.Helper()
	var out []checkovRow
	for _, r := range readPeerTable(t, "checkov.tsv", 5, "id, name, path, resource types and tollgate id") {
		out = append(out, checkovRow{id: r.f[0], name: r.f[1], path: r.f[2], types: strings.Fields(r.f[3]), ours: r.f[4], line: r.line})
	}
	return out
}

// checkovIDGroup is the tollgate check group each checkov id family
// belongs to.
var checkovIDGroup = regexp.MustCompile(`^CKV2?_(AWS|AZURE|GCP|K8S|DOCKER|GHA)_\d+$`)

var checkovFamilyGroup = map[string]string{
	"AWS": "aws", "AZURE": "azure", "GCP": "gcp", "K8S": "kubernetes", "DOCKER": "dockerfile", "GHA": "github",
}

var kindRe = regexp.MustCompile(`^[A-Z][A-Za-z]+$`)

// checkovTypeGroup is the check group a resource type of the table names:
// terraform, CloudFormation and ARM types by provider, "dockerfile:" and
// "github:" entities, and Kubernetes kinds (capitalised, nothing else).
func checkovTypeGroup(typ string) string {
	switch {
	case strings.HasPrefix(typ, "aws_"), strings.HasPrefix(typ, "AWS::"), typ == "provider:aws":
		return "aws"
	case strings.HasPrefix(typ, "azurerm_"), strings.HasPrefix(typ, "Microsoft."):
		return "azure"
	case strings.HasPrefix(typ, "google_"):
		return "gcp"
	case strings.HasPrefix(typ, "dockerfile:"):
		return "dockerfile"
	case strings.HasPrefix(typ, "github:"):
		return "github"
	case kindRe.MatchString(typ):
		return "kubernetes"
	}
	return ""
}

// TestPeerIDsCheckov keeps the checkov ids of the METADATA equal to the
// reviewed table testdata/peer-ids/checkov.tsv: every (checkov id,
// tollgate check) pair carried has a row and every row is carried; the id
// family, the resource types checkov declares and the tollgate check agree
// on the platform; and where the tollgate check names resource types in
// its source, checkov's check covers at least one of them. checkov is not
// in the module cache (it is Python), so the table, read from checkov's
// source, is the reference; an id that could not be read there is not
// carried (testdata/peer-ids/dropped.tsv).
func TestPeerIDsCheckov(t *testing.T) {
	rows := loadCheckovTable(t)
	byPair := map[string]checkovRow{}
	for _, r := range rows {
		k := r.id + " " + r.ours
		if _, dup := byPair[k]; dup {
			t.Errorf("checkov.tsv:%d: %s listed twice", r.line, k)
		}
		byPair[k] = r
	}
	checks := map[string]peerCheck{}
	used := map[string]bool{}
	for _, o := range builtinPeerChecks(t) {
		checks[o.meta.ID] = o
		for _, id := range o.meta.Peers.Checkov {
			k := id + " " + o.meta.ID
			if _, ok := byPair[k]; !ok {
				t.Errorf("%s carries %s, which checkov.tsv does not list for it: verify it against checkov's source and add a row, or drop it", o.meta.ID, id)
			}
			used[k] = true
		}
	}
	for _, r := range rows {
		o, ok := checks[r.ours]
		switch {
		case !ok:
			t.Errorf("checkov.tsv:%d: no check %s", r.line, r.ours)
			continue
		case !used[r.id+" "+r.ours]:
			t.Errorf("checkov.tsv:%d: %s does not carry %s; remove the row", r.line, r.ours, r.id)
		}
		m := checkovIDGroup.FindStringSubmatch(r.id)
		if m == nil || checkovFamilyGroup[m[1]] != o.group {
			t.Errorf("checkov.tsv:%d: %s is not a checkov id of %s's platform (%s)", r.line, r.id, r.ours, o.group)
		}
		var shared bool
		var named bool // the row names terraform/CloudFormation/ARM types
		for _, typ := range r.types {
			if g := checkovTypeGroup(typ); g != o.group {
				t.Errorf("checkov.tsv:%d: %s declares %q, not a %s resource like %s's", r.line, r.id, typ, o.group, r.ours)
			}
			if resourceTypeRe.MatchString(`"` + typ + `"`) {
				named = true
				shared = shared || o.types[typ]
			}
		}
		if named && len(o.types) > 0 && !shared {
			t.Errorf("checkov.tsv:%d: %s (%q) covers %v, none of which %s reads (%v)", r.line, r.id, r.name, r.types, r.ours, sortedKeys(o.types))
		}
	}
}
