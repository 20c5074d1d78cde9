package kustomize

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tollgate-dev/tollgate/scanner"
)

// OverlayKey is set on every built object's top level: the kustomization
// directory that built it, for the report and for the scanner's merging
// of findings that several overlays make on one base line.
const OverlayKey = "__kustomization"

// FileNames are the names kustomize reads as a kustomization, in its
// order of preference.
var FileNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// IsKustomization reports whether a file name is a kustomization file.
func IsKustomization(name string) bool {
	for _, n := range FileNames {
		if name == n {
			return true
		}
	}
	return false
}

// Graph is what a set of kustomizations reference, read before any build
// so that nothing remote is ever fetched.
type Graph struct {
	// Roots are the kustomization directories no other one references:
	// the overlays that are built.
	Roots []string
	// Owned are the files and kustomization directories the builds read;
	// their objects are reported through the builds only.
	Owned map[string]bool
	// Problems are remote or missing references (per root they block its
	// build), as *scanner.ParseError of kind KUSTOMIZE.
	Problems map[string][]error

	fsys    fs.FS
	files   map[string]string // dir -> its kustomization file
	refs    map[string][]string
	blocked map[string][]error
}

// remoteRe is what kustomize would fetch: URLs, git and ssh addresses,
// and host/org/repo paths.
var remoteRe = regexp.MustCompile(`^(?:[a-zA-Z][a-zA-Z0-9+.-]*://|git@|git::|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+/)|\?ref=|//`)

// pathKeys are the kustomization fields that name local files or
// directories (lists of strings, or lists of objects with path:).
var pathKeys = map[string]bool{
	"resources": true, "bases": true, "components": true, "crds": true, "configurations": true,
	"generators": true, "transformers": true, "validators": true, "patchesStrategicMerge": true,
}

// NewGraph reads the kustomization files of dirs (root-relative) and
// everything they reference, locally.
func NewGraph(fsys fs.FS, dirs []string) *Graph {
	g := &Graph{Owned: map[string]bool{}, Problems: map[string][]error{}, fsys: fsys,
		files: map[string]string{}, refs: map[string][]string{}, blocked: map[string][]error{}}
	referenced := map[string]bool{}
	for _, d := range dirs {
		g.visit(d)
	}
	for d, rs := range g.refs {
		for _, r := range rs {
			if r != d {
				referenced[r] = true
			}
		}
	}
	for _, d := range dirs {
		if !referenced[d] && !g.isComponent(d) {
			g.Roots = append(g.Roots, d)
		}
	}
	for _, r := range g.Roots {
		seen := map[string]bool{}
		var walk func(d string)
		walk = func(d string) {
			if seen[d] {
				return
			}
			seen[d] = true
			g.Problems[r] = append(g.Problems[r], g.blocked[d]...)
			for _, c := range g.refs[d] {
				walk(c)
			}
		}
		walk(r)
	}
	return g
}

// File is the kustomization file of dir ("" if none).
func (g *Graph) File(dir string) string { return g.files[dir] }

func (g *Graph) kustomizationFile(dir string) string {
	for _, n := range FileNames {
		p := path.Join(dir, n)
		if st, err := fs.Stat(g.fsys, p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

func (g *Graph) isComponent(dir string) bool {
	b, err := fs.ReadFile(g.fsys, g.files[dir])
	return err == nil && strings.Contains(string(b), "kind: Component")
}

func (g *Graph) problem(file string, line int, msg string) {
	d := path.Dir(file)
	g.blocked[d] = append(g.blocked[d], &scanner.ParseError{Kind: scanner.ParseKindKustomize, Path: file, Line: line, Err: errors.New(msg)})
}

// visit reads dir's kustomization and what it references.
func (g *Graph) visit(dir string) {
	if _, ok := g.files[dir]; ok {
		return
	}
	file := g.kustomizationFile(dir)
	g.files[dir] = file
	if file == "" {
		return
	}
	g.Owned[file] = true
	src, err := fs.ReadFile(g.fsys, file)
	if err != nil {
		return // the build reports it
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return // the build reports it
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i].Value, m.Content[i+1]
		if key == "helmCharts" || key == "helmChartInflationGenerator" {
			g.problem(file, m.Content[i].Line, key+" needs the helm program and chart downloads, which a scan does not run; render the chart and scan it, or let tollgate render it as a Helm chart")
			continue
		}
		g.entries(dir, file, key, val)
	}
}

// entries checks the references under one key of a kustomization.
func (g *Graph) entries(dir, file, key string, val *yaml.Node) {
	var walk func(n *yaml.Node, field string)
	walk = func(n *yaml.Node, field string) {
		switch n.Kind {
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, field)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], n.Content[i].Value)
			}
		case yaml.ScalarNode:
			v := strings.TrimSpace(n.Value)
			if v == "" || strings.Contains(v, "\n") {
				return // an inline patch
			}
			local := pathKeys[key] || field == "path" || ((key == "configMapGenerator" || key == "secretGenerator") && (field == "files" || field == "envs" || field == "env"))
			if !local {
				return
			}
			if _, after, ok := strings.Cut(v, "="); ok && field == "files" {
				v = after // key=path
			}
			g.local(dir, file, key, v, n.Line)
		}
	}
	walk(val, "")
}

// local resolves one local reference: it must stay in the scan tree and
// exist; a directory is a kustomization to visit.
func (g *Graph) local(dir, file, key, v string, line int) {
	p := path.Clean(path.Join(dir, v))
	if st, err := fs.Stat(g.fsys, p); err == nil && !path.IsAbs(v) && p != ".." && !strings.HasPrefix(p, "../") {
		if st.IsDir() {
			g.refs[dir] = append(g.refs[dir], p)
			g.visit(p)
		} else {
			g.Owned[p] = true
		}
		return
	}
	switch {
	case remoteRe.MatchString(v):
		g.problem(file, line, fmt.Sprintf("%s %q is remote: a scan does not fetch it (no network); vendor it into the tree", key, v))
	case path.IsAbs(v) || p == ".." || strings.HasPrefix(p, "../"):
		g.problem(file, line, fmt.Sprintf("%s %q is outside the scanned tree; it is not read", key, v))
	case key == "resources" || key == "bases" || key == "components":
		// kustomize would try a missing base as a git URL: never let it.
		g.problem(file, line, fmt.Sprintf("%s %q is not in the scanned tree", key, v))
	}
}
