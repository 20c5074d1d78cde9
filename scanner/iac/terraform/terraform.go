package terraform

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Document kinds produced by this package.
const (
	KindModule = "terraform"
	KindPlan   = "terraform-plan"
)

// maxModuleDepth bounds local module nesting (and so any source cycle).
const maxModuleDepth = 16

// Options configures module evaluation.
type Options struct {
	// VarFiles are extra variable files (like terraform's -var-file), applied
	// after terraform.tfvars and *.auto.tfvars to every root module. A
	// relative path is relative to the root of fsys; an absolute path is read
	// from the operating system.
	VarFiles []string
	// Env holds TF_VAR_<name> values by variable name (see VarsFromEnviron).
	// As in terraform they apply to root module variables below every
	// variables file; nil reads none.
	Env map[string]string
	// Logger receives debug messages about skipped modules and expressions.
	// Nil discards them.
	Logger *slog.Logger
	// Budgets bound the evaluation (zero fields: [DefaultBudgets]).
	Budgets Budgets
}

// Document is one evaluated module or plan.
type Document struct {
	Kind  string
	Path  string // root-relative file the document is anchored to
	Value map[string]any
}

// IsConfigFile reports whether a root-relative path is a Terraform
// configuration file (.tf or .tf.json).
func IsConfigFile(p string) bool {
	return strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")
}

// IsVarsFile reports whether a path is a variables file (.tfvars, .tfvars.json).
func IsVarsFile(p string) bool {
	return strings.HasSuffix(p, ".tfvars") || strings.HasSuffix(p, ".tfvars.json")
}

// ParseModule evaluates the module in dir (root-relative, "." for the root)
// as a root module and returns its document. A syntax error in one of its
// files is returned as a *scanner.FileError; evaluation problems never fail.
func ParseModule(ctx context.Context, fsys fs.FS, dir string, opts Options) (docs []Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			docs, err = nil, &scanner.FileError{Path: dir, Err: fmt.Errorf("terraform: evaluation failure: %v", r)}
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	dir = cleanDir(dir)
	l := &loader{fsys: fsys, files: map[string]*moduleFiles{}, log: opts.Logger, budget: newBudget(opts.Budgets), env: opts.Env}
	if l.log == nil {
		l.log = slog.New(slog.DiscardHandler)
	}
	mf, err := l.load(dir)
	if err != nil {
		return nil, err
	}
	var manifestErr error
	l.manifest, manifestErr = readManifest(fsys, dir)
	vars, err := l.rootVariables(dir, opts.VarFiles)
	if err != nil {
		return nil, err
	}
	doc := &docBuilder{}
	m := newModule(ctx, l, doc, mf, "", vars, 0, []string{dir})
	m.run()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	value := map[string]any{
		"resources":          doc.resources,
		"providers":          m.providers(),
		"variables":          m.variablesValue(),
		"outputs":            m.outputsValue(),
		"unresolved_modules": doc.unresolved,
	}
	if doc.resources == nil {
		value["resources"] = []any{}
	}
	if doc.unresolved == nil {
		value["unresolved_modules"] = []any{}
	}
	docs = []Document{{Kind: KindModule, Path: mf.anchor(), Value: value}}
	// Budgets exceeded are reported with the document: what was
	// evaluated is still checked.
	errs := []error{manifestErr}
	for _, fe := range l.budget.exceeded {
		if fe.Path == "" {
			fe.Path = mf.anchor()
		}
		errs = append(errs, fe)
	}
	return docs, errors.Join(errs...)
}

// RootModules returns the directories of dirs that are root modules: those
// that no other directory in dirs calls as a local module (source "./..." or
// "../..."). Directories with syntax errors count as root modules, so that the
// error is reported; in a group of directories that only call each other, the
// first (by name) is a root. The result is sorted.
func RootModules(ctx context.Context, fsys fs.FS, dirs []string) ([]string, error) {
	set := map[string]bool{}
	for _, d := range dirs {
		set[cleanDir(d)] = true
	}
	all := make([]string, 0, len(set))
	for d := range set {
		all = append(all, d)
	}
	sort.Strings(all)
	calls := map[string][]string{}
	called := map[string]bool{}
	for _, d := range all {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, src := range moduleSourcesIn(fsys, d) {
			if target, ok := localSource(d, src); ok && target != d && set[target] {
				calls[d] = append(calls[d], target)
				called[target] = true
			}
		}
	}
	var roots []string
	reached := map[string]bool{}
	var visit func(string)
	visit = func(d string) {
		if reached[d] {
			return
		}
		reached[d] = true
		for _, c := range calls[d] {
			visit(c)
		}
	}
	for _, d := range all {
		if !called[d] {
			roots = append(roots, d)
			visit(d)
		}
	}
	// Directories that only call each other (a source cycle) are reached
	// from no root; the first of each such group becomes a root so that
	// its resources are still scanned.
	for _, d := range all {
		if !reached[d] {
			roots = append(roots, d)
			visit(d)
		}
	}
	sort.Strings(roots)
	return roots, nil
}

