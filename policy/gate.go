package policy

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/tollgate-dev/tollgate/internal/regosandbox"
	"github.com/tollgate-dev/tollgate/scanner"
	"gopkg.in/yaml.v3"
)

//go:embed default.rego
var defaultPolicy string

// DefaultPolicyFile is the name the embedded policy is compiled under; it
// appears in explanations as "default.rego:LINE".
const DefaultPolicyFile = "default.rego"

// gatePackage is where deny and warn rules are collected from.
var gatePackage = ast.MustParseRef("data.tollgate.gate")

// ErrPolicy marks a policy that could not be loaded, compiled or
// evaluated. The message names the file and line.
var ErrPolicy = errors.New("policy error")

// Option configures New.
type Option func(*gateConfig) error

type gateConfig struct {
	files     map[string]string
	noDefault bool
	data      map[string]any
	allowNet  bool
	timeout   time.Duration
}

// WithPolicy adds Rego files, or every .rego file (tests excluded) under
// a directory.
func WithPolicy(paths ...string) Option {
	return func(c *gateConfig) error {
		for _, p := range paths {
			if err := addRegoFiles(c.files, p); err != nil {
				return err
			}
		}
		return nil
	}
}

// WithModule adds one policy module from memory.
func WithModule(filename, src string) Option {
	return func(c *gateConfig) error { c.files[filename] = src; return nil }
}

// WithoutDefaultPolicy leaves the embedded default policy out, so the
// user's policies alone decide.
func WithoutDefaultPolicy() Option {
	return func(c *gateConfig) error { c.noDefault = true; return nil }
}

// WithNetwork lets policies call the network builtins (http.send,
// net.lookup_*). Without it a policy that calls one is rejected: a policy
// can come from the pull request being gated.
func WithNetwork() Option {
	return func(c *gateConfig) error { c.allowNet = true; return nil }
}

// WithData merges JSON or YAML documents into `data` (top level).
func WithData(paths ...string) Option {
	return func(c *gateConfig) error {
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("%w: data: %w", ErrPolicy, err)
			}
			var doc map[string]any
			if err := yaml.Unmarshal(b, &doc); err != nil {
				return fmt.Errorf("%w: data %s: %v", ErrPolicy, p, err)
			}
			for k, v := range doc {
				c.data[k] = v
			}
		}
		return nil
	}
}

func addRegoFiles(files map[string]string, p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrPolicy, err)
	}
	if !info.IsDir() {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrPolicy, err)
		}
		files[p] = string(b)
		return nil
	}
	return filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%w: %w", ErrPolicy, err)
		}
		if d.IsDir() || !strings.HasSuffix(f, ".rego") || strings.HasSuffix(f, "_test.rego") {
			return nil
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrPolicy, err)
		}
		files[f] = string(b)
		return nil
	})
}

// Gate is a compiled policy ready to decide. It is safe for concurrent use.
type Gate struct {
	query rego.PreparedEvalQuery
	// rules maps the generated name of each deny/warn rule to where the
	// user wrote it.
	rules map[string]ruleSite
	// unattributed is true when some deny/warn definition could not be
	// numbered; the query then reads the whole package.
	unattributed bool
	// timeout bounds Decide (see WithTimeout); compiler and store let a
	// timed-out decision find the rule that held it.
	timeout  time.Duration
	compiler *ast.Compiler
	store    storage.Store
	digest   string // see Digest
	// fields, when not nil, are the only object keys the policy can read
	// (see policyFields); the input is built with those alone.
	fields map[string]bool
	// chunk is how many findings are converted at a time, when the
	// default policy decides alone, to find those it reads (see
	// relevant); decidedQuery reads them.
	chunk        int
	decidedQuery rego.PreparedEvalQuery
}

type ruleSite struct {
	kind string // "deny" or "warn"
	pos  string // file:line
}

