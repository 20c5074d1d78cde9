package deps

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/mod/modfile"
)

// The extractors do not say which packages are direct dependencies. For
// the two formats where the lockfile itself states it cheaply, directness
// is read here: npm lockfiles v2/v3 list the root project's dependencies
// under packages[""], and go.mod marks transitive requirements
// "// indirect". Elsewhere Direct stays unknown (nil).

// directSet returns name key (see directKey) -> direct for the lockfile
// at p, or nil when the format does not tell.
func directSet(fsys fs.FS, p string) map[string]bool {
	base := path.Base(p)
	switch base {
	case "package-lock.json":
		return npmDirect(fsys, p)
	case "go.mod":
		return goDirect(fsys, p)
	case "yarn.lock", "pnpm-lock.yaml", "bun.lock":
		return packageJSONDirect(fsys, path.Join(path.Dir(p), "package.json"))
	case "poetry.lock", "uv.lock", "pdm.lock", "pylock.toml":
		return pyprojectDirect(fsys, path.Join(path.Dir(p), "pyproject.toml"))
	case "Pipfile.lock":
		return pipfileDirect(fsys, path.Join(path.Dir(p), "Pipfile"))
	}
	if strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt") {
		return requirementsDirect(fsys, p)
	}
	return nil
}

// directKey is the name a direct set is keyed by: PEP 503 for Python
// (the manifest may say "Django", the lockfile "django"), else as is.
func directKey(ecosystem, name string) string {
	if baseEcosystem(ecosystem) == "PyPI" {
		return nameKeys(ecosystem, name)[0]
	}
	return name
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
	return depNames(root.Dependencies, root.DevDependencies, root.OptionalDependencies, root.PeerDependencies)
}

func depNames(ms ...map[string]string) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		for name := range m {
			out[name] = true
		}
	}
	return out
}

// packageJSONDirect reads the manifest beside a yarn, pnpm or bun
// lockfile: what it lists is direct, everything else transitive.
// Workspace members' own manifests are not read (their dependencies stay
// "transitive"); see docs/deps.md.
func packageJSONDirect(fsys fs.FS, p string) map[string]bool {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil
	}
	var m struct {
		Dependencies         map[string]string `json:"dependencies"`
		DevDependencies      map[string]string `json:"devDependencies"`
		OptionalDependencies map[string]string `json:"optionalDependencies"`
		PeerDependencies     map[string]string `json:"peerDependencies"`
	}
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return depNames(m.Dependencies, m.DevDependencies, m.OptionalDependencies, m.PeerDependencies)
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
