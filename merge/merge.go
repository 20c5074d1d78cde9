package merge

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/report"
	"github.com/tollgate-dev/tollgate/scanner"
)

// Input is one report to merge and its label ("" derives one with
// [DefaultLabel]).
type Input struct {
	Report *Report
	Label  string
}

// Options are the merging gate and what the reports are checked against.
type Options struct {
	// Gate decides over the union and over each source (required).
	Gate *policy.Gate
	// Config, Exceptions and Baseline are applied as a scan applies them.
	Config     policy.Config
	Exceptions *policy.Exceptions
	Baseline   policy.Baseline
	// Now is the gate's clock (exception expiry).
	Now time.Time
	// ToolVersion is the merging tollgate's version: reports of another
	// major version are refused unless AllowMixed.
	ToolVersion string
	// SourceExceptions also honours the exceptions each source's scan
	// applied (from its own exceptions file, recorded in its report), each
	// scoped to that source's finding: its fingerprint, scanner and merged
	// path. Off, only Exceptions decide: a repository cannot except its
	// own findings from the organisation's gate.
	SourceExceptions bool
	// AllowMixed accepts reports of another tollgate major version,
	// policy digest or input schema; the differences are recorded in
	// Outcome.Mixed and each source's Mismatches.
	AllowMixed bool
}

// Outcome is the merged scan and what the gate decided over it.
type Outcome struct {
	// Result is the union: every source's findings (paths as described in
	// the package doc), sorted; stats summed per scanner; scanner errors
	// prefixed with their source's label. Root is empty.
	Result   *scanner.Result
	Decision scanner.Decision
	// InputOptions are what the gate decided with (the source exceptions
	// included): policy.BuildInput(Result, InputOptions) is the exact
	// policy input, e.g. for --dump-input. Merge itself decides without
	// building that copy of every finding (policy.Gate.DecideResult).
	InputOptions policy.InputOptions
	// Sources summarise each report, sorted by label.
	Sources []report.Source
	// Mixed lists every difference accepted with AllowMixed.
	Mixed []string
	// SharedFingerprints counts fingerprints found in more than one
	// source: the same finding in two repositories, or two reports that
	// cover the same folder of a monorepo.
	SharedFingerprints int
}

// MixedError is returned when reports differ from the merging gate and
// mixing was not allowed; it lists every difference.
type MixedError struct{ Problems []string }

func (e *MixedError) Error() string {
	return "reports from different tollgate versions, policies or input schemas (pass --allow-mixed to merge them anyway):\n  " +
		strings.Join(e.Problems, "\n  ")
}

// ErrLabel marks a missing, invalid or duplicate source label.
var ErrLabel = errors.New("source label")

// maxDiagnostics bounds the walk diagnostics kept in the union.
const maxDiagnostics = 100

// DefaultLabel names a report's source: its path prefix when it has one
// (a monorepo folder), else the last element of its scan root, else the
// report's file name without ".json".
func DefaultLabel(r *Report) string {
	if r.PathPrefix != "" {
		return r.PathPrefix
	}
	root := strings.TrimRight(strings.ReplaceAll(r.Root, "\\", "/"), "/")
	if i := strings.LastIndexByte(root, '/'); i >= 0 {
		root = root[i+1:]
	}
	if root != "" && !strings.HasSuffix(root, ":") {
		return root
	}
	return strings.TrimSuffix(path.Base(strings.ReplaceAll(r.File, "\\", "/")), ".json")
}

// source is one input on its way through Merge.
type source struct {
	rep      *Report
	sum      report.Source
	findings []scanner.Finding
	errs     []scanner.ScanError
	walk     scanner.WalkStats
}

// Merge checks, labels and unions the reports and decides over the union.
func Merge(ctx context.Context, ins []Input, o Options) (*Outcome, error) {
	if o.Gate == nil {
		return nil, errors.New("merge: no gate")
	}
	if len(ins) == 0 {
		return nil, errors.New("merge: no reports")
	}
	srcs, problems, err := prepare(ins, o)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 && !o.AllowMixed {
		return nil, &MixedError{Problems: problems}
	}
	if o.SourceExceptions {
		o.Exceptions = withSourceExceptions(o.Exceptions, srcs)
	}
	union := &scanner.Result{}
	seen := map[string]int{} // fingerprint -> index of the first source holding it
	shared := map[string]bool{}
	for i := range srcs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := &srcs[i]
		if err := s.decide(ctx, o); err != nil {
			return nil, err
		}
		for _, f := range s.findings {
			if j, ok := seen[f.Fingerprint]; ok && j != i {
				shared[f.Fingerprint] = true
			} else if !ok {
				seen[f.Fingerprint] = i
			}
		}
		union.Findings = append(union.Findings, s.findings...)
		union.Errors = append(union.Errors, s.errs...)
		addStats(union, s)
	}
	scanner.SortFindings(union.Findings)
	d, err := o.Gate.DecideResult(ctx, union, inputOptions(o))
	if err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	out := &Outcome{Result: union, Decision: d, InputOptions: inputOptions(o), Mixed: problems, SharedFingerprints: len(shared)}
	for _, s := range srcs {
		out.Sources = append(out.Sources, s.sum)
	}
	return out, nil
}

