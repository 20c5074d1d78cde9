package report

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/tollgate-dev/tollgate/scanner"
)

// cycloneDXWriter writes a CycloneDX 1.6 JSON BOM with vulnerabilities,
// built with the CycloneDX Go library, for SBOM tools and
// Dependency-Track.
//
// Components are the packages the deps scanner found: its full inventory
// (Result.Packages) when the scan has one, else only the packages that
// findings name (a report read back from JSON has no inventory). Each
// component's bom-ref is its PURL (ecosystem/name@version when it has
// none); the lockfiles that declare it are its evidence occurrences.
// Each advisory becomes one vulnerability affecting every component it
// was found in; a vulnerability whose every finding is excepted carries an
// analysis saying why it was accepted (response will_not_fix). Secrets and IaC findings are not
// part of a BOM and are left out.
type cycloneDXWriter struct{}

// cdxComponent gathers one package version and where it is declared.
type cdxComponent struct {
	ref       string
	eco, name string
	version   string
	purl      string
	locations []cdx.EvidenceOccurrence
	seenLoc   map[string]bool
	dev       bool
}

func (cycloneDXWriter) Write(w io.Writer, r *Report) error {
	var comps []*cdxComponent
	byRef := map[string]*cdxComponent{}
	add := func(eco, name, version, purl, loc string, line int, dev bool) *cdxComponent {
		ref := purl
		if ref == "" {
			ref = eco + "/" + name + "@" + version
		}
		c, ok := byRef[ref]
		if !ok {
			c = &cdxComponent{ref: ref, eco: eco, name: name, version: version, purl: purl, seenLoc: map[string]bool{}, dev: dev}
			byRef[ref] = c
			comps = append(comps, c)
		}
		c.dev = c.dev && dev
		if loc != "" && !c.seenLoc[loc] {
			c.seenLoc[loc] = true
			o := cdx.EvidenceOccurrence{Location: loc}
			if line > 0 {
				o.Line = &line
			}
			c.locations = append(c.locations, o)
		}
		return c
	}
	for _, p := range r.Result.Packages {
		add(p.Ecosystem, p.Name, p.Version, p.PURL, p.Path, p.Line, p.Dev)
	}

	type vuln struct {
		v        cdx.Vulnerability
		refs     map[string]bool
		findings int
		excepted []*scanner.Exception
	}
	var vulns []*vuln
	byID := map[string]*vuln{}
	for _, f := range r.Result.Findings {
		if f.Scanner != scanner.KindDeps || f.Package == nil {
			continue
		}
		p := f.Package
		lock := f.Location.Path
		if l, ok := f.Properties["lockfile"].(string); ok && l != "" {
			lock = l
		}
		c := add(p.Ecosystem, p.Name, p.Version, p.PURL, lock, f.Location.StartLine, p.Dev)
		v, ok := byID[f.RuleID]
		if !ok {
			v = &vuln{v: cdxVulnerability(f), refs: map[string]bool{}}
			byID[f.RuleID] = v
			vulns = append(vulns, v)
		}
		if !v.refs[c.ref] {
			v.refs[c.ref] = true
			aff := cdx.Affects{Ref: c.ref, Range: &[]cdx.AffectedVersions{{Version: p.Version, Status: cdx.VulnerabilityStatusAffected}}}
			*v.v.Affects = append(*v.v.Affects, aff)
			if rec := recommendation(p); rec != "" && !strings.Contains(v.v.Recommendation, rec) {
				v.v.Recommendation = strings.TrimPrefix(v.v.Recommendation+"; "+rec, "; ")
			}
		}
		v.findings++
		if f.Suppressed() {
			v.excepted = append(v.excepted, f.Gate.Exception)
		}
	}
	// A vulnerability is accepted only when every finding of it is: one
	// lockfile excepted and another not is still open.
	for _, v := range vulns {
		if v.findings > 0 && len(v.excepted) == v.findings {
			v.v.Analysis = cdxAnalysis(v.excepted[0])
		}
	}

	slices.SortFunc(comps, func(a, b *cdxComponent) int { return strings.Compare(a.ref, b.ref) })
	components := make([]cdx.Component, 0, len(comps))
	for _, c := range comps {
		comp := cdx.Component{BOMRef: c.ref, Type: cdx.ComponentTypeLibrary, Name: c.name, Version: c.version, PackageURL: c.purl}
		if len(c.locations) > 0 {
			slices.SortFunc(c.locations, func(a, b cdx.EvidenceOccurrence) int { return strings.Compare(a.Location, b.Location) })
			comp.Evidence = &cdx.Evidence{Occurrences: &c.locations}
		}
		props := []cdx.Property{{Name: "tollgate:ecosystem", Value: c.eco}}
		if c.dev {
			props = append(props, cdx.Property{Name: "tollgate:dev", Value: "true"})
		}
		comp.Properties = &props
		components = append(components, comp)
	}
	slices.SortStableFunc(vulns, func(a, b *vuln) int { return strings.Compare(a.v.ID, b.v.ID) })
	vs := make([]cdx.Vulnerability, 0, len(vulns))
	for _, v := range vulns {
		vs = append(vs, v.v)
	}

	bom := cdx.NewBOM()
	bom.SerialNumber = serialNumber(r, components, vs)
	bom.Metadata = cdxMetadata(r)
	bom.Components = &components
	bom.Vulnerabilities = &vs
	enc := cdx.NewBOMEncoder(w, cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	enc.SetEscapeHTML(false)
	if err := enc.EncodeVersion(bom, cdx.SpecVersion1_6); err != nil {
		return fmt.Errorf("cyclonedx: %w", err)
	}
	return nil
}

func cdxMetadata(r *Report) *cdx.Metadata {
	md := &cdx.Metadata{
		Tools: &cdx.ToolsChoice{Components: &[]cdx.Component{{Type: cdx.ComponentTypeApplication, Name: r.ToolName, Version: r.ToolVersion}}},
	}
	if !r.Result.Started.IsZero() {
		md.Timestamp = r.Result.Started.UTC().Format(time.RFC3339)
	}
	// The scanned tree is the BOM's subject; its folder name, not the
	// absolute path, which would differ between machines.
	if name := scanName(r.Result); name != "" && name != "." && name != "/" {
		md.Component = &cdx.Component{BOMRef: "root", Type: cdx.ComponentTypeApplication, Name: name}
	}
	return md
}

// scanName is the name of the scanned folder (the repository's, under a
// path prefix).
func scanName(res *scanner.Result) string {
	return path.Base(scanBase(res))
}

// serialNumber is a UUID-shaped digest of the BOM's content (the scanned
// folder's name, not its absolute path), so the same scan gives the same
// serial number in any checkout (reproducible reports, stable goldens)
// and different scans different ones.
func serialNumber(r *Report, comps []cdx.Component, vs []cdx.Vulnerability) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", scanName(r.Result), r.Result.Started.UTC().Format(time.RFC3339Nano))
	for _, c := range comps {
		fmt.Fprintf(h, "%s\x00", c.BOMRef)
	}
	for _, v := range vs {
		fmt.Fprintf(h, "%s\x00", v.ID)
	}
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x50 // version 5 (name-based, SHA) layout
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// cdxVulnerability is the vulnerability of one finding, without affects.
func cdxVulnerability(f scanner.Finding) cdx.Vulnerability {
	v := cdx.Vulnerability{ID: f.RuleID, BOMRef: "vuln:" + f.RuleID, Description: f.Title, Detail: f.Description, Affects: &[]cdx.Affects{}}
	if src := advisorySource(f.RuleID); src != nil {
		v.Source = src
	}
	if len(f.Aliases) > 0 {
		refs := make([]cdx.VulnerabilityReference, 0, len(f.Aliases))
		for _, a := range f.Aliases {
			refs = append(refs, cdx.VulnerabilityReference{ID: a, Source: cmp.Or(advisorySource(a), &cdx.Source{Name: "OSV"})})
		}
		v.References = &refs
	}
	rating := cdx.VulnerabilityRating{Severity: cdxSeverity(f.Severity)}
	if f.Score > 0 {
		score := f.Score
		rating.Score = &score
	}
	if vec, ok := f.Properties["cvss_vector"].(string); ok && vec != "" {
		rating.Vector = vec
		rating.Method = cvssMethod(vec)
	} else if rating.Score != nil {
		rating.Method = cdx.ScoringMethodOther
	}
	v.Ratings = &[]cdx.VulnerabilityRating{rating}
	var cwes []int
	for _, c := range f.CWEs {
		if n, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(c), "CWE-")); err == nil {
			cwes = append(cwes, n)
		}
	}
	if len(cwes) > 0 {
		v.CWEs = &cwes
	}
	var adv []cdx.Advisory
	for _, u := range f.References {
		if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			adv = append(adv, cdx.Advisory{URL: u})
		}
	}
	if len(adv) > 0 {
		v.Advisories = &adv
	}
	return v
}

