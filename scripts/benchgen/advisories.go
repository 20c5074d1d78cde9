package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// pkg is one package version that an advisory in the OSV database says is
// affected, so that the dependency scanners have real matches to report.
type pkg struct{ name, version string }

// ecosystems are the OSV ecosystems the generator writes lockfiles for,
// with how many packages it keeps from each (the first ones by advisory id,
// so the pool only depends on the database, not on map order).
var ecosystems = []struct {
	name string
	keep int
}{
	{"npm", 400}, {"PyPI", 400}, {"Go", 300}, {"crates.io", 200}, {"RubyGems", 200}, {"Packagist", 200},
}

// loadPools reads <db>/osv-scalibr/<ecosystem>/all.zip and returns, per
// ecosystem, affected package versions sorted by name.
func loadPools(db string) (map[string][]pkg, error) {
	pools := map[string][]pkg{}
	for _, e := range ecosystems {
		p := filepath.Join(db, "osv-scalibr", e.name, "all.zip")
		ps, err := readPool(p, e.name, e.keep)
		if err != nil {
			return nil, err
		}
		if len(ps) == 0 {
			return nil, fmt.Errorf("%s: no usable advisories for %s", p, e.name)
		}
		pools[e.name] = ps
	}
	return pools, nil
}

type advisory struct {
	Affected []struct {
		Package struct {
			Ecosystem string `json:"ecosystem"`
			Name      string `json:"name"`
		} `json:"package"`
		Ranges []struct {
			Events []map[string]string `json:"events"`
		} `json:"ranges"`
		Versions []string `json:"versions"`
	} `json:"affected"`
}

func readPool(path, eco string, keep int) ([]pkg, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	seen := map[string]bool{}
	var out []pkg
	for _, f := range files {
		if len(out) >= keep {
			break
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, 8<<20))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		var a advisory
		if json.Unmarshal(b, &a) != nil {
			continue
		}
		for _, af := range a.Affected {
			if af.Package.Ecosystem != eco || seen[af.Package.Name] || !plainName(af.Package.Name) {
				continue
			}
			v := affectedVersion(af.Versions, af.Ranges)
			if v == "" {
				continue
			}
			if eco == "Go" && !strings.HasPrefix(v, "v") {
				v = "v" + v // go.mod spells module versions with a v
			}
			seen[af.Package.Name] = true
			out = append(out, pkg{af.Package.Name, v})
		}
	}
	slices.SortFunc(out, func(a, b pkg) int { return strings.Compare(a.name, b.name) })
	return out, nil
}

// plainName rejects names that would need quoting in a lockfile.
func plainName(n string) bool {
	return n != "" && !strings.ContainsAny(n, " \t\n\"'\\:;=<>[]{}")
}

// affectedVersion picks a version the advisory lists as affected: the
// last enumerated version, else a range's "introduced" (when not 0), else
// one patch below "fixed" (Go advisories carry ranges only).
func affectedVersion(versions []string, ranges []struct {
	Events []map[string]string `json:"events"`
}) string {
	if len(versions) > 0 {
		return versions[len(versions)-1]
	}
	for _, r := range ranges {
		for _, ev := range r.Events {
			if v := ev["introduced"]; v != "" && v != "0" {
				return v
			}
		}
		for _, ev := range r.Events {
			if v := below(ev["fixed"]); v != "" {
				return v
			}
		}
	}
	return ""
}

// below returns a semver just under v ("1.4.2" -> "1.4.1", "1.4.0" ->
// "1.3.0"), or "" when there is none.
func below(v string) string {
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return ""
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return ""
		}
		nums[i] = n
	}
	switch {
	case nums[2] > 0:
		nums[2]--
	case nums[1] > 0:
		nums[1]--
	default:
		return ""
	}
	return fmt.Sprintf("%d.%d.%d", nums[0], nums[1], nums[2])
}

// exists reports whether the OSV database dir looks usable.
func exists(db string) bool {
	_, err := os.Stat(filepath.Join(db, "osv-scalibr"))
	return err == nil
}