// prepare labels the reports, rewrites paths where needed and lists how
// each differs from the merging gate.
func prepare(ins []Input, o Options) ([]source, []string, error) {
	srcs := make([]source, 0, len(ins))
	byLabel := map[string]string{}
	var problems []string
	for _, in := range ins {
		r := in.Report
		label := in.Label
		if label == "" {
			label = DefaultLabel(r)
		}
		clean, err := scanner.CleanPathPrefix(label)
		if err != nil || clean == "" {
			return nil, nil, fmt.Errorf("%w %q of %s: want a relative path without .. (give one with --label NAME=%s)", ErrLabel, label, r.File, r.File)
		}
		if other, ok := byLabel[clean]; ok {
			return nil, nil, fmt.Errorf("%w %q: both %s and %s (give each its own with --label NAME=REPORT)", ErrLabel, clean, other, r.File)
		}
		byLabel[clean] = r.File
		s := source{rep: r, walk: r.Walk, sum: report.Source{
			Label: clean, File: r.File, Root: r.Root, PathPrefix: r.PathPrefix, LabelPrefixed: r.PathPrefix == "",
			ToolVersion: r.ToolVersion, PolicyDigest: r.PolicyDigest, InputSchemaVersion: r.InputSchemaVersion,
			Errors: len(r.Errors),
		}}
		s.sum.Mismatches = mismatches(r, o)
		for _, m := range s.sum.Mismatches {
			problems = append(problems, fmt.Sprintf("%s (%s): %s", r.File, clean, m))
		}
		s.findings = slices.Clone(r.Findings)
		if s.sum.LabelPrefixed {
			for i := range s.findings {
				if p := s.findings[i].Location.Path; p != "" {
					s.findings[i].Location.Path = clean + "/" + p
				}
			}
			s.walk.Diagnostics = slices.Clone(s.walk.Diagnostics)
			for i := range s.walk.Diagnostics {
				s.walk.Diagnostics[i].Path = clean + "/" + s.walk.Diagnostics[i].Path
			}
		}
		for _, e := range r.Errors {
			s.errs = append(s.errs, scanner.ScanError{Scanner: e.Scanner, Err: errors.New(clean + ": " + e.Message)})
		}
		srcs = append(srcs, s)
	}
	slices.SortFunc(srcs, func(a, b source) int { return strings.Compare(a.sum.Label, b.sum.Label) })
	return srcs, problems, nil
}

// withSourceExceptions adds to own (not changed) one entry per finding
// that its source's scan recorded as excepted, so that it covers that
// finding only; the entry's source names the label.
func withSourceExceptions(own *policy.Exceptions, srcs []source) *policy.Exceptions {
	x := &policy.Exceptions{}
	if own != nil {
		c := *own
		c.Entries = slices.Clone(own.Entries)
		x = &c
	}
	for _, s := range srcs {
		for _, f := range s.findings {
			if f.Gate == nil || f.Gate.Exception == nil {
				continue
			}
			e := *f.Gate.Exception
			e.Source = s.sum.Label + ": " + cmp.Or(e.Source, "its scan")
			x.Entries = append(x.Entries, policy.ExceptionEntry{Exception: e, Scanner: f.Scanner, Fingerprint: f.Fingerprint,
				PathGlob: globEscape(f.Location.Path)})
		}
	}
	return x
}