// advisorySource names the database an advisory id comes from, with the
// advisory's page, or nil when the prefix is not one we know.
func advisorySource(id string) *cdx.Source {
	switch {
	case strings.HasPrefix(id, "CVE-"):
		return &cdx.Source{Name: "NVD", URL: "https://nvd.nist.gov/vuln/detail/" + id}
	case strings.HasPrefix(id, "GHSA-"):
		return &cdx.Source{Name: "GitHub", URL: "https://github.com/advisories/" + id}
	case strings.HasPrefix(id, "GO-"), strings.HasPrefix(id, "PYSEC-"), strings.HasPrefix(id, "RUSTSEC-"), strings.HasPrefix(id, "OSV-"):
		return &cdx.Source{Name: "OSV", URL: "https://osv.dev/vulnerability/" + id}
	}
	return nil
}

func cvssMethod(vec string) cdx.ScoringMethod {
	switch {
	case strings.HasPrefix(vec, "CVSS:4"):
		return cdx.ScoringMethodCVSSv4
	case strings.HasPrefix(vec, "CVSS:3.1"):
		return cdx.ScoringMethodCVSSv31
	case strings.HasPrefix(vec, "CVSS:3"):
		return cdx.ScoringMethodCVSSv3
	}
	return cdx.ScoringMethodCVSSv2
}

