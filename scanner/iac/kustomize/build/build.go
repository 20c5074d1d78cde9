package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/kubernetes"
	"github.com/tollgate-dev/tollgate/scanner/iac/kustomize"
	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

const originAnnotation = "config.kubernetes.io/origin"

// Document is one built object, located in the file it came from.
type Document struct {
	Kind  string
	Path  string
	Value map[string]any
}

// Build runs `kustomize build` on dir (root-relative) of the tree at root
// (absolute), reading only files inside root, with plugins and helm off.
// Call it only for the roots of a [kustomize.Graph] whose problems are empty: the
// graph is what guarantees that nothing remote is referenced.
//
// A failed build is a *scanner.ParseError of kind KUSTOMIZE on the
// kustomization file.
func Build(ctx context.Context, root string, fsys fs.FS, dir, file string) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if r, err := filepath.EvalSymlinks(absRoot); err == nil {
		absRoot = r
	}
	absDir := filepath.Join(absRoot, filepath.FromSlash(dir))
	cfs := &confined{FileSystem: filesys.MakeFsOnDisk(), root: absRoot, inject: filepath.Join(absRoot, filepath.FromSlash(file))}
	opts := krusty.MakeDefaultOptions() // files only under a kustomization's root, no plugins, no helm
	m, err := krusty.MakeKustomizer(opts).Run(cfs, absDir)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, &scanner.ParseError{Kind: scanner.ParseKindKustomize, Path: file, Err: fmt.Errorf("kustomize build %s: %s", dir, strings.ReplaceAll(err.Error(), absRoot+string(filepath.Separator), ""))}
	}
	src := &sources{fsys: fsys, docs: map[string][]yamldoc.Document{}}
	var docs []Document
	for _, r := range m.Resources() {
		y, err := r.AsYAML()
		if err != nil {
			return nil, &scanner.ParseError{Kind: scanner.ParseKindKustomize, Path: file, Err: err}
		}
		parsed, err := yamldoc.ParseLimits(y, yamldoc.Limits{Scan: yamldoc.ScanBudgetFrom(ctx)})
		if err != nil || len(parsed) != 1 {
			return nil, &scanner.ParseError{Kind: scanner.ParseKindKustomize, Path: file, Err: fmt.Errorf("built object: %w", err)}
		}
		v, ok := parsed[0].Value.(map[string]any)
		if !ok {
			continue
		}
		p, generatedBy := origin(v, dir)
		if p == "" {
			p = file
		}
		src.locate(v, p, generatedBy)
		v[kustomize.OverlayKey] = dir
		for _, o := range kubernetes.Objects(p, v) {
			docs = append(docs, Document(o))
		}
	}
	return docs, nil
}

// origin reads and removes the origin annotation: the file the object
// came from, or for a generated one the kustomization that configured it
// and the generator's kind. Paths are relative to the built directory.
func origin(v map[string]any, dir string) (string, string) {
	md, _ := v["metadata"].(map[string]any)
	ann, _ := md["annotations"].(map[string]any)
	s, _ := ann[originAnnotation].(string)
	if s == "" {
		return "", ""
	}
	delete(ann, originAnnotation)
	if keys, ok := ann[yamldoc.KeysKey].(map[string]any); ok {
		delete(keys, originAnnotation)
	}
	if len(ann) <= 2 { // only the annotations of the annotation map itself
		delete(md, "annotations")
		if keys, ok := md[yamldoc.KeysKey].(map[string]any); ok {
			delete(keys, "annotations")
		}
	}
	var o struct {
		Path         string `yaml:"path"`
		Repo         string `yaml:"repo"`
		ConfiguredIn string `yaml:"configuredIn"`
		ConfiguredBy struct {
			Kind string `yaml:"kind"`
		} `yaml:"configuredBy"`
	}
	if yaml.Unmarshal([]byte(s), &o) != nil || o.Repo != "" {
		return "", ""
	}
	p, gen := o.Path, ""
	if o.ConfiguredIn != "" {
		p, gen = o.ConfiguredIn, o.ConfiguredBy.Kind
	}
	if p == "" {
		return "", ""
	}
	p = path.Clean(path.Join(dir, p))
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", ""
	}
	return p, gen
}

