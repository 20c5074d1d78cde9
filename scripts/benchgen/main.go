// Command benchgen writes a reproducible benchmark tree for scripts/bench.sh:
// projects of generated source files, lockfiles naming real package
// versions that have advisories in an OSV database, Terraform, Kubernetes
// manifests, Dockerfiles, CI workflows and planted secrets that are clearly
// fake (they spell F4KE / EXAMPLE) but have the real formats.
//
//	benchgen [-seed N] [-size BYTES] [-osv-db DIR] OUTDIR
//
// The same seed, size and database give the same tree, byte for byte.
// OUTDIR must not exist (or be empty); put it under /tmp, never in the repo.
package main

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	seed := flag.Uint64("seed", 1, "random seed")
	size := flag.String("size", "1100MB", "stop after writing at least this much (e.g. 50MB, 1.1GB)")
	db := flag.String("osv-db", "../shared/osv-db", "OSV database (osv-scanner layout) to take vulnerable package versions from")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: benchgen [-seed N] [-size BYTES] [-osv-db DIR] OUTDIR")
		os.Exit(2)
	}
	n, err := parseSize(*size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(2)
	}
	st, err := generate(flag.Arg(0), *seed, n, *db)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	fmt.Printf("benchgen: %s: %d projects, %d files, %d bytes, %d planted secrets, %d dependency entries (%d at an affected version)\n",
		flag.Arg(0), st.projects, st.files, st.bytes, st.secrets, st.deps, st.vulnerable)
}

func parseSize(s string) (int64, error) {
	mult := 1.0
	u := strings.ToUpper(s)
	for _, x := range []struct {
		suf string
		m   float64
	}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}} {
		if strings.HasSuffix(u, x.suf) {
			mult, u = x.m, strings.TrimSuffix(u, x.suf)
			break
		}
	}
	f, err := strconv.ParseFloat(u, 64)
	if err != nil || f <= 0 {
		return 0, fmt.Errorf("-size %q: want a positive size such as 50MB or 1.1GB", s)
	}
	return int64(f * mult), nil
}

type stats struct {
	projects, files, secrets int
	deps, vulnerable         int
	bytes                    int64
}

type gen struct {
	root  string
	rng   *rand.Rand
	pools map[string][]pkg
	st    stats
}

func generate(root string, seed uint64, size int64, db string) (*stats, error) {
	if !exists(db) {
		return nil, fmt.Errorf("OSV database %s: no osv-scalibr/ folder (pass -osv-db)", db)
	}
	if ents, err := os.ReadDir(root); err == nil && len(ents) > 0 {
		return nil, fmt.Errorf("%s exists and is not empty", root)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	pools, err := loadPools(db)
	if err != nil {
		return nil, err
	}
	g := &gen{root: root, rng: rand.New(rand.NewPCG(seed, seed^0x7011_6a7e)), pools: pools}
	for i := 0; g.st.bytes < size; i++ {
		if err := g.project(fmt.Sprintf("org%02d/project-%04d", i%17, i)); err != nil {
			return nil, err
		}
		g.st.projects++
	}
	return &g.st, nil
}

func (g *gen) write(rel string, data []byte) error {
	p := filepath.Join(g.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	g.st.files++
	g.st.bytes += int64(len(data))
	return nil
}

// project writes one repository-like folder of about 2.5 MB.
func (g *gen) project(dir string) error {
	var files []struct {
		path string
		data []byte
	}
	add := func(p string, b []byte) {
		files = append(files, struct {
			path string
			data []byte
		}{dir + "/" + p, b})
	}
	langs := []string{"go", "py", "js", "java"}
	for i := range 120 + g.rng.IntN(60) {
		lang := langs[g.rng.IntN(len(langs))]
		add(fmt.Sprintf("src/%s/%s_%d.%s", g.word(), g.word(), i, lang), g.source(lang, 2_000+g.rng.IntN(28_000)))
	}
	if g.rng.IntN(4) == 0 {
		// A minified bundle: long lines, the case that hurts line-based scanners.
		add("web/static/app.min.js", g.minified(500_000+g.rng.IntN(1_500_000)))
	}
	add("package-lock.json", g.npmLock(60+g.rng.IntN(120)))
	add("requirements.txt", g.requirements(20+g.rng.IntN(40)))
	add("go.mod", g.goMod(dir, 15+g.rng.IntN(30)))
	if g.rng.IntN(2) == 0 {
		add("Cargo.lock", g.cargoLock(10+g.rng.IntN(20)))
	}
	if g.rng.IntN(2) == 0 {
		add("Gemfile.lock", g.gemfileLock(10+g.rng.IntN(20)))
	}
	if g.rng.IntN(2) == 0 {
		add("composer.lock", g.composerLock(10+g.rng.IntN(20)))
	}
	for i := range 3 + g.rng.IntN(4) {
		add(fmt.Sprintf("infra/%s.tf", []string{"main", "network", "storage", "db", "iam", "logs"}[i]), g.terraform(i))
	}
	for i := range 3 + g.rng.IntN(4) {
		add(fmt.Sprintf("deploy/k8s/%s-%d.yaml", g.word(), i), g.kubernetes(i))
	}
	add("Dockerfile", g.dockerfile())
	add(".github/workflows/ci.yml", g.workflow())
	add(".gitlab-ci.yml", g.gitlabCI())
	for range 1 + g.rng.IntN(3) {
		add(fmt.Sprintf("config/%s.env", g.word()), g.envFile())
	}
	for _, f := range files {
		if err := g.write(f.path, f.data); err != nil {
			return err
		}
	}
	return nil
}
