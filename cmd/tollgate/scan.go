package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/tollgate-dev/tollgate/internal/gcpace"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// scanSettings are the scan flags the scanner constructors need.
type scanSettings struct {
	offline      bool
	osvDB        string
	osvAPI       string
	callAnalysis bool
	image        string
	tfVars       []string
	helmValues   []string
	helmSet      []string
	renderer     string // --renderer: the tollgate-render program
	checkDirs    []string
	secretRules  []string
	gitSince     string
	gitStaged    bool
	hashKey      []byte
	// verifySecrets turns on live verification; verifyEndpoints (tests
	// only, no flag) points providers at test servers.
	verifySecrets   bool
	verifyTimeout   time.Duration
	verifyEndpoints map[string]string
	allowNet        bool // --policy-allow-net
	logger          *slog.Logger

	// goVersion is --go-version, else osv-scanner.toml's
	// GoVersionOverride (goVersionSource "config").
	goVersion, goVersionSource string
	// Deadlines (0 = none); see timeouts.go.
	iacEvalTimeout, osvTimeout, osvRequestTimeout time.Duration
}

type scanFlags struct {
	scanSettings
	scanners          []string
	format, output    string
	reports           []string
	failOn            string
	unknownSeverity   string
	policies, data    []string
	noDefaultPolicy   bool
	configFile        string
	baseline          string
	excludes          []string
	noDefaultExcludes bool
	gitignore         bool
	maxFileSize       int64
	allowErrors       bool
	allowExpired      bool
	dumpInput         string
	hashKeyFile       string
	quiet, verbose    bool
	pathPrefix        string
	markdownLimit     int
	timeout           time.Duration
	policyTimeout     time.Duration
	severity          []string
	skipDirs          []string
	ignoreUnfixed     bool
	template          string // -f template / --report template=FILE
}

// output is one report to write: a format and a destination ("" = stdout).
type output struct {
	format, path string
	writer       report.Writer
}

func (a *app) scanCmd() *cobra.Command {
	cmd, _ := a.scanCommand()
	return cmd
}

