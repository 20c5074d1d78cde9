package secrets

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Name is the scanner's registry name and its findings' Scanner kind.
const Name = scanner.KindSecrets

// DefaultHashKey keys the HMAC of secrets when [Options.HashKey] is empty.
// It is a fixed project constant, not a secret: its only job is to make
// fingerprints identical on every machine, so baselines and exceptions
// written on a laptop still match in CI. Because it is public, an evidence
// hash made with it confirms a guessed secret with two SHA-256 calls; that
// is why, without a private key, findings leave out the secret's length,
// entropy and first characters.
const DefaultHashKey = "tollgate-secrets-evidence-v1"

// Options configures the scanner. The zero value scans with the built-in
// rules.
type Options struct {
	// ExtraRuleFiles are added to the rule set: tollgate YAML rule files
	// (.yaml/.yml) or gitleaks TOML configurations (.toml, or content with
	// a [[rules]] table).
	ExtraRuleFiles []string
	// DisableBuiltin drops the embedded rules (ExtraRuleFiles only).
	DisableBuiltin bool
	// MaxFileSize skips (and counts) files larger than this many bytes;
	// 0 means no cap beyond the walk's own.
	MaxFileSize int64
	// SkipPaths are doublestar globs of files never scanned; nil means
	// [DefaultSkipPaths], an empty non-nil slice scans everything. A glob
	// without "/" matches the base name anywhere.
	SkipPaths []string
	// GitSince switches to history mode: Scan ignores the working tree
	// and scans the lines added by the commits GitSince..HEAD of the git
	// repository at the scan root.
	GitSince string
	// GitStaged scans only the lines the git index adds over HEAD (what a
	// commit would record), for pre-commit hooks. It wins over GitSince.
	GitStaged bool
	// HashKey is a private key for the HMAC-SHA256 evidence hash (see
	// [LoadHashKeyFile]). Empty means [DefaultHashKey], which is public:
	// findings then omit everything that narrows a guess (the snippet
	// masks each secret as a bare "****", there is no entropy property,
	// and the region has no end column). With a key, findings carry the
	// secret's first characters (at most 4, at most a quarter), its
	// entropy and its exact region. Fingerprints, and so baselines and
	// exceptions by fingerprint, only match runs that use the same key.
	HashKey []byte
	// Verify checks the secrets of supported providers (see
	// [VerifyProviders]) with one read-only API call each: a live secret
	// becomes CRITICAL with property verified=true, a rejected one gets
	// verified=false, and one that could not be checked verify_error.
	// Off by default: it sends the secrets to their issuers. Requests go
	// only to the providers' hosts (an allow-list), follow no redirects
	// and time out after VerifyTimeout.
	Verify bool
	// VerifyTimeout bounds each request; 0 means DefaultVerifyTimeout.
	VerifyTimeout time.Duration
	// VerifyEndpoints replaces providers' base URLs (provider name ->
	// URL, e.g. a test server); their hosts replace the defaults on the
	// allow-list.
	VerifyEndpoints map[string]string
	// Logger receives debug logs (never a secret); nil discards.
	Logger *slog.Logger
	// Concurrency bounds parallel files; 0 means GOMAXPROCS.
	Concurrency int
}

// DefaultSkipPaths are files that hold hashes and generated text rather
// than hand-written configuration: lockfiles, minified bundles and source
// maps. They cause noise and cost time; they are not scanned by default.
func DefaultSkipPaths() []string {
	return []string{
		"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
		"go.sum", "Cargo.lock", "poetry.lock", "Pipfile.lock", "composer.lock",
		"Gemfile.lock", "packages.lock.json", "gradle.lockfile", "pdm.lock", "uv.lock",
		"mix.lock", "pubspec.lock", "Package.resolved", "flake.lock", "bun.lock",
		"*.min.js", "*.min.css", "*.min.mjs", "*.js.map", "*.css.map", "*.map",
	}
}

// Scanner is the secrets scanner. It is safe for one Scan at a time.
type Scanner struct {
	opts   Options
	eng    *engine
	key    []byte
	keyed  bool // a private hash key is set: see [Options.HashKey]
	log    *slog.Logger
	skip   skipper
	mu     sync.Mutex
	stats  runStats
	nrules int
	chunk  int // chunk size; tests make it small
	// pathHits are the paths path-only rules matched during the walk
	// (Match), consumed by the next Scan.
	pathMu   sync.Mutex
	pathHits map[string][]int
	// pending holds, with Verify, the raw secrets of verifiable findings
	// between scanning and the verification pass of one Scan.
	pendMu  sync.Mutex
	pending map[string]*verifyJob
}

