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
// affected, so that the dependency scanners have real matches to report,
// and the version that fixes it ("" when none is known).
type pkg struct{ name, version, fixed string }

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
	// The newest fixed version of each package over all its advisories:
	// what an up-to-date project would depend on.
	newest := map[string]string{}
	var out []pkg
	for _, f := range files {
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
			if fx := fixedVersion(af.Ranges); af.Package.Ecosystem == eco && fx != "" && newer(fx, newest[af.Package.Name]) {
				newest[af.Package.Name] = fx
			}
			if len(out) >= keep || af.Package.Ecosystem != eco || seen[af.Package.Name] || !plainName(af.Package.Name) {
				continue
			}
			v := affectedVersion(af.Versions, af.Ranges)
			if eco == "Go" {
				if v = goVersion(v); !goModuleVersionOK(af.Package.Name, v) {
					continue
				}
			}
			if v == "" {
				continue
			}
			seen[af.Package.Name] = true
			out = append(out, pkg{name: af.Package.Name, version: v})
		}
	}
	for i := range out {
		fixed := newest[out[i].name]
		if eco == "Go" {
			if fixed = goVersion(fixed); !goModuleVersionOK(out[i].name, fixed) {
				fixed = ""
			}
		}
		out[i].fixed = fixed
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
	// The last enumerated version that looks like a release (some
	// records list commit hashes too).
	for i := len(versions) - 1; i >= 0; i-- {
		if v := versions[i]; v != "" && v[0] >= '0' && v[0] <= '9' && len(v) < 20 {
			return v
		}
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

func fixedVersion(ranges []struct {
	Events []map[string]string `json:"events"`
}) string {
	for _, r := range ranges {
		for _, ev := range r.Events {
			if v := ev["fixed"]; v != "" {
				return v
			}
		}
	}
	return ""
}

// newer compares dotted versions field by field, numerically where both
// fields are numbers; good enough to pick the newest fixed version.
func newer(a, b string) bool {
	if b == "" {
		return true
	}
	as, bs := strings.Split(strings.TrimPrefix(a, "v"), "."), strings.Split(strings.TrimPrefix(b, "v"), ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		switch {
		case errx == nil && erry == nil && x != y:
			return x > y
		case (errx != nil || erry != nil) && as[i] != bs[i]:
			return as[i] > bs[i]
		}
	}
	return len(as) > len(bs)
}

// goVersion spells a Go module version with its v.
func goVersion(v string) string {
	if v == "" || strings.HasPrefix(v, "v") {
		return v
	}
	return "v" + v
}

// goModuleVersionOK rejects what go.mod parsers refuse: a major version
// of 2 or more needs a /vN path suffix (gopkg.in paths carry it as .vN).
func goModuleVersionOK(path, v string) bool {
	major, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	if v == "" || major == "0" || major == "1" {
		return v != ""
	}
	return strings.HasSuffix(path, "/v"+major) || strings.HasSuffix(path, ".v"+major)
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