// sources caches the parsed source files of a build.
type sources struct {
	fsys fs.FS
	docs map[string][]yamldoc.Document
}

// locate rewrites v's line annotations to lines of its source file p: a
// key's line is the line of the same key path (list indices included) in
// the source document, else its nearest ancestor's; keys a patch added
// point at the base object's nearest line. A generated object points at
// its generator in the kustomization file.
func (s *sources) locate(v map[string]any, p, generatedBy string) {
	docs, ok := s.docs[p]
	if !ok {
		b, err := fs.ReadFile(s.fsys, p)
		if err == nil {
			docs, _ = yamldoc.Parse(b)
		}
		s.docs[p] = docs
	}
	idx := map[string]int{}
	first := 1
	if generatedBy != "" {
		if len(docs) > 0 {
			if m, ok := docs[0].Value.(map[string]any); ok {
				key := strings.ToLower(generatedBy[:1]) + generatedBy[1:]
				first = max(1, keyLine(m, key))
			}
		}
	} else if d := pickDoc(docs, v); d != nil {
		first = d.StartLine
		index(d.Value, "", idx)
	}
	relocate(v, "", first, idx)
}

func keyLine(m map[string]any, k string) int {
	keys, _ := m[yamldoc.KeysKey].(map[string]any)
	loc, _ := keys[k].(map[string]any)
	n, _ := loc["start_line"].(int)
	return n
}

// pickDoc finds the source document of a built object: same kind, and
// the name kustomize may have prefixed or suffixed.
func pickDoc(docs []yamldoc.Document, v map[string]any) *yamldoc.Document {
	kind, _ := v["kind"].(string)
	name := nameOf(v)
	var cands []int
	for i := range docs {
		m, ok := docs[i].Value.(map[string]any)
		if ok && m["kind"] == kind {
			cands = append(cands, i)
		}
	}
	for _, i := range cands {
		if n := nameOf(docs[i].Value.(map[string]any)); n != "" && strings.Contains(name, n) {
			return &docs[i]
		}
	}
	if len(cands) > 0 {
		return &docs[cands[0]]
	}
	return nil
}

func nameOf(v map[string]any) string {
	md, _ := v["metadata"].(map[string]any)
	n, _ := md["name"].(string)
	return n
}

// index records the line of every key path of a source document.
func index(v any, p string, out map[string]int) {
	switch x := v.(type) {
	case map[string]any:
		keys, _ := x[yamldoc.KeysKey].(map[string]any)
		for k, c := range x {
			if k == yamldoc.KeysKey || k == yamldoc.LocKey {
				continue
			}
			kp := p + "/" + k
			loc, _ := keys[k].(map[string]any)
			if n, ok := loc["start_line"].(int); ok {
				out[kp] = n
			}
			index(c, kp, out)
		}
	case []any:
		for i, c := range x {
			index(c, p+"["+strconv.Itoa(i)+"]", out)
		}
	}
}

