package tollgate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/iac"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// Options configure [Scan]. The zero value scans with all three built-in
// scanners (dependencies online through the OSV API), the default policy
// and no reports.
type Options struct {
	// Scanners names the built-in scanners to run (default: deps, secrets,
	// iac); each is built from its options below.
	Scanners []string
	Deps     deps.Options
	Secrets  secrets.Options
	// IaC's Renderer nil renders Helm charts and Kustomize overlays in the
	// companion program tollgate-render (found next to the executable, on
	// PATH or through TOLLGATE_RENDER); inproc.New() from
	// scanner/iac/render/inproc renders in this process instead.
	IaC iac.Options
	// Extra scanners of your own run beside the built-in ones.
	Extra []scanner.Scanner
	// Run options for the walk (excludes, size cap, path prefix, ...).
	Run []scanner.Option
	// Policy options for the gate (your policies, data, no default policy).
	Policy []policy.Option
	// Config of the default policy; nil means policy.DefaultConfig().
	Config *policy.Config
	// Exceptions and Baseline, when set (see policy.LoadExceptions and
	// policy.LoadBaseline).
	Exceptions *policy.Exceptions
	Baseline   policy.Baseline
	// Reports to write once the gate has decided.
	Reports []Output
	// ToolName and ToolVersion label reports (default "tollgate").
	ToolName, ToolVersion string
	// Now is the gate's clock (exception expiry); nil means time.Now.
	Now func() time.Time
}

// Output is one report to write: a format of report.Formats() to W.
type Output struct {
	Format  string
	W       io.Writer
	Options report.Options
}

// Outcome is what a scan decided.
type Outcome struct {
	Result   *scanner.Result
	Input    policy.Input
	Decision scanner.Decision
}

// Passed reports whether the gate passed: no deny fired. With the default
// policy a scanner error is a deny (fail closed).
func (o *Outcome) Passed() bool { return o.Decision.Pass }

// DefaultScanners is the built-in scanner set as plain data: name ->
// constructor, each closed over its options.
func DefaultScanners(o Options) scanner.Registry {
	return scanner.Registry{
		deps.Name:    func() (scanner.Scanner, error) { return deps.New(o.Deps) },
		secrets.Name: func() (scanner.Scanner, error) { return secrets.New(o.Secrets) },
		iac.Name:     func() (scanner.Scanner, error) { return iac.New(o.IaC) },
	}
}

// Scan scans root, gates the findings and writes the reports. It returns
// an error when the scan, the gate or a report could not run at all; a
// failed gate is not an error (see Outcome.Passed), and a failed scanner
// is recorded in Outcome.Result.Errors and denied by the default policy.
func Scan(ctx context.Context, root string, o Options) (*Outcome, error) {
	names := o.Scanners
	if len(names) == 0 {
		names = []string{deps.Name, secrets.Name, iac.Name}
	}
	ss, err := DefaultScanners(o).Build(names...)
	if err != nil {
		return nil, fmt.Errorf("tollgate: %w", err)
	}
	ss = append(ss, o.Extra...)
	writers := make([]report.Writer, len(o.Reports))
	for i, out := range o.Reports {
		if out.W == nil {
			return nil, fmt.Errorf("tollgate: report %d (%s) has no writer", i+1, out.Format)
		}
		if writers[i], err = report.New(out.Format, out.Options); err != nil {
			return nil, fmt.Errorf("tollgate: %w", err)
		}
	}
	gate, err := policy.New(ctx, o.Policy...)
	if err != nil {
		return nil, fmt.Errorf("tollgate: %w", err)
	}
	res, err := scanner.Run(ctx, root, ss, o.Run...)
	if err != nil {
		return nil, fmt.Errorf("tollgate: %w", err)
	}
	cfg := policy.DefaultConfig()
	if o.Config != nil {
		cfg = *o.Config
	}
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	in := policy.BuildInput(res, policy.InputOptions{Config: cfg, ToolVersion: o.ToolVersion, Now: now(),
		Exceptions: o.Exceptions, Baseline: o.Baseline})
	decision, err := gate.Decide(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("tollgate: %w", err)
	}
	out := &Outcome{Result: res, Input: in, Decision: decision}
	tool := o.ToolName
	if tool == "" {
		tool = "tollgate"
	}
	unknownAs, _ := scanner.ParseSeverity(cfg.UnknownSeverity)
	scanned := make([]string, len(ss))
	for i, s := range ss {
		scanned[i] = s.Name()
	}
	rep := &report.Report{ToolName: tool, ToolVersion: o.ToolVersion, Result: res, Scanners: scanned,
		Decision: decision, FailOn: cfg.FailOn, UnknownAs: unknownAs, PolicyDigest: gate.Digest(), InputSchemaVersion: policy.SchemaVersion}
	var errs []error
	for i, w := range writers {
		if err := w.Write(o.Reports[i].W, rep); err != nil {
			errs = append(errs, fmt.Errorf("tollgate: %s report: %w", o.Reports[i].Format, err))
		}
	}
	return out, errors.Join(errs...)
}