var _ scanner.Scanner = (*Scanner)(nil)
var _ scanner.StatsReporter = (*Scanner)(nil)

// New compiles the rule set.
func New(opts Options) (*Scanner, error) {
	var rules []*Rule
	if !opts.DisableBuiltin {
		b, err := LoadBuiltinRules()
		if err != nil {
			return nil, fmt.Errorf("secrets: %w", err)
		}
		rules = b
	}
	for _, f := range opts.ExtraRuleFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("secrets: rule file: %w", err)
		}
		if isGitleaksConfig(f, b) {
			// gitleaks configurations may extend, merge into or disable
			// the rules loaded so far.
			if rules, err = mergeGitleaks(rules, f, b, 0); err != nil {
				return nil, fmt.Errorf("secrets: %w", err)
			}
			continue
		}
		rs, err := ParseRules(f, b)
		if err != nil {
			return nil, fmt.Errorf("secrets: %w", err)
		}
		rules = append(rules, rs...)
	}
	if len(rules) == 0 {
		return nil, errors.New("secrets: no rules (builtin disabled and no rule files given)")
	}
	eng, err := newEngine(rules)
	if err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	s := &Scanner{opts: opts, eng: eng, key: opts.HashKey, keyed: len(opts.HashKey) > 0, log: opts.Logger, nrules: len(rules), chunk: chunkSize}
	if len(s.key) == 0 {
		s.key = []byte(DefaultHashKey)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	skips := opts.SkipPaths
	if skips == nil {
		skips = DefaultSkipPaths()
	}
	if s.skip, err = newSkipper(skips); err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	return s, nil
}

// LoadRuleFile reads a user rule file: tollgate YAML, or gitleaks TOML
// (by .toml extension or a "[[rules]]" table in the content).
func LoadRuleFile(name string) ([]*Rule, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("rule file: %w", err)
	}
	if isGitleaksConfig(name, b) {
		return ParseGitleaksTOML(name, b)
	}
	return ParseRules(name, b)
}

// isGitleaksConfig: a .toml file, or one that is not .yaml/.yml and has
// a [[rules]] table.
func isGitleaksConfig(name string, b []byte) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".toml" || (ext != ".yaml" && ext != ".yml" && strings.Contains(string(b), "[[rules]]"))
}

// Rules returns the loaded rules in load order (for "tollgate rules").
func (s *Scanner) Rules() []*Rule { return append([]*Rule(nil), s.eng.rules...) }

// Name implements scanner.Scanner.
func (s *Scanner) Name() string { return Name }

// Match implements scanner.Scanner: every file not on the skip list.
// Path-only rules (gitleaks rules with a path and no regex) are decided
// here, so that they also see the binary and oversized files the walk
// does not hand to Scan.
func (s *Scanner) Match(p string, _ fs.DirEntry) bool {
	if s.skip.skipped(p) {
		return false
	}
	s.matchPathRules(p)
	return true
}

// skipper matches the skip globs cheaply: exact base names through a map,
// "*.ext" through suffixes, everything else through doublestar.
type skipper struct {
	names    map[string]bool
	suffixes []string
	globs    []string
}

func newSkipper(globs []string) (skipper, error) {
	sk := skipper{names: map[string]bool{}}
	for _, g := range globs {
		if !doublestar.ValidatePattern(g) {
			return sk, fmt.Errorf("invalid skip path %q", g)
		}
		switch {
		case !strings.ContainsAny(g, "*?[{/\\"):
			sk.names[g] = true
		case strings.HasPrefix(g, "*.") && !strings.ContainsAny(g[1:], "*?[{/\\"):
			sk.suffixes = append(sk.suffixes, g[1:])
		default:
			sk.globs = append(sk.globs, g)
		}
	}
	return sk, nil
}

func (sk skipper) skipped(p string) bool {
	base := path.Base(p)
	if sk.names[base] {
		return true
	}
	for _, suf := range sk.suffixes {
		if strings.HasSuffix(base, suf) {
			return true
		}
	}
	return len(sk.globs) > 0 && globAny(sk.globs, p)
}