// globEscape makes a path a doublestar pattern that matches only itself.
func globEscape(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(`*?[]{}\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mismatches says how r differs from the merging gate.
func mismatches(r *Report, o Options) []string {
	var out []string
	switch got, want := major(r.ToolVersion), major(o.ToolVersion); {
	case r.ToolVersion == "":
		out = append(out, "records no tollgate version")
	case got != want:
		out = append(out, fmt.Sprintf("tollgate %s (major %s), merging with %s (major %s)", r.ToolVersion, got, o.ToolVersion, want))
	}
	switch want := o.Gate.Digest(); {
	case r.PolicyDigest == "":
		out = append(out, "records no policy digest (written before tollgate recorded one)")
	case r.PolicyDigest != want:
		out = append(out, fmt.Sprintf("policy digest %s, the merge's gate has %s (scan and merge with the same --policy, --data and --no-default-policy)", short(r.PolicyDigest), short(want)))
	}
	switch {
	case r.InputSchemaVersion == "":
		out = append(out, "records no policy input schema version")
	case r.InputSchemaVersion != policy.SchemaVersion:
		out = append(out, fmt.Sprintf("policy input schema %s, this tollgate's is %s", r.InputSchemaVersion, policy.SchemaVersion))
	}
	return out
}

// major is the major version of a tollgate version string: "v1" for
// v1.4.2, "v0" for a pseudo-version; a version that is not semver
// (a "dev" build) is its own major.
func major(v string) string {
	s := strings.TrimPrefix(v, "v")
	if i := strings.IndexByte(s, '.'); i > 0 {
		return "v" + s[:i]
	}
	return v
}

func short(digest string) string {
	const n = len("sha256:") + 12
	if len(digest) > n {
		return digest[:n] + "…"
	}
	return digest
}

func inputOptions(o Options) policy.InputOptions {
	return policy.InputOptions{Config: o.Config, ToolVersion: o.ToolVersion, Now: o.Now, Exceptions: o.Exceptions, Baseline: o.Baseline}
}

// decide runs the gate over the source's findings alone and fills its
// summary.
func (s *source) decide(ctx context.Context, o Options) error {
	res := &scanner.Result{Root: s.rep.Root, PathPrefix: s.rep.PathPrefix, Findings: s.findings, Scanners: s.rep.Scanners,
		Walk: s.walk, Errors: s.errs, Started: s.rep.Started, Duration: s.rep.Duration}
	d, err := o.Gate.DecideResult(ctx, res, inputOptions(o))
	if err != nil {
		return fmt.Errorf("merge: %s (%s): %w", s.rep.File, s.sum.Label, err)
	}
	s.sum.Pass, s.sum.Deny = d.Pass, len(d.Deny)
	s.sum.Findings = len(s.findings)
	s.sum.Counts = map[string]int{}
	for _, f := range s.findings {
		s.sum.Counts[f.Severity.String()]++
		if f.Gate != nil && f.Gate.New {
			s.sum.New++
		}
		if f.Suppressed() {
			s.sum.Suppressed++
		}
	}
	return nil
}

// addStats adds a source's stats to the union: per scanner summed, in the
// order scanners first appear; walk counts summed; durations summed (the
// union's is the scanning time spent, not a wall-clock span).
func addStats(u *scanner.Result, s *source) {
	r := s.rep
	if u.Started.IsZero() || (!r.Started.IsZero() && r.Started.Before(u.Started)) {
		u.Started = r.Started
	}
	u.Duration += r.Duration
	for _, st := range r.Scanners {
		i := slices.IndexFunc(u.Scanners, func(x scanner.ScannerStats) bool { return x.Name == st.Name })
		if i < 0 {
			u.Scanners = append(u.Scanners, scanner.ScannerStats{Name: st.Name, Extra: st.Extra})
			i = len(u.Scanners) - 1
		}
		t := &u.Scanners[i]
		t.Files += st.Files
		t.Bytes += st.Bytes
		t.Findings += st.Findings
		t.Duration += st.Duration
		if st.Error != "" {
			t.Error = strings.TrimPrefix(t.Error+"; "+s.sum.Label+": "+st.Error, "; ")
		}
	}
	w, k := &u.Walk, s.walk
	w.Files += k.Files
	w.Scanned += k.Scanned
	w.Bytes += k.Bytes
	w.BinaryStructured += k.BinaryStructured
	sk := &w.Skipped
	sk.ExcludedDirs += k.Skipped.ExcludedDirs
	sk.ExcludedFiles += k.Skipped.ExcludedFiles
	sk.Binary += k.Skipped.Binary
	sk.TooLarge += k.Skipped.TooLarge
	sk.Unreadable += k.Skipped.Unreadable
	sk.Symlinks += k.Skipped.Symlinks
	sk.OutsideRoot += k.Skipped.OutsideRoot
	sk.Irregular += k.Skipped.Irregular
	sk.Gitignored += k.Skipped.Gitignored
	for _, d := range k.Diagnostics {
		if len(w.Diagnostics) < maxDiagnostics {
			w.Diagnostics = append(w.Diagnostics, d)
		}
	}
}