// moduleSourcesIn returns the literal module sources of a directory's
// configuration files. Files that cannot contain a module block are not
// parsed, and files that fail to parse are ignored (ParseModule reports them).
func moduleSourcesIn(fsys fs.FS, dir string) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || !IsConfigFile(e.Name()) || isOverrideFile(e.Name()) {
			continue
		}
		p := path.Join(dir, e.Name())
		src, err := fs.ReadFile(fsys, p)
		if err != nil || !bytes.Contains(src, []byte("module")) || !bytes.Contains(src, []byte("source")) {
			continue
		}
		f, err := parseFile(p, src)
		if err != nil {
			continue
		}
		content, _, _ := f.body.PartialContent(rootSchema)
		mf := &moduleFiles{blocks: content.Blocks}
		out = append(out, mf.moduleSources()...)
	}
	return out
}

func cleanDir(d string) string {
	d = path.Clean(filepath.ToSlash(d))
	if d == "" || d == "/" {
		return "."
	}
	return strings.TrimPrefix(d, "/")
}

// localSource resolves a module source relative to dir; ok is false for
// remote sources and for paths that leave the scanned tree.
func localSource(dir, source string) (string, bool) {
	if !strings.HasPrefix(source, "./") && !strings.HasPrefix(source, "../") && source != "." && source != ".." {
		return "", false
	}
	target := path.Clean(path.Join(dir, source))
	if target == ".." || strings.HasPrefix(target, "../") || path.IsAbs(target) {
		return "", false
	}
	return target, true
}

// file is one parsed configuration file.
type file struct {
	path string
	body hcl.Body
	src  []byte
}

// moduleFiles is the parsed content of one module directory.
type moduleFiles struct {
	dir    string
	files  []*file
	blocks []*hcl.Block // top-level blocks of every file, in file order
	origin map[*hcl.Block]*file
}

func (mf *moduleFiles) anchor() string {
	for _, f := range mf.files {
		if path.Base(f.path) == "main.tf" {
			return f.path
		}
	}
	if len(mf.files) > 0 {
		return mf.files[0].path
	}
	return mf.dir
}

// moduleSources returns the literal source of every module block.
func (mf *moduleFiles) moduleSources() []string {
	var out []string
	for _, b := range mf.blocks {
		if b.Type != "module" {
			continue
		}
		attrs, _ := b.Body.JustAttributes()
		if a, ok := attrs["source"]; ok {
			v, diags := a.Expr.Value(nil)
			if !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().FriendlyName() == "string" {
				out = append(out, v.AsString())
			}
		}
	}
	return out
}

var rootSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
}}

type loader struct {
	fsys fs.FS
	// manifest maps module keys to the directories terraform init
	// downloaded registry and git modules to (see readManifest).
	manifest map[string]string
	env      map[string]string // TF_VAR_ values by variable name
	files    map[string]*moduleFiles
	log      *slog.Logger
	budget   *budget
}

// load parses the configuration files of dir (cached).
func (l *loader) load(dir string) (*moduleFiles, error) {
	if mf, ok := l.files[dir]; ok {
		return mf, nil
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("terraform: read module %s: %w", dir, err)
	}
	mf := &moduleFiles{dir: dir, origin: map[*hcl.Block]*file{}}
	var errs []error
	var overrides []*file
	for _, e := range entries {
		if e.IsDir() || !IsConfigFile(e.Name()) {
			continue
		}
		p := path.Join(dir, e.Name())
		src, err := fs.ReadFile(l.fsys, p)
		if err != nil {
			errs = append(errs, &scanner.FileError{Path: p, Err: err})
			continue
		}
		f, err := parseFile(p, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l.budget.guardBody(f.body)
		if isOverrideFile(e.Name()) {
			overrides = append(overrides, f)
			continue
		}
		mf.files = append(mf.files, f)
		content, _, _ := f.body.PartialContent(rootSchema)
		for _, b := range content.Blocks {
			mf.blocks = append(mf.blocks, b)
			mf.origin[b] = f
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// ReadDir sorts by name: override files apply in lexical order
	for _, f := range overrides {
		content, _, _ := f.body.PartialContent(rootSchema)
		mf.applyOverride(f, content.Blocks)
	}
	l.files[dir] = mf
	return mf, nil
}

// parseFile parses one HCL or JSON configuration (or variables) file.
func parseFile(p string, src []byte) (f *file, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &scanner.FileError{Path: p, Err: fmt.Errorf("terraform: parser failure: %v", r)}
		}
	}()
	var hf *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(p, ".json") {
		hf, diags = hcljson.Parse(src, p)
	} else {
		hf, diags = hclsyntax.ParseConfig(src, p, hcl.InitialPos)
	}
	if diags.HasErrors() {
		return nil, diagError(p, diags)
	}
	return &file{path: p, body: hf.Body, src: src}, nil
}

func diagError(p string, diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		line := 0
		if d.Subject != nil {
			line = d.Subject.Start.Line
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		return &scanner.FileError{Path: p, Line: line, Err: errors.New(msg)}
	}
	return &scanner.FileError{Path: p, Err: errors.New(diags.Error())}
}

// readFile reads a root-relative path from fsys or an absolute one from the OS.
func (l *loader) readFile(p string) ([]byte, string, error) {
	if filepath.IsAbs(p) {
		b, err := os.ReadFile(p)
		return b, p, err
	}
	rel := cleanDir(p)
	b, err := fs.ReadFile(l.fsys, rel)
	return b, rel, err
}

// isOverrideFile reports terraform override files (override.tf,
// *_override.tf and their .json forms). They patch blocks of the other files
// attribute by attribute (see override.go).
func isOverrideFile(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}