// New loads, parses and compiles the policies and prepares the query once.
func New(ctx context.Context, opts ...Option) (*Gate, error) {
	cfg := gateConfig{files: map[string]string{}, data: map[string]any{}}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if !cfg.noDefault {
		cfg.files[DefaultPolicyFile] = defaultPolicy
	}
	if len(cfg.files) == 0 {
		return nil, fmt.Errorf("%w: no policy to evaluate (the default policy is off and none was given)", ErrPolicy)
	}
	names := make([]string, 0, len(cfg.files))
	for n := range cfg.files {
		names = append(names, n)
	}
	sort.Strings(names)

	modules := make(map[string]*ast.Module, len(names))
	g := &Gate{rules: map[string]ruleSite{}, timeout: cfg.timeout, chunk: relevanceChunk}
	var err error
	if g.digest, err = digest(cfg.files, cfg.data); err != nil {
		return nil, fmt.Errorf("%w: data: %w", ErrPolicy, err)
	}
	n := 0
	for _, name := range names {
		m, err := ast.ParseModuleWithOpts(name, cfg.files[name], ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrPolicy, err)
		}
		if !cfg.allowNet {
			if err := regosandbox.Check(m); err != nil {
				return nil, fmt.Errorf("%w: %w", ErrPolicy, err)
			}
		}
		if m.Package.Path.Equal(gatePackage) {
			n = g.attribute(m, n)
		}
		modules[name] = m
	}
	if !cfg.noDefault && len(modules) == 1 {
		g.fields = policyFields(modules[DefaultPolicyFile])
	}
	caps := regosandbox.Capabilities(cfg.allowNet)
	compiler := ast.NewCompiler().WithStrict(false).WithCapabilities(caps)
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, fmt.Errorf("%w: %v", ErrPolicy, compiler.Errors)
	}
	g.compiler, g.store = compiler, inmem.NewFromObject(cfg.data)
	pq, err := g.prepare(ctx, g.queryText(), caps)
	if err != nil {
		return nil, err
	}
	g.query = pq
	if g.fields != nil {
		if g.decidedQuery, err = g.prepare(ctx, "x := data.tollgate.gate.decided_findings", caps); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (g *Gate) prepare(ctx context.Context, query string, caps *ast.Capabilities) (rego.PreparedEvalQuery, error) {
	pq, err := rego.New(
		rego.Query(query),
		rego.Compiler(g.compiler),
		rego.Store(g.store),
		rego.StrictBuiltinErrors(true),
		rego.Capabilities(caps),
	).PrepareForEval(ctx)
	if err != nil {
		return pq, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	return pq, nil
}

// policyFields is every string constant of m: the object keys m can read
// by name, whether as `f.title` or through object.get(f, ["title"], x). It
// is used for the embedded default policy only, which reads findings by
// name and never iterates over an object's keys or passes a whole finding
// on (TestDefaultPolicyLeanInputDecidesAlike); a user's policy may do
// anything with its input, so it always gets all of it.
func policyFields(m *ast.Module) map[string]bool {
	fields := map[string]bool{}
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if s, ok := t.Value.(ast.String); ok {
			fields[string(s)] = true
		}
		return false
	})
	return fields
}

// queryText is the one query the gate evaluates: an object of every numbered
// deny/warn rule. Only those rules are evaluated and converted (the
// aggregate deny set would double the work); when a definition could not
// be numbered the whole package is read instead.
func (g *Gate) queryText() string {
	if g.unattributed || len(g.rules) == 0 {
		return "x := data.tollgate.gate"
	}
	gens := make([]string, 0, len(g.rules))
	for k := range g.rules {
		gens = append(gens, fmt.Sprintf("%q: data.tollgate.gate.%s", k, k))
	}
	sort.Strings(gens)
	return "x := {" + strings.Join(gens, ", ") + "}"
}

