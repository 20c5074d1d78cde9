package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tollgate-dev/tollgate/merge"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// mergeFlags are the scan flags `tollgate merge` takes: the gate's and the
// reports'. The scan's other flags stay defined but hidden, so that the
// config file's scan: section and TOLLGATE_* variables a pipeline shares
// between scan and merge are accepted; given on merge's command line they
// are an error.
var mergeFlags = map[string]bool{
	"format": true, "output": true, "report": true, "template": true, "markdown-limit": true, "severity": true,
	"fail-on": true, "unknown-severity": true, "policy": true, "no-default-policy": true, "policy-allow-net": true,
	"data": true, "config": true, "baseline": true, "allow-scanner-errors": true, "allow-expired-exceptions": true,
	"dump-input": true, "quiet": true, "verbose": true, "timeout": true, "policy-timeout": true,
}

type mergeOpts struct {
	labels     []string
	allowMixed bool
	srcExcept  bool
	maxSize    int64
}

func (a *app) mergeCmd() *cobra.Command {
	scan, f := a.scanCommand()
	var m mergeOpts
	cmd := &cobra.Command{
		Use:   "merge [flags] REPORT.json|DIR...",
		Short: "Merge the JSON reports of many scans into one gate decision and one set of reports",
		Long: `Read tollgate JSON reports (of many repositories, or of the folders of one
monorepo scanned with --path-prefix), label each with its source, re-run the
gate over all their findings with the --policy, --fail-on, exceptions
(--config, else .tollgate.yaml in the current directory) and --baseline given
here, and write the reports as scan does, with a summary per source.

A DIR stands for the *.json reports directly in it.

Each source is labelled with --label NAME=REPORT, else with its path prefix,
else with the last folder of its scan root. A report scanned without
--path-prefix gets its label put in front of its paths, so that files of
different repositories stay apart; fingerprints never change.

Only the exceptions given here apply; --source-exceptions also honours those
each source's scan applied, each scoped to that source's finding.

Reports from another tollgate major version, another policy (digest) or
another policy input schema are refused, unless --allow-mixed, which flags
the merged report.

Exit codes: 0 gate passed, 1 gate failed, 2 usage or runtime error (an
unreadable report, a refused mix, or a scanner error recorded in a report
unless --allow-scanner-errors).`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.merge(cmd, args, f, m) },
	}
	fl := cmd.Flags()
	scan.Flags().VisitAll(func(sf *pflag.Flag) {
		sf.Hidden = !mergeFlags[sf.Name]
		if sf.Name == "config" {
			sf.Usage = "exceptions file (default: " + policy.ConfigFileName + " in the current directory); paths as merged"
		}
		fl.AddFlag(sf)
	})
	fl.StringArrayVar(&m.labels, "label", nil, "NAME=REPORT: label REPORT's source NAME (repeatable; a REPORT not among the arguments is added)")
	fl.BoolVar(&m.srcExcept, "source-exceptions", false, "also honour the exceptions each source's scan applied (its own exceptions file), each scoped to that source's finding; off: only --config decides")
	fl.BoolVar(&m.allowMixed, "allow-mixed", false, "merge reports of other tollgate major versions, policy digests or input schemas, flagged in the output")
	fl.Int64Var(&m.maxSize, "max-report-size", merge.DefaultMaxReportBytes, "refuse a report larger than this many bytes")
	return cmd
}

