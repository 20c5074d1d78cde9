package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/google/osv-scanner/v2/pkg/models"
	"github.com/ossf/osv-schema/bindings/go/osvschema"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/tollgate-dev/tollgate/scanner"
)

// osvJSONWriter writes osv-scanner's JSON result document (`osv-scanner
// --format json`), built with osv-scanner's own public models package so
// that dashboards and scripts reading osv-scanner output keep working.
//
// Only dependency findings appear, and excepted ones are left out, as
// osv-scanner leaves out ignored advisories. Sources are the lockfiles,
// as absolute paths under the scan root like osv-scanner's. Each finding
// becomes one vulnerability and one group: tollgate has already merged
// alias records, so the group's ids are the primary id and its aliases
// the other ids. The vulnerability carries what the finding knows (id,
// aliases, summary, details, CVSS vector, references, the affected
// package with its fixed versions as database_specific), not the full
// advisory record: ranges and affected versions are not repeated.
type osvJSONWriter struct{}

// Write streams the document one source (lockfile) at a time: the
// findings are grouped by source and package first, as pointers, and
// each source's vulnerabilities are built and encoded only when its turn
// comes (report/jsonframe.go), so the memory it takes is bounded by one
// lockfile's findings. Built and encoded at once, the document of 60,000
// dependency findings took 300 MB.
func (osvJSONWriter) Write(w io.Writer, r *Report) error {
	sources := osvSources(r.Result)
	frame, err := json.MarshalIndent(models.VulnerabilityResults{Results: []models.PackageSource{}}, "", "  ")
	if err != nil {
		return fmt.Errorf("osv-json: %w", err)
	}
	fw := newJSONFrame(w, frame)
	err = fw.fillWith("\n  ", "results", len(sources), func(b []byte, i int, prefix string) ([]byte, error) {
		ps, err := sources[i].packageSource()
		if err != nil {
			return b, err
		}
		enc, err := json.MarshalIndent(ps, prefix, "  ")
		return append(b, enc...), err
	})
	if err == nil {
		err = fw.finish()
	}
	if err != nil {
		return fmt.Errorf("osv-json: %w", err)
	}
	return nil
}

// osvSource is one lockfile's dependency findings, by package version in
// the order of their first finding.
type osvSource struct {
	info models.SourceInfo
	pkgs []osvPackage
}

type osvPackage struct {
	eco, name, version string
	dev                bool
	findings           []*scanner.Finding
}

// osvSources groups the dependency findings that are not excepted by
// lockfile (sorted by path) and package version.
func osvSources(res *scanner.Result) []*osvSource {
	type pkgKey struct{ eco, name, version string }
	type grouping struct {
		src  *osvSource
		byPk map[pkgKey]int
	}
	var sources []*osvSource
	bySource := map[string]*grouping{}
	base := scanBase(res)
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Scanner != scanner.KindDeps || f.Package == nil || f.Suppressed() {
			continue
		}
		lock := f.Location.Path
		if l, ok := f.Properties["lockfile"].(string); ok && l != "" {
			lock = l
		}
		g, ok := bySource[lock]
		if !ok {
			g = &grouping{src: &osvSource{info: models.SourceInfo{Path: joinBase(base, lock), Type: sourceType(lock)}}, byPk: map[pkgKey]int{}}
			bySource[lock] = g
			sources = append(sources, g.src)
		}
		p := f.Package
		k := pkgKey{p.Ecosystem, p.Name, p.Version}
		j, ok := g.byPk[k]
		if !ok {
			j = len(g.src.pkgs)
			g.byPk[k] = j
			g.src.pkgs = append(g.src.pkgs, osvPackage{eco: p.Ecosystem, name: p.Name, version: p.Version, dev: p.Dev})
		}
		g.src.pkgs[j].findings = append(g.src.pkgs[j].findings, f)
	}
	slices.SortStableFunc(sources, func(a, b *osvSource) int { return strings.Compare(a.info.Path, b.info.Path) })
	return sources
}

