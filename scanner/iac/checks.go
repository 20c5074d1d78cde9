package iac

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"golang.org/x/sync/errgroup"

	"github.com/tollgate-dev/tollgate/internal/regosandbox"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/checks"
)

// Document kinds, the values of a check's "frameworks".
const (
	KindTerraform      = "terraform"
	KindTerraformPlan  = "terraform-plan"
	KindCloudFormation = "cloudformation"
	KindKubernetes     = "kubernetes"
	KindDockerfile     = "dockerfile"
	KindGitHubActions  = "github-actions"
	KindGitLabCI       = "gitlab-ci"
	KindARM            = "arm"
)

// Kinds lists every document kind, in a stable order.
var Kinds = []string{KindTerraform, KindTerraformPlan, KindCloudFormation, KindKubernetes, KindDockerfile, KindGitHubActions, KindGitLabCI, KindARM}

// CheckMeta describes one check, from its METADATA annotation.
type CheckMeta struct {
	ID          string
	Title       string
	Description string
	Severity    scanner.Severity
	Frameworks  []string
	Remediation string
	References  []string
	CWEs        []string
	// Package is the Rego package, e.g. "tollgate.iac.kubernetes.privileged".
	Package string
	// Source is where the check was loaded from: "builtin:kubernetes/x.rego"
	// or the path of a user file.
	Source string
	// Builtin is false for checks loaded from Options.ExtraCheckDirs.
	Builtin bool
	// Peers are the ids of the equivalent checks of other tools
	// (METADATA custom.peer_ids), so that their inline suppressions and
	// the users' mappings keep working after a migration.
	Peers PeerIDs
}

// PeerIDs are the ids of equivalent checks in other scanners: trivy's
// AVD-* ids (the long form; trivy also accepts the id without "AVD-"),
// checkov's CKV_* / CKV2_* ids and KICS query UUIDs.
type PeerIDs struct {
	Trivy   []string `json:"trivy,omitempty"`
	Checkov []string `json:"checkov,omitempty"`
	KICS    []string `json:"kics,omitempty"`
}

// All lists every peer id, trivy first, then checkov, then KICS.
func (p PeerIDs) All() []string {
	if p.Empty() {
		return nil
	}
	out := make([]string, 0, len(p.Trivy)+len(p.Checkov)+len(p.KICS))
	out = append(out, p.Trivy...)
	out = append(out, p.Checkov...)
	return append(out, p.KICS...)
}

// Empty is true when no peer id is known.
func (p PeerIDs) Empty() bool { return len(p.Trivy)+len(p.Checkov)+len(p.KICS) == 0 }

// Map is the JSON-friendly form, for finding and SARIF rule properties.
func (p PeerIDs) Map() map[string][]string {
	m := map[string][]string{}
	if len(p.Trivy) > 0 {
		m["trivy"] = p.Trivy
	}
	if len(p.Checkov) > 0 {
		m["checkov"] = p.Checkov
	}
	if len(p.KICS) > 0 {
		m["kics"] = p.KICS
	}
	return m
}

type checkSet struct {
	metas   []CheckMeta
	modules map[string]*ast.Module // every non-test module, by source name
	builtin map[string]bool        // the built-in ones among modules
	// allowNet lets user checks call the network builtins (see
	// internal/regosandbox); off, they are rejected when loaded.
	allowNet bool
}

// loadChecks parses the built-in checks and the user check directories.
func loadChecks(extraDirs []string, allowNet bool) (*checkSet, error) {
	cs := &checkSet{modules: map[string]*ast.Module{}, builtin: map[string]bool{}, allowNet: allowNet}
	if err := cs.addFS(checks.FS, "builtin:", true); err != nil {
		return nil, err
	}
	for _, d := range extraDirs {
		info, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("checks dir: %w", err)
		}
		if !info.IsDir() {
			// A single file is accepted too.
			src, err := os.ReadFile(d)
			if err != nil {
				return nil, fmt.Errorf("checks: %w", err)
			}
			if err := cs.addModule(d, src, false); err != nil {
				return nil, err
			}
			continue
		}
		if err := cs.addFS(os.DirFS(d), filepath.ToSlash(d)+"/", false); err != nil {
			return nil, err
		}
	}
	seen := map[string]string{}
	for _, m := range cs.metas {
		if prev, ok := seen[m.ID]; ok {
			return nil, fmt.Errorf("check id %s defined twice: %s and %s", m.ID, prev, m.Source)
		}
		seen[m.ID] = m.Source
	}
	sort.Slice(cs.metas, func(i, j int) bool { return cs.metas[i].ID < cs.metas[j].ID })
	return cs, nil
}

func (cs *checkSet) addFS(fsys fs.FS, prefix string, builtin bool) error {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, "_test.rego") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("checks: %w", err)
	}
	// Parsing is a fifth of the start-up: spread it over the cores, then
	// add the modules in walk order so errors and ids stay deterministic.
	mods := make([]*ast.Module, len(names))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range names {
		g.Go(func() error {
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return fmt.Errorf("checks: %w", err)
			}
			mods[i], err = parseCheck(prefix+p, src)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for i, p := range names {
		if err := cs.addParsed(prefix+p, mods[i], builtin); err != nil {
			return err
		}
	}
	return nil
}

func parseCheck(name string, src []byte) (*ast.Module, error) {
	mod, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, fmt.Errorf("checks: %w", err)
	}
	return mod, nil
}

