package deps

import (
	"context"
	"fmt"
	"io/fs"
	"os/exec"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
)

// The Go standard library is a dependency like any other, but go.mod does
// not say which version builds the code: its `go` directive is the
// minimum language version, and only a `toolchain` line (or the go
// command that actually runs) names a release. osv-scalibr's go.mod
// extractor reports "stdlib" at the toolchain version if there is one,
// else at the go directive; matching every advisory fixed after a go
// directive of 1.13 fails every old module on a hundred advisories that
// its real toolchain does not have. The scanner therefore decides the
// version itself and records where it came from in the finding property
// "stdlib_version_source", so that the policy can treat guesses as
// warnings (see docs/deps.md).

// Values of the finding property PropStdlibSource, most trusted first.
const (
	// StdlibSourceFlag: Options.GoVersion (the --go-version flag).
	StdlibSourceFlag = "flag"
	// StdlibSourceConfig: a configuration file (osv-scanner.toml's
	// GoVersionOverride), passed as Options.GoVersion with this source.
	StdlibSourceConfig = "config"
	// StdlibSourceToolchain: the go.mod `toolchain` directive.
	StdlibSourceToolchain = "toolchain"
	// StdlibSourceLocal: `go env GOVERSION` of the go command on PATH,
	// only when asked for (Options.GoVersion "local").
	StdlibSourceLocal = "local"
	// StdlibSourceGoDirective: only the go.mod `go` directive, the
	// minimum language version. Findings at this version are guesses.
	StdlibSourceGoDirective = "go-directive"
	// StdlibSourceBinary: the build information of a Go binary, the
	// toolchain that really built it. No setting overrides it.
	StdlibSourceBinary = "binary"
)

// PropStdlibSource is the finding property naming where the version of a
// Go standard library finding came from.
const PropStdlibSource = "stdlib_version_source"

// GoVersionLocal as Options.GoVersion asks for the go command on PATH.
const GoVersionLocal = "local"

var goVersionRE = regexp.MustCompile(`^(?:go)?(1(?:\.[0-9]+){1,2}(?:(?:rc|beta)[0-9]+)?)$`)

// ParseGoVersion normalises a Go release as given by a user ("1.22.3",
// "go1.22.3", "1.22") to the form OSV uses ("1.22.3"). "local" is
// returned unchanged.
func ParseGoVersion(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == GoVersionLocal {
		return v, nil
	}
	m := goVersionRE.FindStringSubmatch(v)
	if m == nil {
		return "", fmt.Errorf("go version %q: want a Go release such as 1.22.3 (or %q)", v, GoVersionLocal)
	}
	return m[1], nil
}

// localGoTimeout bounds `go env GOVERSION`.
const localGoTimeout = 30 * time.Second

// localGoVersion asks the go command on PATH which release it is.
func localGoVersion(ctx context.Context) (string, error) {
	bin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("--go-version local: no go command on PATH: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, localGoTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "env", "GOVERSION").Output()
	if err != nil {
		return "", fmt.Errorf("--go-version local: %s env GOVERSION: %w", bin, err)
	}
	// "go1.22.3", "go1.23.0 X:nocoverageredesign", "go1.22.3-custom".
	raw := strings.TrimSpace(string(out))
	first, _, _ := strings.Cut(raw, " ")
	first, _, _ = strings.Cut(first, "-")
	v, err := ParseGoVersion(first)
	if err != nil || v == GoVersionLocal {
		return "", fmt.Errorf("--go-version local: %s reports %q, not a Go release", bin, raw)
	}
	return v, nil
}

// isStdlib reports whether d is the Go standard library.
func isStdlib(d dep) bool {
	return baseEcosystem(d.ecosystem) == "Go" && (d.name == "stdlib" || d.name == "go")
}

// resolveStdlib sets the version and version source of every Go standard
// library package, by precedence: Options.GoVersion (flag or config) >
// go.mod toolchain > the local go command (when asked for) > go.mod go
// directive. A Go binary's standard library keeps its own version.
func (s *Scanner) resolveStdlib(ctx context.Context, fsys fs.FS, deps []dep) error {
	var (
		local    string
		localErr error
		asked    bool
	)
	for i := range deps {
		d := &deps[i]
		if !isStdlib(*d) {
			continue
		}
		if path.Base(d.lockfile) != "go.mod" {
			// Outside go.mod the standard library comes from a Go binary's
			// build information (gobinary, in images) or from an SBOM,
			// which says what it says; neither is a guess to override.
			if slices.ContainsFunc(d.pkg.Plugins, func(p string) bool { return strings.Contains(p, "binary") }) || !isSBOMPath(d.lockfile) {
				d.stdlibSource = StdlibSourceBinary
			}
			continue
		}
		switch {
		case s.opts.GoVersion != "" && s.opts.GoVersion != GoVersionLocal:
			d.setVersion(s.opts.GoVersion)
			d.stdlibSource = s.opts.GoVersionSource
		case hasToolchain(fsys, d.lockfile):
			d.stdlibSource = StdlibSourceToolchain
		case s.opts.GoVersion == GoVersionLocal:
			if !asked {
				asked = true
				local, localErr = localGoVersion(ctx)
			}
			if localErr != nil {
				d.stdlibSource = StdlibSourceGoDirective
				continue
			}
			d.setVersion(local)
			d.stdlibSource = StdlibSourceLocal
		default:
			d.stdlibSource = StdlibSourceGoDirective
		}
	}
	return localErr
}

// setVersion changes the package version the matcher and the finding see.
func (d *dep) setVersion(v string) {
	d.version = v
	d.pkg.Version = v
	if pu := d.pkg.PURL(); pu != nil {
		d.purl = pu.String()
	}
}

// hasToolchain reports whether the go.mod at p has a toolchain directive.
func hasToolchain(fsys fs.FS, p string) bool {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return false
	}
	// ParseLax skips toolchain lines (main-module only), so parse strictly,
	// as osv-scalibr's extractor does.
	f, err := modfile.Parse(p, b, nil)
	return err == nil && f.Toolchain != nil && f.Toolchain.Name != ""
}

// isSBOMPath reports whether p names a CycloneDX or SPDX document.
func isSBOMPath(p string) bool {
	b := strings.ToLower(path.Base(p))
	return strings.Contains(b, ".cdx.") || strings.Contains(b, ".spdx") || b == "bom.json" || b == "bom.xml"
}