// packageSource builds the source's entry of the document: each package
// with one vulnerability and one group per finding.
func (s *osvSource) packageSource() (models.PackageSource, error) {
	ps := models.PackageSource{Source: s.info}
	for _, p := range s.pkgs {
		pv := models.PackageVulns{Package: models.PackageInfo{Name: p.name, Version: p.version, Ecosystem: p.eco}}
		if p.dev {
			pv.DepGroups = []string{"dev"}
		}
		for _, f := range p.findings {
			v, err := osvVulnerability(*f)
			if err != nil {
				return ps, err
			}
			pv.Vulnerabilities = append(pv.Vulnerabilities, v)
			ids := append([]string{f.RuleID}, f.Aliases...)
			maxSev := ""
			if f.Score > 0 {
				maxSev = fmt.Sprintf("%.1f", f.Score)
			}
			pv.Groups = append(pv.Groups, models.GroupInfo{IDs: []string{f.RuleID}, Aliases: ids, MaxSeverity: maxSev})
		}
		ps.Packages = append(ps.Packages, pv)
	}
	return ps, nil
}

// osvVulnerability rebuilds the OSV record a finding came from, as far as
// the finding knows it.
func osvVulnerability(f scanner.Finding) (*osvschema.Vulnerability, error) {
	rec := map[string]any{"id": f.RuleID, "summary": f.Title}
	if len(f.Aliases) > 0 {
		rec["aliases"] = f.Aliases
	}
	if f.Description != "" {
		rec["details"] = f.Description
	}
	if vec, ok := f.Properties["cvss_vector"].(string); ok && vec != "" {
		typ := "CVSS_V3"
		switch {
		case strings.HasPrefix(vec, "CVSS:4"):
			typ = "CVSS_V4"
		case !strings.HasPrefix(vec, "CVSS:3"):
			typ = "CVSS_V2"
		}
		rec["severity"] = []any{map[string]any{"type": typ, "score": vec}}
	}
	var refs []any
	for _, u := range f.References {
		refs = append(refs, map[string]any{"type": "WEB", "url": u})
	}
	if len(refs) > 0 {
		rec["references"] = refs
	}
	pkg := map[string]any{"ecosystem": f.Package.Ecosystem, "name": f.Package.Name}
	if f.Package.PURL != "" {
		pkg["purl"] = purlWithoutVersion(f.Package.PURL)
	}
	aff := map[string]any{"package": pkg}
	if len(f.Package.FixedVersions) > 0 {
		aff["database_specific"] = map[string]any{"fixed_versions": f.Package.FixedVersions}
	}
	rec["affected"] = []any{aff}
	if len(f.CWEs) > 0 || f.Severity != scanner.SeverityUnknown {
		ds := map[string]any{"severity": f.Severity.String()}
		if len(f.CWEs) > 0 {
			ds["cwe_ids"] = f.CWEs
		}
		rec["database_specific"] = ds
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.RuleID, err)
	}
	v := &osvschema.Vulnerability{}
	if err := protojsonUnmarshal(b, v); err != nil {
		return nil, fmt.Errorf("%s: %w", f.RuleID, err)
	}
	return v, nil
}

// purlWithoutVersion drops "@version" (and what follows) from a PURL: an
// affected package names the package, not one version of it.
func purlWithoutVersion(p string) string {
	at := strings.LastIndex(p, "@")
	if at <= strings.Index(p, "/") { // "pkg:npm/%40scope/x" has no "@" before the name
		return p
	}
	return p[:at]
}

// scanBase is the directory finding paths are relative to: the scan root,
// or its ancestor when a path prefix was applied.
func scanBase(res *scanner.Result) string {
	root := strings.ReplaceAll(res.Root, "\\", "/")
	if res.PathPrefix != "" && strings.HasSuffix(root, "/"+res.PathPrefix) {
		return strings.TrimSuffix(root, "/"+res.PathPrefix)
	}
	return root
}

func joinBase(base, rel string) string {
	if base == "" {
		return rel
	}
	return path.Join(base, rel)
}

// sourceType is osv-scanner's source type for a scanned file.
func sourceType(p string) models.SourceType {
	b := strings.ToLower(path.Base(p))
	if strings.Contains(b, ".cdx.") || strings.Contains(b, ".spdx") || b == "bom.json" || b == "bom.xml" {
		return models.SourceTypeSBOM
	}
	return models.SourceTypeProjectPackage
}

func protojsonUnmarshal(b []byte, v *osvschema.Vulnerability) error {
	return protojson.UnmarshalOptions{DiscardUnknown: true}.Unmarshal(b, v)
}