func (cs *checkSet) addModule(name string, src []byte, builtin bool) error {
	mod, err := parseCheck(name, src)
	if err != nil {
		return err
	}
	return cs.addParsed(name, mod, builtin)
}

func (cs *checkSet) addParsed(name string, mod *ast.Module, builtin bool) error {
	if !builtin && !cs.allowNet {
		if err := regosandbox.Check(mod); err != nil {
			return fmt.Errorf("checks: %w", err)
		}
	}
	if _, dup := cs.modules[name]; dup {
		return fmt.Errorf("checks: %s loaded twice", name)
	}
	cs.modules[name] = mod
	cs.builtin[name] = builtin
	if !hasRule(mod, "deny") {
		// A library module. Its METADATA is documentation only; dropping it
		// lets a library package span several files that each carry one.
		mod.Annotations = nil
		return nil
	}
	meta, err := checkMeta(name, mod)
	if err != nil {
		return err
	}
	meta.Builtin = builtin
	cs.metas = append(cs.metas, meta)
	return nil
}

func hasRule(mod *ast.Module, name string) bool {
	for _, r := range mod.Rules {
		if r.Head.Name.String() == name || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.String() == ast.Var(name).String()) {
			return true
		}
	}
	return false
}

// checkMeta reads and validates the package-scope METADATA of a check.
func checkMeta(name string, mod *ast.Module) (CheckMeta, error) {
	pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
	var a *ast.Annotations
	for _, an := range mod.Annotations {
		if an.Scope == "package" || an.Scope == "subpackages" {
			a = an
			break
		}
	}
	line := mod.Package.Location.Row
	if a == nil {
		return CheckMeta{}, fmt.Errorf("%s:%d: check %s has no METADATA block with scope: package", name, line, pkg)
	}
	if a.Location != nil {
		line = a.Location.Row
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: check %s: %s", name, line, pkg, fmt.Sprintf(format, args...))
	}
	m := CheckMeta{
		Title:       strings.TrimSpace(a.Title),
		Description: strings.TrimSpace(a.Description),
		Package:     pkg,
		Source:      name,
	}
	c := a.Custom
	m.ID, _ = c["id"].(string)
	if m.ID == "" {
		return m, bad("METADATA custom.id is missing")
	}
	sev, _ := c["severity"].(string)
	if sev == "" {
		return m, bad("METADATA custom.severity is missing")
	}
	s, err := scanner.ParseSeverity(sev)
	if err != nil || s == scanner.SeverityUnknown {
		return m, bad("METADATA custom.severity %q is not CRITICAL, HIGH, MEDIUM, LOW or INFO", sev)
	}
	m.Severity = s
	m.Frameworks = stringList(c["frameworks"])
	if len(m.Frameworks) == 0 {
		return m, bad("METADATA custom.frameworks is missing")
	}
	for _, f := range m.Frameworks {
		if !knownKind(f) {
			return m, bad("unknown framework %q (want one of %s)", f, strings.Join(Kinds, ", "))
		}
	}
	if m.Title == "" {
		return m, bad("METADATA title is missing")
	}
	m.Remediation, _ = c["remediation"].(string)
	m.Remediation = strings.TrimSpace(m.Remediation)
	m.References = stringList(c["references"])
	for _, r := range a.RelatedResources {
		if r != nil && r.Ref.String() != "" {
			m.References = append(m.References, r.Ref.String())
		}
	}
	m.CWEs = stringList(c["cwe"])
	if m.Peers, err = peerIDs(c["peer_ids"]); err != nil {
		return m, bad("%v", err)
	}
	return m, nil
}

var (
	trivyIDRe   = regexp.MustCompile(`^AVD-[A-Z0-9]+-\d{4,5}$`)
	checkovIDRe = regexp.MustCompile(`^CKV2?_[A-Z0-9]+_\d+$`)
	kicsIDRe    = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// peerIDs reads custom.peer_ids: {trivy: [...], checkov: [...], kics: [...]},
// rejecting ids that are not in the tool's own format (a typo there would
// silently stop a migrated suppression from working).
func peerIDs(v any) (PeerIDs, error) {
	var p PeerIDs
	if v == nil {
		return p, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return p, errors.New("METADATA custom.peer_ids must be a map of tool to ids")
	}
	for tool, ids := range m {
		var re *regexp.Regexp
		var dst *[]string
		switch tool {
		case "trivy":
			re, dst = trivyIDRe, &p.Trivy
		case "checkov":
			re, dst = checkovIDRe, &p.Checkov
		case "kics":
			re, dst = kicsIDRe, &p.KICS
		default:
			return p, fmt.Errorf("METADATA custom.peer_ids: unknown tool %q (want trivy, checkov or kics)", tool)
		}
		for _, id := range stringList(ids) {
			if !re.MatchString(id) {
				return p, fmt.Errorf("METADATA custom.peer_ids.%s: %q is not a %s id", tool, id, tool)
			}
			*dst = append(*dst, id)
		}
	}
	return p, nil
}

func knownKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// errNoChecks is returned when a user directory holds no check at all,
// which is almost always a wrong path.
var errNoChecks = errors.New("no Rego check (a module with a deny rule and METADATA) found")

func checkDirHasChecks(cs *checkSet, dir string) error {
	for _, m := range cs.metas {
		if !m.Builtin && (strings.HasPrefix(m.Source, filepath.ToSlash(dir)+"/") || m.Source == dir) {
			return nil
		}
	}
	return fmt.Errorf("checks dir %s: %w", dir, errNoChecks)
}