// runStats are the counters of the last Scan.
type runStats struct {
	files, chunks, blobs, suppressed, findings int
	commits, hunks, utf16, gitleaksIgnored     int
	verifyLive, verifyRejected, verifyUnknown  int
	bytes                                      int64
	skipped                                    map[string]int
	duration                                   time.Duration
}

// Stats implements scanner.StatsReporter for the last Scan.
func (s *Scanner) Stats() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	skipped := map[string]int{}
	for k, v := range st.skipped {
		skipped[k] = v
	}
	mbps := 0.0
	if sec := st.duration.Seconds(); sec > 0 {
		mbps = math.Round(float64(st.bytes)/1e6/sec*10) / 10
	}
	out := map[string]any{
		"rules_loaded":     s.nrules,
		"keywords":         len(s.eng.ac.keywords),
		"files":            st.files,
		"bytes":            st.bytes,
		"skipped":          skipped,
		"findings":         st.findings,
		"suppressed":       st.suppressed,
		"gitleaks_ignored": st.gitleaksIgnored,
		"verify_live":      st.verifyLive,
		"verify_rejected":  st.verifyRejected,
		"verify_unknown":   st.verifyUnknown,
		"base64_decoded":   st.blobs,
		"utf16_files":      st.utf16,
		"duration_ms":      st.duration.Milliseconds(),
		"throughput_mb_s":  mbps,
		"history_mode":     s.opts.GitSince != "" || s.opts.GitStaged,
		"staged_mode":      s.opts.GitStaged,
		"history_commits":  st.commits,
		"history_hunks":    st.hunks,
		"hash_key_default": len(s.opts.HashKey) == 0,
	}
	return out
}

// Scan implements scanner.Scanner. Files are scanned in parallel, at most
// GOMAXPROCS (or Options.Concurrency) at a time, each streamed in chunks.
func (s *Scanner) Scan(ctx context.Context, t scanner.Target) ([]scanner.Finding, error) {
	start := time.Now()
	s.mu.Lock()
	s.stats = runStats{skipped: map[string]int{}}
	s.mu.Unlock()
	var (
		out []scanner.Finding
		err error
	)
	ignore, err := loadGitleaksIgnore(t)
	if err != nil {
		return nil, err
	}
	switch {
	case s.opts.GitStaged:
		out, err = s.scanStaged(ctx, t.Root)
	case s.opts.GitSince != "":
		out, err = s.scanHistory(ctx, t.Root)
	default:
		out, err = s.scanFiles(ctx, t)
		out = append(out, s.pathFindings(t)...)
	}
	out, ignored := dropGitleaksIgnored(ignore, out)
	if s.opts.Verify && err == nil {
		s.verifyFindings(ctx, out)
	}
	s.pendMu.Lock()
	s.pending = nil // drop every raw secret held for verification
	s.pendMu.Unlock()
	scanner.SortFindings(out)
	s.mu.Lock()
	s.stats.gitleaksIgnored = ignored
	s.stats.duration = time.Since(start)
	s.stats.findings = len(out)
	s.mu.Unlock()
	s.log.Debug("secrets scan done", "findings", len(out), "duration", time.Since(start))
	return out, err
}

func (s *Scanner) scanFiles(ctx context.Context, t scanner.Target) ([]scanner.Finding, error) {
	workers := s.opts.Concurrency
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan scanner.File)
	type result struct {
		findings []scanner.Finding
		errs     []error
	}
	results := make([]result, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fsc := s.newFileScanner()
			for f := range jobs {
				if ctx.Err() != nil {
					continue
				}
				fs, err := fsc.scanFile(ctx, t, f)
				results[w].findings = append(results[w].findings, fs...)
				if err != nil {
					results[w].errs = append(results[w].errs, err)
				}
			}
			s.mu.Lock()
			s.stats.add(&fsc.st)
			s.mu.Unlock()
		}()
	}
	for _, f := range t.Files {
		if ctx.Err() != nil {
			break
		}
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []scanner.Finding
	var errs []error
	for _, r := range results {
		out = append(out, r.findings...)
		errs = append(errs, r.errs...)
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return out, errors.Join(errs...)
}

func (st *runStats) add(o *runStats) {
	st.files += o.files
	st.bytes += o.bytes
	st.chunks += o.chunks
	st.blobs += o.blobs
	st.suppressed += o.suppressed
	st.utf16 += o.utf16
	for k, v := range o.skipped {
		st.skipped[k] += v
	}
}