// attribute renames every partial-set deny/warn rule of m to a numbered
// name and adds an aggregate rule under the original name, so one
// evaluation yields each rule's results separately while `deny` and `warn`
// still mean what users expect.
func (g *Gate) attribute(m *ast.Module, n int) int {
	for _, r := range m.Rules {
		name := r.Head.Name.String()
		if len(r.Head.Reference) == 1 {
			name = r.Head.Reference[0].Value.String()
		}
		if name != "deny" && name != "warn" {
			continue
		}
		if r.Head.Key == nil || r.Head.Value != nil || len(r.Head.Args) > 0 {
			g.unattributed = true // e.g. a complete `deny := {...}`
			continue
		}
		n++
		gen := fmt.Sprintf("tollgate_%s_%d", name, n)
		r.Head.Name = ast.Var(gen)
		r.Head.Reference = ast.Ref{ast.VarTerm(gen)}
		g.rules[gen] = ruleSite{kind: name, pos: fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)}
		agg := ast.MustParseRuleWithOpts(fmt.Sprintf("%s contains x if some x in %s", name, gen), ast.ParserOptions{RegoVersion: ast.RegoV1})
		agg.Module = m
		m.Rules = append(m.Rules, agg)
	}
	return n
}

// Decide evaluates the policy once against in.
func (g *Gate) Decide(ctx context.Context, in Input) (scanner.Decision, error) {
	src := findingSource{input: in.Findings}
	if src.input == nil {
		src.input = []InputFinding{}
	}
	in.Findings = nil
	return g.decide(ctx, in, src)
}

// DecideResult is BuildInput followed by Decide, without the input's copy
// of every finding: the findings are converted for the policy one at a
// time. It annotates res.Findings in place like BuildInput.
func (g *Gate) DecideResult(ctx context.Context, res *scanner.Result, o InputOptions) (scanner.Decision, error) {
	return g.decide(ctx, annotate(res, o), findingSource{result: res.Findings})
}

func (g *Gate) decide(ctx context.Context, in Input, src findingSource) (scanner.Decision, error) {
	rest, err := restObject(in, g.fields)
	if err != nil {
		return scanner.Decision{}, err
	}
	dctx, cancel := g.deadline(ctx)
	defer cancel()
	var fs *findingTerms
	if g.fields != nil && src.len() > g.chunk {
		fs, err = g.relevant(ctx, dctx, rest, src)
	} else {
		fs, err = allTerms(src, g.fields)
	}
	if err != nil {
		return scanner.Decision{}, err
	}
	defer fs.release()
	// Ranked now, so that the findings' Go copies (with Decide) are
	// garbage while the policy runs.
	order := findingOrder(src, fs.idx)
	src = findingSource{}
	d := scanner.Decision{Deny: []scanner.Reason{}, Warn: []scanner.Reason{}}
	d.Deny, d.Warn, err = g.eval(ctx, dctx, withFindings(rest, fs.terms))
	if err != nil {
		return scanner.Decision{}, err
	}
	sortReasons(d.Deny, order)
	sortReasons(d.Warn, order)
	d.Pass = len(d.Deny) == 0
	return d, nil
}

