package deps

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/ossf/osv-schema/bindings/go/osvschema"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Findings are built in two steps so that the scan's largest heap, its
// end, holds neither the parsed lockfiles nor the advisory records beside
// the findings (docs/performance.md, "The peak, phase by phase"):
//
//   - planFindings, while the packages and advisories are still there,
//     computes what the findings of each vulnerable package version share
//     (advisory texts, fixed versions, severity, remediation, upgrade);
//   - Scan then drops the osv-scalibr packages, and the records go with
//     the matches;
//   - build makes one finding per lockfile, package version and alias
//     group from the plan and the deps' own strings.
//
// Values that repeat are built once and shared (texts of an advisory
// group, packages, property maps), as scanner.Run's compaction would
// share them afterwards; before, a 62,000-finding tree built 66 MB of
// copies (a 4,000-byte description per finding among them) and held them
// beside everything else until Run compacted them to 45.

// findingPlan holds what the findings of one scan share.
type findingPlan struct {
	keys map[pkgKey]*keyPlan
	// occurrences maps each (lockfile, package version) with findings to
	// the index of its first finding in build's output; its groups'
	// findings follow in order.
	occurrences map[occurrence]int
	count       int      // findings build makes
	tags        []string // the same for every finding, shared
}

// occurrence is a package version in one lockfile: the unit findings are
// merged on (the same version listed twice in one lockfile).
type occurrence struct {
	lockfile string
	pkg      pkgKey
}

// keyPlan is what the findings of one package version share.
type keyPlan struct {
	evidence string
	upgrade  string
	major    bool
	groups   []*groupPlan
}

// groupPlan is the part of a finding fixed by the package version and the
// advisory group.
type groupPlan struct {
	adv         *advisoryText
	title       string
	fixed       []string
	fix         string
	sev         scanner.Severity
	score       float64
	vector      string
	remediation string // before the go-directive note, which depends on the lockfile
}

// advisoryText is what the findings of one alias group share whatever the
// package: the ecosystem's packages hit by one advisory (often hundreds)
// point to one copy.
type advisoryText struct {
	members []*osvschema.Vulnerability // the group, identity of the text; planning only
	ids     []string                   // the members' ids, for call analysis
	ruleID  string
	summary string // the first non-empty summary; "" for none
	desc    string
	aliases []string
	refs    []string
	cwes    []string
}

// planFindings computes the shared parts of the findings of deps. It is
// the last use of the deps' osv-scalibr packages (the upgrade search) and
// of the advisory records.
func planFindings(deps []dep, vulns map[pkgKey][]*osvschema.Vulnerability, orders versionOrders) *findingPlan {
	p := &findingPlan{
		keys:        map[pkgKey]*keyPlan{},
		occurrences: map[occurrence]int{},
		tags:        clip([]string{"dependency", "vulnerability"}),
	}
	texts := map[*osvschema.Vulnerability][]*advisoryText{} // by primary
	for _, d := range deps {
		vs := vulns[d.key()]
		if len(vs) == 0 {
			continue
		}
		kp, ok := p.keys[d.key()]
		if !ok {
			o := orders.get(d.ecosystem)
			kp = &keyPlan{evidence: d.ecosystem + "/" + d.name + "@" + d.version}
			// The upgrade is the first occurrence's, as its osv-scalibr
			// package is the one matched (see upgradeFor).
			if kp.upgrade = upgradeFor(d, vs, o); kp.upgrade != "" {
				kp.major = majorBump(d.version, kp.upgrade)
			}
			for _, g := range aliasGroups(vs) {
				kp.groups = append(kp.groups, planGroup(d, g, adviceFor(texts, g), o))
			}
			p.keys[d.key()] = kp
		}
		oc := occurrence{d.lockfile, d.key()}
		if _, dup := p.occurrences[oc]; !dup {
			p.occurrences[oc] = -1 // build sets the index
			p.count += len(kp.groups)
		}
	}
	for _, ts := range texts {
		for _, t := range ts {
			t.members = nil // the plan must not keep the records live
		}
	}
	return p
}