func (a *app) merge(cmd *cobra.Command, files []string, f *scanFlags, m mergeOpts) error {
	// The folder merge runs in plays the scan root's part for the config
	// file: --config, TOLLGATE_CONFIG, else ./.tollgate.yaml.
	src, exceptions, err := applyScanDefaults(cmd.Flags(), ".")
	if err != nil {
		return err
	}
	var scanOnly []string
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if fl.Hidden && src[fl.Name] == fromFlag {
			scanOnly = append(scanOnly, "--"+fl.Name)
		}
	})
	if len(scanOnly) > 0 {
		return usageErr("%s: scan flags; merge reads findings from the reports (see 'tollgate merge --help')", strings.Join(scanOnly, ", "))
	}
	if note := fileSettingsNote(cmd.Flags(), src); note != "" && !f.quiet {
		fmt.Fprint(a.stderr, note)
	}
	ins, err := mergeInputs(files, m.labels)
	if err != nil {
		return err
	}
	ctx, cancel := scanner.WithDeadline(cmd.Context(), f.timeout, "merge", "--timeout")
	defer cancel()
	cfg, err := gateConfig(f)
	if err != nil {
		return err
	}
	outs, err := a.outputs(f)
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	keep, err := parseSeverityFilter(f.severity)
	if err != nil {
		return err
	}
	if exceptions != nil {
		cfg.AllowPermanentExceptions = exceptions.AllowPermanent
	}
	var baseline policy.Baseline
	if f.baseline != "" {
		if baseline, err = policy.LoadBaseline(f.baseline); err != nil {
			return &codedError{code: exitError, err: err}
		}
	}
	for i := range ins {
		if ins[i].Report, err = merge.Read(ins[i].Report.File, m.maxSize); err != nil {
			return &codedError{code: exitError, err: err}
		}
	}
	gate, err := newGate(ctx, f)
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	logw := io.Discard
	if f.verbose {
		logw = a.stderr
	}
	logger := slog.New(slog.NewTextHandler(logw, &slog.HandlerOptions{Level: slog.LevelDebug}))
	out, err := merge.Merge(ctx, ins, merge.Options{Gate: gate, Config: cfg, Exceptions: exceptions, Baseline: baseline,
		Now: a.now(), ToolVersion: toolVersion(), AllowMixed: m.allowMixed, SourceExceptions: m.srcExcept})
	if err != nil {
		return &codedError{code: exitError, err: err}
	}
	for _, s := range out.Sources {
		logger.Debug("merged", "source", s.Label, "file", s.File, "findings", s.Findings, "pass", s.Pass)
	}
	if f.dumpInput != "" {
		if err := writeJSONFile(f.dumpInput, policy.BuildInput(out.Result, out.InputOptions)); err != nil {
			return &codedError{code: exitError, err: err}
		}
	}
	unknownAs, _ := scanner.ParseSeverity(cfg.UnknownSeverity) // checked by gateConfig
	shown := reportedOnly(out.Result, keep)
	if note := severityNote(out.Result, shown); note != "" && !f.quiet {
		fmt.Fprint(a.stderr, note)
	}
	var ran []string
	for _, st := range out.Result.Scanners {
		ran = append(ran, st.Name)
	}
	rep := &report.Report{ToolName: "tollgate", ToolVersion: toolVersion(), Result: shown, Scanners: ran, Decision: out.Decision,
		FailOn: cfg.FailOn, UnknownAs: unknownAs, PolicyDigest: gate.Digest(), InputSchemaVersion: policy.SchemaVersion,
		Baseline: f.baseline != "", Sources: out.Sources, Mixed: out.Mixed}
	if err := a.writeReports(ctx, "merge", outs, rep); err != nil {
		return err
	}
	if !f.quiet {
		a.mergeSummary(out)
	}
	if len(out.Result.Errors) > 0 && !f.allowErrors {
		return &codedError{code: exitError, err: scanErrors(out.Result.Errors)}
	}
	if !out.Decision.Pass {
		return &codedError{code: exitFail}
	}
	return nil
}

// mergeSummary is merge's one-line account on stderr, plus what deserves
// a second look.
func (a *app) mergeSummary(out *merge.Outcome) {
	failed := 0
	for _, s := range out.Sources {
		if !s.Pass {
			failed++
		}
	}
	verdict := "passed"
	if !out.Decision.Pass {
		verdict = "failed"
	}
	fmt.Fprintf(a.stderr, "tollgate: merged %d reports (%d failing alone): %d findings; gate %s\n",
		len(out.Sources), failed, len(out.Result.Findings), verdict)
	if n := out.SharedFingerprints; n > 0 {
		fmt.Fprintf(a.stderr, "tollgate: %d fingerprint(s) occur in more than one source (the same finding in two repositories, or reports covering the same folder)\n", n)
	}
	for _, p := range out.Mixed {
		fmt.Fprintf(a.stderr, "tollgate: mixed (--allow-mixed): %s\n", p)
	}
}

// mergeInputs pairs the report files with their --label NAME=REPORT; a
// labelled REPORT missing from the arguments is added. A folder among the
// arguments stands for the *.json files directly in it, in name order
// (a reports volume or artifact folder, where no shell expands a glob).
func mergeInputs(args, labels []string) ([]merge.Input, error) {
	var files []string
	for _, a := range args {
		if st, err := os.Stat(a); err != nil || !st.IsDir() {
			files = append(files, a)
			continue
		}
		found, err := filepath.Glob(filepath.Join(a, "*.json"))
		if err != nil || len(found) == 0 {
			return nil, usageErr("%s: a folder without *.json reports", a)
		}
		files = append(files, found...)
	}
	ins := make([]merge.Input, 0, len(files)+len(labels))
	index := map[string]int{}
	for _, f := range files {
		key := filepath.Clean(f)
		if _, dup := index[key]; dup {
			return nil, usageErr("report %s given twice", f)
		}
		index[key] = len(ins)
		ins = append(ins, merge.Input{Report: &merge.Report{File: f}})
	}
	for _, l := range labels {
		name, file, ok := strings.Cut(l, "=")
		if !ok || name == "" || file == "" {
			return nil, usageErr("--label %q: want NAME=REPORT, e.g. payments=reports/payments.json", l)
		}
		key := filepath.Clean(file)
		i, seen := index[key]
		if !seen {
			i = len(ins)
			index[key] = i
			ins = append(ins, merge.Input{Report: &merge.Report{File: file}})
		}
		if ins[i].Label != "" {
			return nil, usageErr("--label: %s labelled twice (%s, %s)", file, ins[i].Label, name)
		}
		ins[i].Label = name
	}
	if len(ins) == 0 {
		return nil, usageErr("no reports to merge (give tollgate JSON reports as arguments)")
	}
	return ins, nil
}
