package deps

import (
	"encoding/json"
	"io/fs"
	"path"

	"golang.org/x/mod/modfile"
)

// The extractors do not say which packages are direct dependencies. For
// the two formats where the lockfile itself states it cheaply, directness
// is read here: npm lockfiles v2/v3 list the root project's dependencies
// under packages[""], and go.mod marks transitive requirements
// "// indirect". Elsewhere Direct stays unknown (nil).

// directSet returns name -> direct for the lockfile at p, or nil when the
// format does not tell.
func directSet(fsys fs.FS, p string) map[string]bool {
	switch path.Base(p) {
	case "package-lock.json":
		return npmDirect(fsys, p)
	case "go.mod":
		return goDirect(fsys, p)
	}
	return nil
}

func npmDirect(fsys fs.FS, p string) map[string]bool {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil
	}
	var lock struct {
		Packages map[string]struct {
			Dependencies         map[string]string `json:"dependencies"`
			DevDependencies      map[string]string `json:"devDependencies"`
			OptionalDependencies map[string]string `json:"optionalDependencies"`
			PeerDependencies     map[string]string `json:"peerDependencies"`
		} `json:"packages"`
	}
	if json.Unmarshal(b, &lock) != nil || lock.Packages == nil {
		return nil // v1 lockfiles have no "packages"
	}
	root, ok := lock.Packages[""]
	if !ok {
		return nil
	}
	out := map[string]bool{}
	for _, m := range []map[string]string{root.Dependencies, root.DevDependencies, root.OptionalDependencies, root.PeerDependencies} {
		for name := range m {
			out[name] = true
		}
	}
	return out
}

func goDirect(fsys fs.FS, p string) map[string]bool {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil
	}
	f, err := modfile.ParseLax(p, b, nil)
	if err != nil {
		return nil
	}
	out := map[string]bool{}
	for _, r := range f.Require {
		out[r.Mod.Path] = !r.Indirect
	}
	return out
}