// adviceFor returns the shared text of group g, made on first use.
func adviceFor(texts map[*osvschema.Vulnerability][]*advisoryText, g []*osvschema.Vulnerability) *advisoryText {
	for _, t := range texts[g[0]] {
		if slices.Equal(t.members, g) {
			return t
		}
	}
	t := newAdvisoryText(g)
	texts[g[0]] = append(texts[g[0]], t)
	return t
}

// newAdvisoryText gathers the package-independent fields of a finding on
// alias group g (sorted by aliasGroups, primary first).
func newAdvisoryText(g []*osvschema.Vulnerability) *advisoryText {
	primary := g[0]
	t := &advisoryText{members: g, ruleID: primary.GetId()}
	ids := map[string]bool{}
	for _, v := range g {
		t.ids = append(t.ids, v.GetId())
		ids[v.GetId()] = true
		for _, a := range v.GetAliases() {
			ids[a] = true
		}
	}
	delete(ids, primary.GetId())
	for id := range ids {
		t.aliases = append(t.aliases, id)
	}
	sort.Slice(t.aliases, func(i, j int) bool { return idLess(t.aliases[i], t.aliases[j]) })

	for _, v := range g {
		if t.summary = strings.TrimSpace(v.GetSummary()); t.summary != "" {
			break
		}
	}
	t.desc = strings.TrimSpace(primary.GetDetails())
	if t.desc == "" {
		for _, v := range g {
			if t.desc = strings.TrimSpace(v.GetDetails()); t.desc != "" {
				break
			}
		}
	}
	if len(t.desc) > maxDescription {
		t.desc = t.desc[:maxDescription] + "…"
	}
	for _, v := range g {
		for _, r := range v.GetReferences() {
			if u := r.GetUrl(); u != "" && !slices.Contains(t.refs, u) {
				t.refs = append(t.refs, u)
			}
		}
		for _, c := range stringList(v.GetDatabaseSpecific().GetFields()["cwe_ids"]) {
			if !slices.Contains(t.cwes, c) {
				t.cwes = append(t.cwes, c)
			}
		}
	}
	sort.Strings(t.cwes)
	// Clipped: an append by a later reader copies instead of writing into
	// the array the other findings share.
	t.aliases, t.refs, t.cwes = clip(t.aliases), clip(t.refs), clip(t.cwes)
	return t
}

// planGroup computes the fields of d's findings on group g that depend on
// the package version (fixed versions and severity look at the affected
// entries about the package). o orders versions of d's ecosystem.
func planGroup(d dep, g []*osvschema.Vulnerability, adv *advisoryText, o *versionOrder) *groupPlan {
	gp := &groupPlan{adv: adv, title: adv.summary}
	if gp.title == "" {
		gp.title = fmt.Sprintf("%s in %s %s", adv.ruleID, d.name, d.version)
	}
	gp.fixed = clip(fixedVersions(g, d, o))
	gp.fix = smallestFixAbove(gp.fixed, d.version, o)
	gp.sev, gp.score, gp.vector = severityOf(g, d)
	gp.remediation = "No fixed version is known."
	if gp.fix != "" {
		gp.remediation = fmt.Sprintf("Upgrade %s to %s or later.", d.name, gp.fix)
	} else if len(gp.fixed) > 0 {
		gp.remediation = fmt.Sprintf("Fixed in %s; none is above the installed %s, check the advisory.", strings.Join(gp.fixed, ", "), d.version)
	}
	return gp
}

// propsKey identifies a property map findings can share.
type propsKey struct {
	lockfile, vector string
	fixable          bool
}

// shareKey identifies a package findings can share.
type shareKey struct {
	group  *groupPlan
	purl   string
	dev    bool
	direct int8 // 0 unknown, 1 false, 2 true
}