func cdxSeverity(s scanner.Severity) cdx.Severity {
	switch s {
	case scanner.SeverityCritical:
		return cdx.SeverityCritical
	case scanner.SeverityHigh:
		return cdx.SeverityHigh
	case scanner.SeverityMedium:
		return cdx.SeverityMedium
	case scanner.SeverityLow:
		return cdx.SeverityLow
	case scanner.SeverityInfo:
		return cdx.SeverityInfo
	}
	return cdx.SeverityUnknown
}

// recommendation says which version to move a package to.
func recommendation(p *scanner.Package) string {
	switch {
	case p.UpgradeTo != "":
		return fmt.Sprintf("Upgrade %s %s to %s", p.Name, p.Version, p.UpgradeTo)
	case p.Fix != "":
		return fmt.Sprintf("Upgrade %s %s to %s", p.Name, p.Version, p.Fix)
	case len(p.FixedVersions) > 0:
		return fmt.Sprintf("Fixed in %s %s", p.Name, strings.Join(p.FixedVersions, ", "))
	}
	return ""
}

// cdxAnalysis records an accepted risk (a live exception).
func cdxAnalysis(e *scanner.Exception) *cdx.VulnerabilityAnalysis {
	detail := "accepted by exception: " + e.Reason
	if e.Owner != "" {
		detail += ", owner " + e.Owner
	}
	if e.Ticket != "" {
		detail += ", ticket " + e.Ticket
	}
	if e.Expires != nil {
		detail += ", until " + e.Expires.Format("2006-01-02")
	}
	if e.Source != "" {
		detail += " (" + e.Source + ")"
	}
	// No state: an exception accepts a risk, it does not say whether the
	// code is exploitable.
	return &cdx.VulnerabilityAnalysis{Response: &[]cdx.ImpactAnalysisResponse{cdx.IARWillNotFix}, Detail: detail}
}
