package iac

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/checks"
)

// The peers' check collections the peer-id tests read from the Go module
// cache (never copied into this repository). .ci/run downloads both with
// `go mod download`, so CI never skips these tests; keep the versions here
// and there equal. trivy-checks is the version trivy v0.74.0 embeds.
const (
	trivyChecksModule  = "github.com/aquasecurity/trivy-checks"
	trivyChecksVersion = "v1.12.2-0.20251219190323-79d27547baf5"
	kicsModule         = "github.com/Checkmarx/kics/v2"
	kicsVersion        = "v2.2.0"
)

// peerModuleDir is the directory of module@version in the module cache.
// When it is absent the test skips with the command that fetches it, or
// fails under CI (TOLLGATE_CI), where .ci/run has downloaded it.
func peerModuleDir(t *testing.T, module, version string) string {
	t.Helper()
	fetch := fmt.Sprintf("go mod download %s@%s", module, version)
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err == nil {
		dir := filepath.Join(strings.TrimSpace(string(out)), filepath.FromSlash(escapeModulePath(module))+"@"+version)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	if os.Getenv("TOLLGATE_CI") != "" {
		t.Fatalf("%s@%s is not in the module cache: .ci/run should have run `%s`", module, version, fetch)
	}
	t.Skipf("%s@%s is not in the module cache; run `%s` to verify the peer ids against it", module, version, fetch)
	return ""
}

// escapeModulePath applies the module cache's case encoding: an upper-case
// letter is stored as '!' and its lower-case form.
func escapeModulePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('!')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// peerCheck is a built-in check with its Rego source and the resource
// types its source names.
type peerCheck struct {
	meta  CheckMeta
	group string // aws, azure, gcp, kubernetes, dockerfile, github, gitlab
	types map[string]bool
}

// resourceTypeRe finds the resource types a check names in string
// literals: terraform types of the AWS, Azure and Google providers,
// CloudFormation types and ARM types.
var resourceTypeRe = regexp.MustCompile(`"((?:aws|azurerm|azuread|google)_[a-z0-9_]+|AWS::[A-Za-z0-9]+::[A-Za-z0-9]+|Microsoft\.[A-Za-z0-9]+/[A-Za-z0-9/]+)"`)

// peerScanner is one scanner with the built-in checks, shared by the
// peer-id tests: compiling every check takes seconds of CPU, and the
// scanner is safe for concurrent use.
var peerScanner = sync.OnceValues(func() (*Scanner, error) { return New(Options{}) })

func builtinPeerChecks(t *testing.T) []peerCheck {
	t.Helper()
	s, err := peerScanner()
	if err != nil {
		t.Fatal(err)
	}
	var out []peerCheck
	for _, m := range s.Checks() {
		src, err := checks.FS.ReadFile(strings.TrimPrefix(m.Source, "builtin:"))
		if err != nil {
			t.Fatal(err)
		}
		c := peerCheck{meta: m, group: groupName(&m), types: map[string]bool{}}
		for _, sm := range resourceTypeRe.FindAllStringSubmatch(string(src), -1) {
			c.types[sm[1]] = true
		}
		out = append(out, c)
	}
	return out
}

// peerSample is one of a peer's example files: a terraform module, a
// CloudFormation template, a manifest or a Dockerfile that its check
// flags (bad) or passes (good).
type peerSample struct {
	key       string // the peer's check, e.g. AVD-AWS-0088
	framework string // tollgate's name: terraform, cloudformation, kubernetes, dockerfile, arm
	name      string // file name to write, e.g. main.tf
	bad       bool
	content   string
}

// scanPeerSamples writes each sample into its own directory of a temporary
// tree (so each terraform sample is its own module) and scans the tree
// once; it returns the tollgate check ids that fired on each sample.
func scanPeerSamples(t *testing.T, samples []peerSample) []map[string]bool {
	t.Helper()
	s, err := peerScanner()
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	byDir := map[string]int{}
	for i, sm := range samples {
		dir := fmt.Sprintf("s%04d", i)
		writeFile(t, root, dir+"/"+sm.name, sm.content)
		byDir[dir] = i
	}
	res, err := scanner.Run(context.Background(), root, []scanner.Scanner{s})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]map[string]bool, len(samples))
	for i := range out {
		out[i] = map[string]bool{}
	}
	for _, f := range res.Findings {
		dir, _, _ := strings.Cut(filepath.ToSlash(f.Location.Path), "/")
		if i, ok := byDir[dir]; ok {
			out[i][f.RuleID] = true
		}
	}
	return out
}