// eval evaluates the query on one input under dctx, the decision's
// deadline, and returns its reasons.
func (g *Gate) eval(ctx, dctx context.Context, v ast.Value) (deny, warn []scanner.Reason, err error) {
	rs, err := g.query.Eval(dctx, rego.EvalParsedInput(v))
	if err != nil {
		if ctx.Err() == nil && dctx.Err() != nil {
			return nil, nil, g.slowRule(ctx, v)
		}
		return nil, nil, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	if len(rs) != 1 {
		return []scanner.Reason{}, []scanner.Reason{}, nil
	}
	pkg, _ := rs[0].Bindings["x"].(map[string]any)
	return g.collect(pkg)
}

// findingOrder ranks fingerprints most severe first, then in the
// findings' own (path, line) order; only the findings at idx when it is
// not nil (the ones the policy saw).
func findingOrder(src findingSource, idx []int) map[string]int {
	if idx == nil {
		idx = make([]int, src.len())
		for i := range idx {
			idx[i] = i
		}
	} else {
		idx = slices.Clone(idx)
	}
	sort.SliceStable(idx, func(a, b int) bool { return src.finding(idx[a]).Severity > src.finding(idx[b]).Severity })
	m := make(map[string]int, len(idx))
	for rank, i := range idx {
		m[src.finding(i).Fingerprint] = rank + 1
	}
	return m
}

// sortReasons puts reasons about the scan itself (no findings behind
// them: scanner errors, expired exceptions with no match) first, then
// reasons in the order of their most important finding. Rego sets have
// no meaningful order; reports should read most severe first.
func sortReasons(rs []scanner.Reason, order map[string]int) {
	type keyed struct {
		key int
		r   scanner.Reason
	}
	ks := make([]keyed, len(rs))
	for i, r := range rs {
		best := 0
		for _, fp := range r.Fingerprints {
			if o := order[fp]; o > 0 && (best == 0 || o < best) {
				best = o
			}
		}
		ks[i] = keyed{best, r}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].key != ks[j].key {
			return ks[i].key < ks[j].key
		}
		return ks[i].r.Msg < ks[j].r.Msg
	})
	for i := range ks {
		rs[i] = ks[i].r
	}
}

// collect turns the evaluated package into reasons, attributed to rules.
func (g *Gate) collect(pkg map[string]any) (deny, warn []scanner.Reason, err error) {
	deny, warn = []scanner.Reason{}, []scanner.Reason{}
	seen := map[string]bool{}
	gens := make([]string, 0, len(g.rules))
	for k := range g.rules {
		gens = append(gens, k)
	}
	slices.Sort(gens)
	add := func(kind, pos string, items any) error {
		list, ok := items.([]any)
		if !ok {
			if items == nil {
				return nil
			}
			return fmt.Errorf("%w: %s at %s is not a set", ErrPolicy, kind, pos)
		}
		for _, it := range list {
			r, err := toReason(it)
			if err != nil {
				return fmt.Errorf("%w: %s at %s: %v", ErrPolicy, kind, pos, err)
			}
			key := kind + "\x00" + r.Msg + "\x00" + strings.Join(r.Fingerprints, ",")
			if seen[key] {
				continue
			}
			seen[key] = true
			if r.Policy == "" {
				r.Policy = pos
			}
			if kind == "deny" {
				deny = append(deny, r)
			} else {
				warn = append(warn, r)
			}
		}
		return nil
	}
	for _, gen := range gens {
		site := g.rules[gen]
		if err := add(site.kind, site.pos, pkg[gen]); err != nil {
			return nil, nil, err
		}
	}
	// Anything left in the aggregate sets came from a rule we could not
	// number (for example a complete `deny := {...}` definition).
	for _, kind := range []string{"deny", "warn"} {
		if err := add(kind, "data.tollgate.gate."+kind, pkg[kind]); err != nil {
			return nil, nil, err
		}
	}
	return deny, warn, nil
}

// toReason accepts a message string or an object with msg, rule and
// fingerprint(s).
func toReason(v any) (scanner.Reason, error) {
	switch x := v.(type) {
	case string:
		return scanner.Reason{Msg: x}, nil
	case map[string]any:
		var r scanner.Reason
		r.Msg, _ = x["msg"].(string)
		if r.Msg == "" {
			return r, fmt.Errorf("result %v has no msg", x)
		}
		r.Rule, _ = x["rule"].(string)
		if fp, ok := x["fingerprint"].(string); ok {
			r.Fingerprints = append(r.Fingerprints, fp)
		}
		if fps, ok := x["fingerprints"].([]any); ok {
			for _, fp := range fps {
				if s, ok := fp.(string); ok {
					r.Fingerprints = append(r.Fingerprints, s)
				}
			}
		}
		return r, nil
	}
	return scanner.Reason{}, fmt.Errorf("result %v is neither a string nor an object with msg", v)
}