// scanCommand builds `tollgate scan` and returns the flags it binds;
// `tollgate merge` shares the gate and report ones.
func (a *app) scanCommand() (*cobra.Command, *scanFlags) {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH|FILE]",
		Short: "Scan a tree, gate the findings with policy, write reports",
		Long: `Scan PATH (default: the current directory) with the enabled scanners, decide
pass or fail with the policy, and write the reports. A FILE (an SBOM, a lockfile,
an IaC file) is scanned alone by the scanners that read it. --image FILE scans a
container image tarball (docker save or OCI layout) for vulnerable OS and
language packages, offline-capable, no registry or daemon needed.

Several reports can be written in one run: -f/-o choose the main one (stdout by
default) and each --report FORMAT=FILE adds another, e.g.
  tollgate scan --report sarif=tollgate.sarif --report junit=tollgate.xml .

Exit codes: 0 gate passed, 1 gate failed, 2 usage or runtime error (including
any scanner error, unless --allow-scanner-errors).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			root := "."
			if len(args) == 1 {
				root = args[0]
			}
			return a.scan(cmd, root, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&f.scanners, "scanners", []string{"deps", "secrets", "iac"}, "scanners to run (comma-separated)")
	fl.StringVarP(&f.format, "format", "f", "table", "main report format: "+strings.Join(report.Formats(), "|"))
	fl.StringVarP(&f.output, "output", "o", "", "write the main report to FILE instead of stdout")
	fl.StringArrayVar(&f.reports, "report", nil, "additional report FORMAT=FILE (repeatable)")
	fl.StringVar(&f.failOn, "fail-on", "high", "lowest severity that fails the gate: critical|high|medium|low|none")
	fl.StringVar(&f.unknownSeverity, "unknown-severity", "high", "severity that UNKNOWN findings are gated as")
	fl.StringArrayVar(&f.policies, "policy", nil, "Rego policy file or directory added to the gate (repeatable)")
	fl.BoolVar(&f.noDefaultPolicy, "no-default-policy", false, "use only the --policy files, not the built-in policy")
	fl.BoolVar(&f.allowNet, "policy-allow-net", false, "let --policy files and --iac-checks call http.send and net.lookup_* (off: a policy from a pull request could send data out)")
	fl.StringArrayVar(&f.data, "data", nil, "JSON/YAML document merged into the policy's data (repeatable)")
	fl.StringVar(&f.configFile, "config", "", "exceptions file (default: "+policy.ConfigFileName+" at the scan root)")
	fl.StringVar(&f.baseline, "baseline", "", "tollgate JSON or SARIF report of an earlier scan: only new findings fail")
	fl.StringArrayVar(&f.excludes, "exclude", nil, "doublestar glob to skip (repeatable); a pattern without / matches names anywhere")
	fl.BoolVar(&f.noDefaultExcludes, "no-default-excludes", false, "also scan node_modules, vendor, build outputs and tool caches")
	fl.BoolVar(&f.gitignore, "gitignore", false, "skip what .gitignore files name (off by default: the workspace is what ships)")
	fl.Int64Var(&f.maxFileSize, "max-file-size", scanner.DefaultMaxFileSize, "skip (and count) files larger than this many bytes; 0 = no cap")
	fl.BoolVar(&f.allowErrors, "allow-scanner-errors", false, "let the gate decide even if a scanner failed (errors become warnings)")
	fl.BoolVar(&f.allowExpired, "allow-expired-exceptions", false, "do not fail the gate because an exception expired")
	fl.StringVar(&f.dumpInput, "dump-input", "", "write the exact policy input document to FILE")
	fl.StringVar(&f.template, "template", "", "Go text/template FILE the template format renders (docs/templates.md; examples in contrib/templates)")
	fl.IntVar(&f.markdownLimit, "markdown-limit", report.DefaultMarkdownLimit, "Markdown report size cap in bytes (PR comment 65536; a step summary takes 1048576); what does not fit is counted, not shown")
	fl.StringSliceVar(&f.severity, "severity", nil, "list only findings of these severities in the reports (e.g. HIGH,CRITICAL); the gate still decides on all (--fail-on gates)")
	fl.StringArrayVar(&f.skipDirs, "skip-dirs", nil, "alias of --exclude for directories (repeatable)")
	fl.BoolVar(&f.ignoreUnfixed, "ignore-unfixed", false, "drop dependency findings that no release fixes (counted in the deps stats)")
	fl.StringVar(&f.pathPrefix, "path-prefix", "", "put DIR in front of every finding's path (a monorepo subfolder scanned alone keeps repository-relative paths, fingerprints and SARIF URIs)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress output on stderr")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "debug logs on stderr")
	fl.BoolVar(&f.offline, "offline", false, "dependency scanner: match against the local OSV database only, no network")
	fl.StringVar(&f.osvDB, "osv-db", "", "dependency scanner: offline OSV database directory (default: user cache dir)")
	fl.StringVar(&f.osvAPI, "osv-api-url", "", "dependency scanner: OSV API base URL (env TOLLGATE_OSV_API_URL)")
	fl.StringVar(&f.image, "image", "", "dependency scanner: scan a container image saved to FILE (docker save or OCI layout tarball) instead of the tree")
	fl.BoolVar(&f.callAnalysis, "call-analysis", false, "dependency scanner: Go call analysis (needs the go toolchain)")
	fl.StringVar(&f.goVersion, "go-version", "", "dependency scanner: Go release whose standard library go.mod modules are checked against, or \"local\" for the go command on PATH (default: go.mod toolchain, else its go directive, which only warns)")
	fl.StringArrayVar(&f.tfVars, "tf-vars", nil, "IaC scanner: extra Terraform variable file (repeatable)")
	fl.StringArrayVar(&f.helmValues, "helm-values", nil, "IaC scanner: values file applied to every Helm chart after its values.yaml (repeatable, like helm -f)")
	fl.StringArrayVar(&f.helmSet, "helm-set", nil, "IaC scanner: Helm value KEY=VALUE applied to every chart, after --helm-values (repeatable, like helm --set)")
	fl.StringVar(&f.renderer, "renderer", "", "IaC scanner: the tollgate-render program that renders Helm charts and Kustomize overlays (env TOLLGATE_RENDER; default: next to tollgate, else on PATH)")
	fl.StringArrayVar(&f.checkDirs, "iac-checks", nil, "IaC scanner: directory of your own Rego checks (repeatable)")
	fl.StringArrayVar(&f.checkDirs, "checks", nil, "alias of --iac-checks")
	fl.StringArrayVar(&f.secretRules, "secrets-rules", nil, "secrets scanner: extra rule file, tollgate YAML or gitleaks TOML (repeatable)")
	fl.StringVar(&f.gitSince, "git-since", "", "secrets scanner: scan only lines added by the commits REF..HEAD")
	fl.BoolVar(&f.gitStaged, "git-staged", false, "secrets scanner: scan only the lines staged for the next commit (pre-commit hooks)")
	fl.BoolVar(&f.verifySecrets, "verify-secrets", false, "secrets scanner: check found secrets of supported providers live with their issuer (off by default; sends them there)")
	fl.DurationVar(&f.verifyTimeout, "verify-timeout", secrets.DefaultVerifyTimeout, "secrets scanner: timeout of each verification request")
	fl.StringVar(&f.hashKeyFile, "hash-key-file", "", "secrets scanner: file holding a private key for the evidence hashes (env "+secrets.HashKeyEnv+"; config secrets.hash_key_file)")
	addTimeoutFlags(fl, &f)
	return cmd, &f
}

func usageErr(format string, args ...any) error {
	return &codedError{code: exitError, err: fmt.Errorf(format, args...)}
}

func (a *app) scan(cmd *cobra.Command, root string, f *scanFlags) error {
	src, exceptions, err := applyScanDefaults(cmd.Flags(), root)
	if err != nil {
		return err
	}
	// The config file sits in the scanned tree, which a pull request can
	// change: say which settings it supplied. Pass gate-critical settings
	// (--fail-on, --policy) as flags in CI; flags always win.
	if note := fileSettingsNote(cmd.Flags(), src); note != "" && !f.quiet {
		fmt.Fprint(a.stderr, note)
	}
	ctx, cancel := scanner.WithDeadline(cmd.Context(), f.timeout, "scan", "--timeout")
	defer cancel()
	// Logs are for -v; the one-line summary below is for everyone else.
	logLevel := slog.LevelInfo
	var logw io.Writer = io.Discard
	if f.verbose {
		logLevel, logw = slog.LevelDebug, a.stderr
	}
	logger := slog.New(slog.NewTextHandler(logw, &slog.HandlerOptions{Level: logLevel}))
	f.logger = logger

	// Check everything that can be wrong with the invocation before
	// spending time on the scan.
	cfg, err := gateConfig(f)
	if err != nil {
		return err
	}
	if _, err := scanner.CleanPathPrefix(f.pathPrefix); err != nil {
		return usageErr("--path-prefix: %v", err)
	}

	outs, err := a.outputs(f)
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	// A FILE target (an SBOM, one lockfile, one IaC file) is scanned
	// alone; the exceptions and osv-scanner.toml come from its folder.
	// --image scans an image tarball; PATH then only says where they come from.
	info, err := os.Stat(root)
	if err != nil || !(info.IsDir() || info.Mode().IsRegular()) {
		return usageErr("scan root %s: not a readable directory or file", root)
	}
	target := root
	if !info.IsDir() {
		root = filepath.Dir(root)
	}
	if f.image != "" {
		if st, err := os.Stat(f.image); err != nil || !st.Mode().IsRegular() {
			return usageErr("--image %s: not a readable file", f.image)
		}
		if !cmd.Flags().Changed("scanners") {
			f.scanners = []string{deps.Name}
		} else if len(f.scanners) != 1 || f.scanners[0] != deps.Name {
			return usageErr("--image scans the image's packages: only --scanners deps applies")
		}
		target = f.image
	}
	osvCfg, err := loadOSVScannerConfig(root)
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	if osvCfg != nil {
		exceptions = exceptions.Merge(osvCfg.Exceptions)
		if f.goVersion == "" && osvCfg.GoVersionOverride != "" {
			f.goVersion, f.goVersionSource = osvCfg.GoVersionOverride, deps.StdlibSourceConfig
		}
		if osvCfg.Skipped > 0 {
			logger.Debug("osv-scanner.toml: license overrides ignored", "entries", osvCfg.Skipped)
		}
	}
	if exceptions != nil {
		cfg.AllowPermanentExceptions = exceptions.AllowPermanent
	}
	if f.hashKey, err = hashKey(f.hashKeyFile, exceptions); err != nil {
		return &codedError{code: exitError, err: err}
	}
	var baseline policy.Baseline
	if f.baseline != "" {
		if baseline, err = policy.LoadBaseline(f.baseline); err != nil {
			return &codedError{code: exitError, err: err}
		}
	}
	gate, err := newGate(ctx, f)
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	scanners, err := a.registry(f.scanSettings).Build(f.scanners...)
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	if len(scanners) == 0 {
		// A gate over nothing would pass: fail closed.
		return usageErr("--scanners: no scanner selected (want some of deps, secrets, iac)")
	}

	keepSeverities, err := parseSeverityFilter(f.severity)
	if err != nil {
		return err
	}
	runOpts := []scanner.Option{scanner.WithExcludes(append(f.excludes, f.skipDirs...)...), scanner.WithMaxFileSize(f.maxFileSize),
		scanner.WithLogger(logger), scanner.WithClock(a.now), scanner.WithGitignore(f.gitignore), scanner.WithPathPrefix(f.pathPrefix)}
	if f.noDefaultExcludes {
		runOpts = append(runOpts, scanner.WithDefaultExcludes())
	}
	logger.Debug("scanning", "target", target, "scanners", f.scanners)
	var pl *progressLine
	if a.stderrTTY && !f.quiet && !f.verbose {
		pl = &progressLine{w: a.stderr}
		runOpts = append(runOpts, scanner.WithProgress(200*time.Millisecond, pl.update))
	}
	// Only the names are needed after the scan: a scanner's working data
	// (iac's compiled checks, deps' database handles) must not stay live
	// through the gate and the reports, where the heap is largest.
	scannerNames := names(scanners)
	res, err := scanner.Run(ctx, target, scanners, runOpts...)
	if pl != nil {
		pl.clear()
	}
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	if f.ignoreUnfixed {
		if n := dropUnfixed(res); n > 0 && !f.quiet {
			fmt.Fprintf(a.stderr, "tollgate: %d dependency finding(s) without a fixed version dropped (--ignore-unfixed)\n", n)
		}
	}
	inOpts := policy.InputOptions{Config: cfg, ToolVersion: toolVersion(), Now: a.now(), Exceptions: exceptions, Baseline: baseline}
	if f.dumpInput != "" {
		if err := writeJSONFile(f.dumpInput, policy.BuildInput(res, inOpts)); err != nil {
			return &codedError{code: exitError, err: err}
		}
	}
	// DecideResult: the same input as BuildInput's without a second copy
	// of every finding (docs/performance.md).
	// The gate's input doubles the live heap while it decides: paced
	// tightly for that long (internal/gcpace).
	restore := gcpace.Tight(gcpace.GatePercent)
	decision, err := gate.DecideResult(ctx, res, inOpts)
	restore()
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	unknownAs, _ := scanner.ParseSeverity(cfg.UnknownSeverity) // checked above
	shown := reportedOnly(res, keepSeverities)
	if note := severityNote(res, shown); note != "" && !f.quiet {
		fmt.Fprint(a.stderr, note)
	}
	rep := &report.Report{ToolName: "tollgate", ToolVersion: toolVersion(), Result: shown, Scanners: scannerNames, Decision: decision, FailOn: cfg.FailOn, UnknownAs: unknownAs,
		Baseline: f.baseline != "", PolicyDigest: gate.Digest(), InputSchemaVersion: policy.SchemaVersion}
	if err := a.writeReports(ctx, "scan", outs, rep); err != nil {
		return err
	}
	if !f.quiet {
		verdict := "passed"
		if !decision.Pass {
			verdict = "failed"
		}
		fmt.Fprintf(a.stderr, "tollgate: %d findings in %d files (%d skipped) in %s; gate %s\n",
			len(res.Findings), res.Walk.Scanned, res.Walk.Skipped.Total(), res.Duration.Round(time.Millisecond), verdict)
	}
	if len(res.Errors) > 0 && !f.allowErrors {
		return &codedError{code: exitError, err: scanErrors(res.Errors)}
	}
	if !decision.Pass {
		return &codedError{code: exitFail}
	}
	return nil
}

// gateConfig checks the gate flags (--fail-on, --unknown-severity, the
// allow flags) and returns the default policy's configuration.
func gateConfig(f *scanFlags) (policy.Config, error) {
	cfg := policy.DefaultConfig()
	cfg.FailOn = strings.ToLower(f.failOn)
	if cfg.FailOn != "none" {
		if _, err := scanner.ParseSeverity(cfg.FailOn); err != nil || cfg.FailOn == "unknown" || cfg.FailOn == "info" {
			return cfg, usageErr("--fail-on %q: want critical, high, medium, low or none", f.failOn)
		}
	}
	if _, err := scanner.ParseSeverity(f.unknownSeverity); err != nil {
		return cfg, usageErr("--unknown-severity: %v", err)
	}
	cfg.UnknownSeverity = strings.ToUpper(f.unknownSeverity)
	cfg.AllowScannerErrors = f.allowErrors
	cfg.AllowExpiredExceptions = f.allowExpired
	return cfg, nil
}

// newGate compiles the policy the flags name (--policy, --data,
// --no-default-policy, --policy-allow-net, --policy-timeout).
func newGate(ctx context.Context, f *scanFlags) (*policy.Gate, error) {
	opts := []policy.Option{policy.WithPolicy(f.policies...), policy.WithData(f.data...), policy.WithTimeout(noLimit(f.policyTimeout))}
	if f.noDefaultPolicy {
		opts = append(opts, policy.WithoutDefaultPolicy())
	}
	if f.allowNet {
		opts = append(opts, policy.WithNetwork())
	}
	return policy.New(ctx, opts...)
}

func scanErrors(errs []scanner.ScanError) error {
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, strings.ReplaceAll(e.Error(), "\n", "\n    "))
	}
	return fmt.Errorf("scan incomplete, failing closed (use --allow-scanner-errors to let the policy decide):\n  %s", strings.Join(msgs, "\n  "))
}

func names(ss []scanner.Scanner) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name()
	}
	return out
}

// outputs validates the report flags: the main -f/-o report and every
// --report FORMAT=FILE.
func (a *app) outputs(f *scanFlags) ([]output, error) {
	var outs []output
	add := func(format, path string) error {
		w, err := report.New(format, report.Options{Color: path == "" && a.isTTY, MarkdownLimit: f.markdownLimit, Template: f.template})
		if err != nil {
			return err
		}
		outs = append(outs, output{format: format, path: path, writer: w})
		return nil
	}
	if err := add(f.format, f.output); err != nil {
		return nil, err
	}
	for _, r := range f.reports {
		format, path, ok := strings.Cut(r, "=")
		if !ok || path == "" {
			return nil, fmt.Errorf("--report %q: want FORMAT=FILE, e.g. sarif=tollgate.sarif", r)
		}
		if err := add(format, path); err != nil {
			return nil, err
		}
	}
	return outs, nil
}

// writeReports writes every report of a scan or merge (what names it).
func (a *app) writeReports(ctx context.Context, what string, outs []output, rep *report.Report) error {
	for _, o := range outs {
		// Interrupted after the decision: write no more reports and exit
		// 2, so that an interrupted run never looks like a passing one.
		if err := scanner.Cause(ctx); err != nil {
			return &codedError{code: exitError, err: fmt.Errorf("%s stopped before writing %s: %w", what, o.describe(), err)}
		}
		if err := a.writeReport(o, rep); err != nil {
			return &codedError{code: exitError, err: err}
		}
	}
	return nil
}

func (a *app) writeReport(o output, rep *report.Report) error {
	if o.path == "" || o.path == "-" {
		return o.writer.Write(a.stdout, rep)
	}
	if dir := filepath.Dir(o.path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("report %s: %w", o.path, err)
		}
	}
	return writeFileAtomic(o.path, func(w io.Writer) error { return o.writer.Write(w, rep) })
}

// loadExceptions reads --config, or .tollgate.yaml at the scan root only.
func loadExceptions(root, file string) (*policy.Exceptions, error) {
	if file == "" {
		file = filepath.Join(root, policy.ConfigFileName)
		if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	return policy.LoadExceptions(file)
}

// loadOSVScannerConfig reads osv-scanner.toml at the scan root only; one
// in a subfolder is ignored, like .tollgate.yaml.
func loadOSVScannerConfig(root string) (*policy.OSVScannerConfig, error) {
	file := filepath.Join(root, policy.OSVScannerConfigName)
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return policy.LoadOSVScannerConfig(file)
}

func writeJSONFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return writeFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// hashKey finds the secrets scanner's private hash key: --hash-key-file,
// else $TOLLGATE_HASH_KEY, else the config's secrets.hash_key_file; nil
// when none is set.
func hashKey(file string, cfg *policy.Exceptions) ([]byte, error) {
	if file != "" {
		return secrets.LoadHashKeyFile(file)
	}
	if v, ok := os.LookupEnv(secrets.HashKeyEnv); ok && v != "" {
		return secrets.ParseHashKey("$"+secrets.HashKeyEnv, []byte(v))
	}
	if cfg != nil && cfg.SecretsHashKeyFile != "" {
		return secrets.LoadHashKeyFile(cfg.SecretsHashKeyFile)
	}
	return nil, nil
}