// sampleVerdict judges a mapping by behaviour on the peer's own examples:
// the tollgate check must flag at least one of the peer's bad examples and
// stay silent on at least one of its good ones. A check about another
// concern fails one side: a bucket-logging example without encryption is
// "good" for the logging check, and the encryption check flags it.
// It returns "" when the mapping holds, or why not; n is the number of
// samples in a framework the check reads (0: no verdict possible).
func sampleVerdict(id string, frameworks map[string]bool, samples []peerSample, fired []map[string]bool) (n int, why string) {
	var bad, badHit, good, goodQuiet int
	for i, sm := range samples {
		if !frameworks[sm.framework] {
			continue
		}
		n++
		switch {
		case sm.bad:
			bad++
			if fired[i][id] {
				badHit++
			}
		default:
			good++
			if !fired[i][id] {
				goodQuiet++
			}
		}
	}
	switch {
	case n == 0:
		return 0, "no example in a framework the check reads"
	case bad > 0 && badHit == 0:
		return n, fmt.Sprintf("flags none of the %d bad examples", bad)
	case good > 0 && goodQuiet == 0:
		return n, fmt.Sprintf("flags all %d good examples", good)
	case bad == 0:
		return n, "the peer has no bad example to compare"
	}
	return n, ""
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// reviewedTable is a committed table of mappings the mechanical rule
// cannot confirm but a reviewer did, one reason each (testdata/peer-ids/
// <name>: tab-separated tollgate id, peer id, reason). Rows must stay
// needed: a row whose mapping the rule confirms, or which no check
// carries, is an error.
type reviewedTable struct {
	name string
	rows map[string]string // "TG-AWS-0004 AVD-AWS-0086" -> reason
	line map[string]int
	used map[string]bool
}

func loadReviewed(t *testing.T, name string) *reviewedTable {
	t.Helper()
	r := &reviewedTable{name: name, rows: map[string]string{}, line: map[string]int{}, used: map[string]bool{}}
	for _, row := range readPeerTable(t, name, 3, "tollgate id, peer id and a reason") {
		k := row.f[0] + " " + row.f[1]
		if _, dup := r.rows[k]; dup {
			t.Fatalf("%s:%d: %s listed twice", name, row.line, k)
		}
		r.rows[k], r.line[k] = row.f[2], row.line
	}
	return r
}

// accept reports whether the reviewed table vouches for ours -> peer.
func (r *reviewedTable) accept(ours, peer string) bool {
	k := ours + " " + peer
	if _, ok := r.rows[k]; ok {
		r.used[k] = true
		return true
	}
	return false
}

// confirmed records that the rule confirmed ours -> peer by itself.
func (r *reviewedTable) confirmed(t *testing.T, ours, peer string) {
	t.Helper()
	k := ours + " " + peer
	if _, ok := r.rows[k]; ok {
		r.used[k] = true
		t.Errorf("%s:%d: %s is confirmed by the rule; remove the row", r.name, r.line[k], k)
	}
}

// unused fails on rows no carried mapping needed.
func (r *reviewedTable) unused(t *testing.T) {
	t.Helper()
	for k := range r.rows {
		if !r.used[k] {
			t.Errorf("%s:%d: %s is not carried by any check; remove the row", r.name, r.line[k], k)
		}
	}
}

// peerTarget is what a peer publishes about one of its checks: a label
// for messages (path and title) and its examples.
type peerTarget struct {
	label   string
	samples []peerSample
}

// verifyPeerMappings runs the behaviour rule over every (check, peer id)
// pair idsOf yields: lookup resolves an id to the peer's check, or says why
// the mapping is wrong outright (unknown id, other provider or platform).
// All the examples run in one scan. Pairs the rule cannot confirm need a
// row of reviewed; it returns the number of pairs it confirmed.
func verifyPeerMappings(t *testing.T, ours []peerCheck, idsOf func(CheckMeta) []string, lookup func(o peerCheck, id string) (*peerTarget, string), reviewed *reviewedTable) int {
	t.Helper()
	type pair struct {
		o      peerCheck
		id     string
		target *peerTarget
		first  int // index of its first sample
	}
	var pairs []pair
	var samples []peerSample
	for _, o := range ours {
		for _, id := range idsOf(o.meta) {
			target, wrong := lookup(o, id)
			if wrong != "" {
				t.Errorf("%s (%q): %s %s", o.meta.ID, o.meta.Title, id, wrong)
				continue
			}
			pairs = append(pairs, pair{o, id, target, len(samples)})
			samples = append(samples, target.samples...)
		}
	}
	fired := scanPeerSamples(t, samples)
	confirmed := 0
	for _, p := range pairs {
		sub := samples[p.first : p.first+len(p.target.samples)]
		subFired := fired[p.first : p.first+len(p.target.samples)]
		_, why := sampleVerdict(p.o.meta.ID, frameworkSet(p.o.meta.Frameworks), sub, subFired)
		switch {
		case why == "":
			confirmed++
			reviewed.confirmed(t, p.o.meta.ID, p.id)
		case !reviewed.accept(p.o.meta.ID, p.id):
			t.Errorf("%s (%q): %s (%s) %s", p.o.meta.ID, p.o.meta.Title, p.id, p.target.label, why)
			for i, sm := range sub {
				t.Logf("  %s example %s (tollgate finds %v):\n%s", map[bool]string{true: "bad", false: "good"}[sm.bad], sm.name, sortedKeys(subFired[i]), sm.content)
			}
		}
	}
	reviewed.unused(t)
	return confirmed
}

// tsvRow is a data row of a table under testdata/peer-ids: its fields and
// its line number.
type tsvRow struct {
	f    []string
	line int
}

// readPeerTable reads testdata/peer-ids/<name>: tab-separated rows of
// exactly cols non-empty fields; blank lines and lines starting with #
// are comments. what names the columns for the error message.
func readPeerTable(t *testing.T, name string, cols int, what string) []tsvRow {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "peer-ids", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []tsvRow
	for i, l := range strings.Split(string(raw), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != cols || slices.Contains(f, "") {
			t.Fatalf("%s:%d: want %s, tab-separated", name, i+1, what)
		}
		out = append(out, tsvRow{f, i + 1})
	}
	return out
}
