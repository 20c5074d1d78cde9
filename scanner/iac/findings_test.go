package iac

import (
	"io/fs"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Scan compacts findings as they are built, so equal property maps are
// shared between findings when dedupeOverlays runs: it must not change a
// map another finding holds. Here f1 and f2 share one map (same overlay,
// kind and message, different checks) and f3 folds into f1: f2 must
// still name its one overlay.
func TestDedupeOverlaysLeavesSharedPropertiesAlone(t *testing.T) {
	shared := map[string]any{"kind": KindKubernetes, "message": "m", "kustomization": "overlays/a"}
	loc := scanner.Location{Path: "base/deploy.yaml", StartLine: 5}
	fs := []scanner.Finding{
		{RuleID: "TG-K8S-0001", Location: loc, Properties: shared},
		{RuleID: "TG-K8S-0002", Location: loc, Properties: shared},
		{RuleID: "TG-K8S-0001", Location: loc, Properties: map[string]any{"kind": KindKubernetes, "message": "m", "kustomization": "overlays/b"}},
	}
	got := dedupeOverlays(fs)
	if len(got) != 2 {
		t.Fatalf("got %d findings, want 2", len(got))
	}
	if d := cmp.Diff([]string{"overlays/a", "overlays/b"}, got[0].Properties["kustomizations"]); d != "" {
		t.Errorf("first finding's overlays (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"overlays/a"}, got[1].Properties["kustomizations"]); d != "" {
		t.Errorf("second finding's overlays (-want +got):\n%s", d)
	}
	if d := cmp.Diff(map[string]any{"kind": KindKubernetes, "message": "m", "kustomization": "overlays/a"}, shared); d != "" {
		t.Errorf("the shared map changed (-want +got):\n%s", d)
	}
}

// dedupe keeps the first of equal findings of one file and forgets a
// file's keys at the next file; Scan hands it findings sorted by path.
func TestDedupe(t *testing.T) {
	f := func(p string, line, end int, rule, ev, msg string) scanner.Finding {
		return scanner.Finding{RuleID: rule, Evidence: ev, Location: scanner.Location{Path: p, StartLine: line, EndLine: end},
			Properties: map[string]any{"message": msg}}
	}
	in := []scanner.Finding{
		f("a.tf", 1, 3, "R1", "x", "m"),
		f("a.tf", 1, 9, "R1", "x", "m"), // same as the first: dropped
		f("a.tf", 1, 3, "R1", "x", "other message"),
		f("a.tf", 1, 3, "R2", "x", "m"),
		f("a.tf", 2, 3, "R1", "x", "m"),
		f("a.tf", 1, 4, "R1", "x", "m"), // not adjacent, same file: dropped
		f("b.tf", 1, 3, "R1", "x", "m"), // same key in another file: kept
		f("b.tf", 1, 3, "R1", "y", "m"),
	}
	var got []string
	for _, x := range dedupe(in) {
		got = append(got, x.Location.Path+":"+x.RuleID+":"+x.Evidence+":"+x.Properties["message"].(string)+":"+strconv.Itoa(x.Location.StartLine)+"-"+strconv.Itoa(x.Location.EndLine))
	}
	want := []string{"a.tf:R1:x:m:1-3", "a.tf:R1:x:other message:1-3", "a.tf:R2:x:m:1-3", "a.tf:R1:x:m:2-3", "b.tf:R1:x:m:1-3", "b.tf:R1:y:m:1-3"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("dedupe (-want +got):\n%s", d)
	}
}

// countingFS counts the reads of each file.
type countingFS struct {
	fstest.MapFS
	reads map[string]int
}

func (c countingFS) ReadFile(name string) ([]byte, error) {
	c.reads[name]++
	return c.MapFS.ReadFile(name)
}

func (c countingFS) Open(name string) (fs.File, error) {
	c.reads[name]++
	return c.MapFS.Open(name)
}

// suppress holds one file's comments at a time: given findings grouped
// by path it reads each file once, and in any other order its answer is
// the same.
func TestSuppressOneFileAtATime(t *testing.T) {
	files := countingFS{MapFS: fstest.MapFS{
		"a.tf": {Data: []byte("resource \"x\" \"a\" { # tollgate:ignore:TG-1\n  y = 1\n}\n")},
		"b.tf": {Data: []byte("resource \"x\" \"b\" {\n  y = 1 # tollgate:ignore:TG-2\n}\n")},
	}, reads: map[string]int{}}
	tg := scanner.Target{FS: files}
	f := func(p string, line int, rule string) scanner.Finding {
		return scanner.Finding{RuleID: rule, Location: scanner.Location{Path: p, StartLine: line}}
	}
	grouped := []scanner.Finding{f("a.tf", 1, "TG-1"), f("a.tf", 2, "TG-1"), f("a.tf", 2, "TG-2"), f("b.tf", 2, "TG-2"), f("b.tf", 1, "TG-2"), f("b.tf", 2, "TG-1")}
	mixed := []scanner.Finding{grouped[3], grouped[0], grouped[4], grouped[1], grouped[5], grouped[2]}
	noPeers := func(string) PeerIDs { return PeerIDs{} }
	key := func(fs []scanner.Finding) []string {
		var out []string
		for _, x := range fs {
			out = append(out, x.Location.Path+":"+strconv.Itoa(x.Location.StartLine)+":"+x.RuleID)
		}
		return out
	}
	kept, n := suppress(tg, append([]scanner.Finding(nil), grouped...), noPeers, time.Now())
	if d := cmp.Diff([]string{"a.tf:2:TG-2", "b.tf:1:TG-2", "b.tf:2:TG-1"}, key(kept)); d != "" || n != 3 {
		t.Errorf("suppressed %d (want 3), kept (-want +got):\n%s", n, d)
	}
	if d := cmp.Diff(map[string]int{"a.tf": 1, "b.tf": 1}, files.reads); d != "" {
		t.Errorf("reads of each file, grouped (-want +got):\n%s", d)
	}
	keptMixed, n := suppress(tg, mixed, noPeers, time.Now())
	if d := cmp.Diff([]string{"b.tf:1:TG-2", "b.tf:2:TG-1", "a.tf:2:TG-2"}, key(keptMixed)); d != "" || n != 3 {
		t.Errorf("in mixed order: suppressed %d (want 3), kept (-want +got):\n%s", n, d)
	}
}
