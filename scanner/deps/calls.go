package deps

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"

	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"
	"github.com/google/osv-scalibr/enricher"
	gosource "github.com/google/osv-scalibr/enricher/reachability/go/source"
	"github.com/google/osv-scalibr/extractor/filesystem/language/golang/gomod"
	scalibrfs "github.com/google/osv-scalibr/fs"
	"github.com/google/osv-scalibr/inventory"
	"github.com/google/osv-scalibr/inventory/vex"
	"github.com/ossf/osv-schema/bindings/go/osvschema"
)

// Go call analysis runs govulncheck (through osv-scalibr's enricher, the
// one osv-scanner uses) on every Go module whose go.mod the scan read,
// with a vulnerability database made of exactly the advisories matched,
// so govulncheck itself fetches no advisories. It does load the module's
// packages with the go command, which downloads missing modules unless
// GOPROXY=off; New therefore refuses call analysis in offline mode
// unless GOPROXY=off is set.

// ErrCallAnalysisNeedsGOPROXYOff is returned by New for Offline with
// CallAnalysis when GOPROXY is not "off".
var ErrCallAnalysisNeedsGOPROXYOff = errors.New("deps: offline Go call analysis runs the go command, which may download modules; set GOPROXY=off (modules then come from the local module cache only)")

// callKey identifies one (package occurrence, advisory) pair.
type callKey struct {
	lockfile, name, version, id string
}

// analyseCalls returns, per Go (go.mod package, advisory), whether
// govulncheck found the vulnerable code reachable. Pairs it could not
// judge (advisories without symbol information) count as called.
func analyseCalls(ctx context.Context, root string, deps []dep, vulns map[pkgKey][]*osvschema.Vulnerability) (map[callKey]bool, error) {
	inv := &inventory.Inventory{}
	for _, d := range deps {
		if baseEcosystem(d.ecosystem) != "Go" || d.pkg == nil {
			continue
		}
		if !slices.Contains(d.pkg.Plugins, gomod.Name) {
			d.pkg.Plugins = append(d.pkg.Plugins, gomod.Name)
		}
		inv.Packages = append(inv.Packages, d.pkg)
		for _, v := range vulns[d.key()] {
			inv.PackageVulns = append(inv.PackageVulns, &inventory.PackageVuln{Vulnerability: v, Package: d.pkg})
		}
	}
	if len(inv.PackageVulns) == 0 {
		return nil, nil
	}
	e, err := gosource.New(&cpb.PluginConfig{})
	if err != nil {
		return nil, fmt.Errorf("call analysis: %w", err)
	}
	if err := e.Enrich(ctx, &enricher.ScanInput{ScanRoot: &scalibrfs.ScanRoot{Path: root}}, inv); err != nil {
		return nil, fmt.Errorf("call analysis (govulncheck): %w", err)
	}
	byPkg := map[any]dep{}
	for _, d := range deps {
		byPkg[d.pkg] = d
	}
	out := map[callKey]bool{}
	for _, pv := range inv.PackageVulns {
		d, ok := byPkg[pv.Package]
		if !ok {
			continue
		}
		called := !slices.ContainsFunc(pv.ExploitabilitySignals, func(s *vex.FindingExploitabilitySignal) bool {
			return s.Justification == vex.VulnerableCodeNotInExecutePath
		})
		out[callKey{d.lockfile, d.name, d.version, pv.Vulnerability.GetId()}] = called
	}
	return out, nil
}

func goproxyOff() bool { return os.Getenv("GOPROXY") == "off" }