// relocate rewrites the annotations of a built object from idx; it
// returns the last line its subtree maps to.
func relocate(v any, p string, parent int, idx map[string]int) int {
	switch x := v.(type) {
	case map[string]any:
		names := make([]string, 0, len(x))
		for k := range x {
			if k != yamldoc.KeysKey && k != yamldoc.LocKey {
				names = append(names, k)
			}
		}
		slices.Sort(names)
		start, last := 0, parent
		keys := make(map[string]any, len(names))
		for _, k := range names {
			kp := p + "/" + k
			ln, ok := idx[kp]
			if !ok {
				ln = parent
			}
			if start == 0 || ln < start {
				start = ln
			}
			end := max(ln, relocate(x[k], kp, ln, idx))
			keys[k] = yamldoc.Loc(ln, end)
			last = max(last, end)
		}
		if start == 0 {
			start = parent
		}
		x[yamldoc.KeysKey] = keys
		x[yamldoc.LocKey] = yamldoc.Loc(start, max(start, last))
		return last
	case []any:
		last := parent
		for i, c := range x {
			ip := p + "[" + strconv.Itoa(i) + "]"
			ln := parent
			// an item's own line: the first key line of the source item
			for k, n := range idx {
				if strings.HasPrefix(k, ip+"/") && (ln == parent || n < ln) {
					ln = n
				}
			}
			last = max(last, relocate(c, ip, ln, idx))
		}
		return last
	}
	return parent
}

// confined is the disk seen by kustomize: only paths inside root, read
// only; reading the built kustomization adds originAnnotations to its
// buildMetadata, so that each object names its source file.
type confined struct {
	filesys.FileSystem
	root, inject string
}

var errOutside = errors.New("outside the scanned tree")

func (c *confined) inside(p string) error {
	abs, err := filepath.Abs(p)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	}
	if abs != c.root && !strings.HasPrefix(abs, c.root+string(filepath.Separator)) {
		return fmt.Errorf("%s: %w", p, errOutside)
	}
	return nil
}

func (c *confined) Create(p string) (filesys.File, error) { return nil, errReadOnly }
func (c *confined) Mkdir(string) error                    { return errReadOnly }
func (c *confined) MkdirAll(string) error                 { return errReadOnly }
func (c *confined) RemoveAll(string) error                { return errReadOnly }
func (c *confined) WriteFile(string, []byte) error        { return errReadOnly }

var errReadOnly = errors.New("the scan does not write")

func (c *confined) Open(p string) (filesys.File, error) {
	if err := c.inside(p); err != nil {
		return nil, err
	}
	return c.FileSystem.Open(p)
}

func (c *confined) IsDir(p string) bool { return c.inside(p) == nil && c.FileSystem.IsDir(p) }

func (c *confined) Exists(p string) bool { return c.inside(p) == nil && c.FileSystem.Exists(p) }

func (c *confined) ReadDir(p string) ([]string, error) {
	if err := c.inside(p); err != nil {
		return nil, err
	}
	return c.FileSystem.ReadDir(p)
}

func (c *confined) CleanedAbs(p string) (filesys.ConfirmedDir, string, error) {
	if err := c.inside(p); err != nil {
		return "", "", err
	}
	return c.FileSystem.CleanedAbs(p)
}

func (c *confined) Glob(pattern string) ([]string, error) {
	ms, err := c.FileSystem.Glob(pattern)
	out := ms[:0]
	for _, m := range ms {
		if c.inside(m) == nil {
			out = append(out, m)
		}
	}
	return out, err
}

func (c *confined) Walk(p string, fn filepath.WalkFunc) error {
	if err := c.inside(p); err != nil {
		return err
	}
	return c.FileSystem.Walk(p, func(q string, info os.FileInfo, err error) error {
		if c.inside(q) != nil {
			return nil
		}
		return fn(q, info, err)
	})
}

func (c *confined) ReadFile(p string) ([]byte, error) {
	if err := c.inside(p); err != nil {
		return nil, err
	}
	b, err := c.FileSystem.ReadFile(p)
	if err != nil || filepath.Clean(p) != c.inject {
		return b, err
	}
	var k map[string]any
	if yaml.Unmarshal(b, &k) != nil || k == nil {
		return b, nil // kustomize reports it
	}
	md, _ := k["buildMetadata"].([]any)
	if !slices.Contains(md, any("originAnnotations")) {
		k["buildMetadata"] = append(md, "originAnnotations")
	}
	return yaml.Marshal(k)
}
