package iac

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// droppedPeerID is a row of testdata/peer-ids/dropped.tsv: a peer id a
// built-in check carried before the ids were verified, and why it went.
type droppedPeerID struct {
	tool, ours, peer, why string
	line                  int
}

func loadDropped(t *testing.T) []droppedPeerID {
	t.Helper()
	var out []droppedPeerID
	for _, r := range readPeerTable(t, "dropped.tsv", 4, "tool, tollgate id, peer id and why") {
		out = append(out, droppedPeerID{tool: r.f[0], ours: r.f[1], peer: r.f[2], why: r.f[3], line: r.line})
	}
	return out
}

// TestPeerDroppedIDs: no check carries an id that was dropped as wrong
// (so the tool's annotation with it matches nothing of that check), and
// end to end, annotations with dropped ids leave the findings in place.
func TestPeerDroppedIDs(t *testing.T) {
	s, err := peerScanner()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]CheckMeta{}
	for _, m := range s.Checks() {
		byID[m.ID] = m
	}
	for _, d := range loadDropped(t) {
		m, ok := byID[d.ours]
		if !ok {
			t.Errorf("dropped.tsv:%d: no check %s", d.line, d.ours)
			continue
		}
		tool := map[string]string{"trivy": toolTrivy, "checkov": toolCheckov, "kics": toolKICS}[d.tool]
		if tool == "" {
			t.Errorf("dropped.tsv:%d: unknown tool %q", d.line, d.tool)
			continue
		}
		if matches(tool, d.peer, m.ID, m.Peers) {
			t.Errorf("dropped.tsv:%d: %s carries %s again (%s)", d.line, d.ours, d.peer, d.why)
		}
	}

	dir := filepath.Join("..", "..", "testdata", "iac", "peer-dropped")
	want := expectations(t, dir)
	if len(want) == 0 {
		t.Fatal("the fixture has no want markers")
	}
	_, got := scanDir(t, s, dir)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}

// TestPeerDocs keeps the peer-id counts of docs/iac.md (between the
// peer-ids markers) equal to the METADATA, the reviewed and dropped tables
// and the peers' collections; -update rewrites them.
func TestPeerDocs(t *testing.T) {
	ours := builtinPeerChecks(t)
	dropped := map[string]int{}
	for _, d := range loadDropped(t) {
		dropped[d.tool]++
	}
	carried := map[string]map[string]bool{} // tool -> distinct ids
	pairs := map[string]int{}               // tool -> (check, id) pairs
	checks := map[string]int{}              // tool -> checks with an id
	for _, o := range ours {
		for tool, ids := range map[string][]string{"trivy": o.meta.Peers.Trivy, "checkov": o.meta.Peers.Checkov, "kics": o.meta.Peers.KICS} {
			if len(ids) > 0 {
				checks[tool]++
			}
			for _, id := range ids {
				if carried[tool] == nil {
					carried[tool] = map[string]bool{}
				}
				carried[tool][id] = true
				pairs[tool]++
			}
		}
	}
	var b strings.Builder
	b.WriteString("<!-- peer-ids:begin -->\n")
	b.WriteString("| Peer | Checks with an id | Ids (distinct) | Mappings | Confirmed by the rule | Reviewed, with a reason | Dropped |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	rows := []struct{ tool, name, reviewed string }{
		{"trivy", "trivy (trivy-checks " + trivyChecksVersion + ")", "trivy-reviewed.tsv"},
		{"kics", "KICS (" + kicsVersion + ")", "kics-reviewed.tsv"},
		{"checkov", "checkov (no runnable examples: every id is a row of checkov.tsv)", ""},
	}
	for _, r := range rows {
		rev := len(loadCheckovTable(t))
		rule := "—"
		if r.reviewed != "" {
			rev = len(loadReviewed(t, r.reviewed).rows)
			rule = fmt.Sprint(pairs[r.tool] - rev)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s | %d | %d |\n", r.name, checks[r.tool], len(carried[r.tool]), pairs[r.tool], rule, rev, dropped[r.tool])
	}
	withAny := 0
	for _, o := range ours {
		if !o.meta.Peers.Empty() {
			withAny++
		}
	}
	fmt.Fprintf(&b, "\n%d of %d built-in checks carry at least one peer id.\n", withAny, len(ours))

	// trivy checks no tollgate check maps, per provider.
	trivy := loadTrivyChecks(t, peerModuleDir(t, trivyChecksModule, trivyChecksVersion))
	type count struct{ all, unmapped, deprecated int }
	byProvider := map[string]*count{}
	for id, c := range trivy {
		p := c.Provider
		if byProvider[p] == nil {
			byProvider[p] = &count{}
		}
		byProvider[p].all++
		if !carried["trivy"][id] {
			byProvider[p].unmapped++
			if c.Deprecated {
				byProvider[p].deprecated++
			}
		}
	}
	var providers []string
	for p := range byProvider {
		providers = append(providers, p)
	}
	sort.Strings(providers)
	b.WriteString("\ntrivy checks with no tollgate equivalent (informational: no tollgate check carries their id), per provider:\n\n| trivy provider | trivy checks | Without a tollgate equivalent | of which deprecated in trivy |\n| --- | --- | --- | --- |\n")
	for _, p := range providers {
		c := byProvider[p]
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", p, c.all, c.unmapped, c.deprecated)
	}
	b.WriteString("<!-- peer-ids:end -->")

	path := filepath.Join("..", "..", "docs", "iac.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(doc), "<!-- peer-ids:begin -->")
	end := strings.Index(string(doc), "<!-- peer-ids:end -->")
	if start < 0 || end < start {
		t.Fatal("docs/iac.md has no peer-ids:begin/peer-ids:end markers")
	}
	want := string(doc[:start]) + b.String() + string(doc[end+len("<!-- peer-ids:end -->"):])
	if *updateDocs {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != string(doc) {
		t.Error("docs/iac.md's peer-id counts are stale: run go test ./scanner/iac -run TestPeerDocs -update")
	}
}
