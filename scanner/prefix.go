package scanner

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
)

// WithPathPrefix puts dir in front of every finding's path, and so into its
// fingerprint: scanning the subfolder services/api of a monorepo with the
// prefix "services/api" yields the paths, fingerprints and SARIF URIs that a
// scan of the whole repository yields for the same files, so baselines,
// exceptions and code-scanning alerts line up whichever way a pipeline
// scans. The prefix must be a relative, slash-separated path without "..".
func WithPathPrefix(dir string) Option {
	return func(c *runConfig) { c.pathPrefix = dir }
}

// CleanPathPrefix validates a path prefix and returns it cleaned, without a
// trailing slash ("" for none).
func CleanPathPrefix(dir string) (string, error) {
	d := strings.ReplaceAll(strings.TrimSpace(dir), "\\", "/")
	if d == "" {
		return "", nil
	}
	if path.IsAbs(d) || (len(d) > 1 && d[1] == ':') {
		return "", fmt.Errorf("path prefix %q: must be relative to the repository root", dir)
	}
	d = path.Clean(d)
	if d == "." {
		return "", nil
	}
	if d == ".." || strings.HasPrefix(d, "../") {
		return "", fmt.Errorf("path prefix %q: must not leave the repository root", dir)
	}
	return d, nil
}

// prefixPaths applies a cleaned prefix to findings that have a path.
func prefixPaths(fs []Finding, prefix string) {
	if prefix == "" {
		return
	}
	for i := range fs {
		if p := fs[i].Location.Path; p != "" {
			fs[i].Location.Path = prefix + "/" + p
		}
	}
}

// prefixInventory applies a cleaned prefix to inventory paths and sorts
// the inventory.
func prefixInventory(ps []InventoryPackage, prefix string) {
	for i := range ps {
		if prefix != "" && ps[i].Path != "" {
			ps[i].Path = prefix + "/" + ps[i].Path
		}
	}
	slices.SortFunc(ps, func(a, b InventoryPackage) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Ecosystem, b.Ecosystem),
			strings.Compare(a.Name, b.Name), strings.Compare(a.Version, b.Version))
	})
}