// build makes the findings: one per lockfile, package version and alias
// group, in deps order; the same version listed twice in one lockfile
// (nested node_modules, several dependency groups) gives one finding, at
// the first line, dev only if every entry is. calls, when not nil, holds
// call-analysis results for Go packages. deps' osv-scalibr packages are
// not used (Scan has dropped them).
func (p *findingPlan) build(deps []dep, lines *lineFinder, calls map[callKey]bool) []scanner.Finding {
	out := make([]scanner.Finding, 0, p.count)
	pkgs := map[shareKey]*scanner.Package{}
	props := map[propsKey]map[string]any{}
	for _, d := range deps {
		kp := p.keys[d.key()]
		if kp == nil {
			continue
		}
		line := d.line
		if line == 0 {
			line = lines.find(d.location, d.name, d.version)
		}
		oc := occurrence{d.lockfile, d.key()}
		if first := p.occurrences[oc]; first >= 0 {
			for i := first; i < first+len(kp.groups); i++ {
				f := &out[i]
				if line > 0 && (f.Location.StartLine == 0 || line < f.Location.StartLine) {
					f.Location.StartLine = line
				}
				if f.Package.Dev && !d.dev {
					// Packages are shared: the merged one is a copy.
					merged := *f.Package
					merged.Dev = false
					f.Package = &merged
				}
			}
			continue
		}
		p.occurrences[oc] = len(out)
		for _, gp := range kp.groups {
			k := shareKey{group: gp, purl: d.purl, dev: d.dev}
			if d.direct != nil {
				k.direct = 1
				if *d.direct {
					k.direct = 2
				}
			}
			pkg := pkgs[k]
			if pkg == nil {
				pkg = &scanner.Package{
					Ecosystem:     d.ecosystem,
					Name:          d.name,
					Version:       d.version,
					PURL:          d.purl,
					FixedVersions: gp.fixed,
					Fix:           gp.fix,
					Dev:           d.dev,
					Direct:        d.direct,
					UpgradeTo:     kp.upgrade,
					UpgradeMajor:  kp.major,
				}
				pkgs[k] = pkg
			}
			remediation := gp.remediation
			if d.stdlibSource == StdlibSourceGoDirective {
				remediation += fmt.Sprintf(" The version %s comes from the go directive of go.mod, the minimum language version, not the toolchain that builds the code: pass --go-version (or \"local\") or add a toolchain line to check the real one.", d.version)
			}
			out = append(out, scanner.Finding{
				Scanner:     Name,
				RuleID:      gp.adv.ruleID,
				Title:       gp.title,
				Description: gp.adv.desc,
				Severity:    gp.sev,
				Score:       gp.score,
				Location:    scanner.Location{Path: d.location, StartLine: line, EndLine: line},
				Package:     pkg,
				Aliases:     gp.adv.aliases,
				References:  gp.adv.refs,
				Remediation: remediation,
				CWEs:        gp.adv.cwes,
				Tags:        p.tags,
				Evidence:    kp.evidence,
				Properties:  findingProps(props, gp, d, calls),
			})
		}
	}
	return out
}

// findingProps returns the properties of d's finding on gp: shared
// between the findings of one lockfile with the same values, unless they
// carry a per-package value (the standard library's version source, call
// analysis), which gets a map of its own.
func findingProps(shared map[propsKey]map[string]any, gp *groupPlan, d dep, calls map[callKey]bool) map[string]any {
	called, known := false, false
	if calls != nil {
		// A group is called when any of its records is; records the
		// analysis did not cover leave the property unset (unknown).
		for _, id := range gp.adv.ids {
			if c, ok := calls[callKey{d.lockfile, d.name, d.version, id}]; ok {
				known = true
				called = called || c
			}
		}
	}
	own := d.stdlibSource != "" || known
	k := propsKey{d.lockfile, gp.vector, gp.fix != ""}
	if !own {
		if m := shared[k]; m != nil {
			return m
		}
	}
	props := map[string]any{
		"fixable":  gp.fix != "",
		"lockfile": d.lockfile,
	}
	if gp.vector != "" {
		props["cvss_vector"] = gp.vector
	}
	if d.stdlibSource != "" {
		props[PropStdlibSource] = d.stdlibSource
	}
	if known {
		props["called"] = called
	}
	if !own {
		shared[k] = props
	}
	return props
}

// clip returns l with its capacity cut to its length.
func clip(l []string) []string { return l[:len(l):len(l)] }
