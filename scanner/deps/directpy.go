package deps

import (
	"bufio"
	"bytes"
	"io/fs"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// Python lockfiles do not mark direct dependencies; the project's manifest
// beside them does: pyproject.toml (PEP 621 [project] dependencies and
// optional-dependencies, PEP 735 [dependency-groups], Poetry's and PDM's
// own tables) for poetry.lock, uv.lock, pdm.lock and pylock.toml, and
// Pipfile for Pipfile.lock. A requirements file is the user's own list,
// so every entry is direct, unless pip-compile wrote it: then its
// "# via" notes say which came from a requirements input (-r/-c).

// pep508Name is the distribution name at the start of a requirement.
var pep508Name = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)`)

func addPyNames(out map[string]bool, reqs []string) {
	for _, r := range reqs {
		if m := pep508Name.FindStringSubmatch(r); m != nil {
			out[directKey("PyPI", m[1])] = true
		}
	}
}

func addPyKeys(out map[string]bool, tables ...map[string]any) {
	for _, t := range tables {
		for name := range t {
			if strings.EqualFold(name, "python") {
				continue // Poetry's interpreter constraint
			}
			out[directKey("PyPI", name)] = true
		}
	}
}

func pyprojectDirect(fsys fs.FS, p string) map[string]bool {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil
	}
	var doc struct {
		Project struct {
			Dependencies         []string            `toml:"dependencies"`
			OptionalDependencies map[string][]string `toml:"optional-dependencies"`
		} `toml:"project"`
		DependencyGroups map[string][]any `toml:"dependency-groups"`
		Tool             struct {
			Poetry struct {
				Dependencies    map[string]any `toml:"dependencies"`
				DevDependencies map[string]any `toml:"dev-dependencies"`
				Group           map[string]struct {
					Dependencies map[string]any `toml:"dependencies"`
				} `toml:"group"`
			} `toml:"poetry"`
			PDM struct {
				DevDependencies map[string][]string `toml:"dev-dependencies"`
			} `toml:"pdm"`
		} `toml:"tool"`
	}
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return nil
	}
	out := map[string]bool{}
	addPyNames(out, doc.Project.Dependencies)
	for _, reqs := range doc.Project.OptionalDependencies {
		addPyNames(out, reqs)
	}
	for _, items := range doc.DependencyGroups {
		for _, it := range items {
			if s, ok := it.(string); ok { // {include-group = ...} tables name no package
				addPyNames(out, []string{s})
			}
		}
	}
	for _, reqs := range doc.Tool.PDM.DevDependencies {
		addPyNames(out, reqs)
	}
	addPyKeys(out, doc.Tool.Poetry.Dependencies, doc.Tool.Poetry.DevDependencies)
	for _, g := range doc.Tool.Poetry.Group {
		addPyKeys(out, g.Dependencies)
	}
	return out
}

func pipfileDirect(fsys fs.FS, p string) map[string]bool {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil
	}
	var doc struct {
		Packages    map[string]any `toml:"packages"`
		DevPackages map[string]any `toml:"dev-packages"`
	}
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return nil
	}
	out := map[string]bool{}
	addPyKeys(out, doc.Packages, doc.DevPackages)
	return out
}

// requirementsDirect: without pip-compile notes every requirement is
// direct; with them, a requirement is direct when its notes name a
// requirements input ("# via -r requirements.in").
func requirementsDirect(fsys fs.FS, p string) map[string]bool {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil
	}
	compiled := bytes.Contains(b, []byte("# via"))
	out := map[string]bool{}
	var current string
	inVia := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		trim := strings.TrimSpace(line)
		switch {
		case trim == "" || strings.HasPrefix(trim, "-") && !strings.HasPrefix(trim, "-e"):
			inVia = false
		case strings.HasPrefix(trim, "#"):
			note := strings.TrimSpace(strings.TrimPrefix(trim, "#"))
			if strings.HasPrefix(note, "via") {
				inVia = true
				note = strings.TrimSpace(strings.TrimPrefix(note, "via"))
			}
			if inVia && current != "" && (strings.HasPrefix(note, "-r ") || strings.HasPrefix(note, "-c ")) {
				out[current] = true
			}
		case line[0] == ' ' || line[0] == '\t':
			// a continuation (--hash=...) of the current requirement
		default:
			inVia = false
			current = ""
			if m := pep508Name.FindStringSubmatch(trim); m != nil {
				current = directKey("PyPI", m[1])
				if _, seen := out[current]; !seen {
					out[current] = !compiled
				}
			}
		}
	}
	return out
}
