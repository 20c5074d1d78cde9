package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// denseTreeRSS is the peak RSS budget of a scan of the 200 MB benchgen
// tree (seed 1, about 24,000 findings). Measured on the shared 2-core
// machine: 333 MiB before the findings were compacted and Helm/Kustomize
// moved out of process, 255 MiB after (docs/performance.md, "Where the
// memory goes"); the budget sits between them.
const denseTreeRSS = 300 << 20

// TestDenseTreeMemory scans a generated benchmark tree, dense with
// findings like the 1.1 GB one, in a child process and fails if its peak
// RSS grows back towards what it was before the memory work.
func TestDenseTreeMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a 200 MB tree and scans it")
	}
	db := ""
	for _, d := range []string{"../../../shared/osv-db", "../../../../shared/osv-db"} {
		if _, err := os.Stat(d); err == nil {
			db, _ = filepath.Abs(d)
			break
		}
	}
	if db == "" {
		t.Skip("no shared OSV database")
	}
	dir := t.TempDir()
	bin, gen, tree := filepath.Join(dir, "tollgate"), filepath.Join(dir, "benchgen"), filepath.Join(dir, "tree")
	for _, b := range [][]string{{"-o", bin, "."}, {"-o", gen, "../../scripts/benchgen"}} {
		if out, err := exec.Command("go", append([]string{"build"}, b...)...).CombinedOutput(); err != nil {
			t.Fatalf("go build %v: %v\n%s", b, err, out)
		}
	}
	if out, err := exec.Command(gen, "-seed", "1", "-size", "200MB", "-osv-db", db, tree).CombinedOutput(); err != nil {
		t.Fatalf("benchgen: %v\n%s", err, out)
	}
	code, stdout, stderr, rss, cpu, took := runChild(t, bin, []string{"scan", "--offline", "--osv-db", db, "--fail-on", "none", "-q", "-f", "json", tree})
	var rep struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != 0 {
		t.Fatalf("exit %d, report: %v; stderr:\n%s", code, err, stderr)
	}
	t.Logf("%d findings, peak RSS %d MiB (budget %d MiB), %s CPU, %s wall", len(rep.Findings), rss>>20, denseTreeRSS>>20, cpu.Round(time.Millisecond), took.Round(time.Millisecond))
	if len(rep.Findings) < 20000 {
		t.Errorf("%d findings: the tree is no longer dense, the budget means nothing", len(rep.Findings))
	}
	if rss > denseTreeRSS {
		t.Errorf("peak RSS %d MiB, budget %d MiB", rss>>20, denseTreeRSS>>20)
	}
}
