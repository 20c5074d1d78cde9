package scanner

import (
	"cmp"
	"slices"
)

// Remediation is one upgrade people can act on: a vulnerable package
// version, the smallest version that fixes all its advisories at once,
// and what that closes.
type Remediation struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	// UpgradeTo is empty when no single known version fixes every
	// advisory (some have no fix, or fixes exclude each other).
	UpgradeTo string `json:"upgrade_to,omitempty"`
	Major     bool   `json:"major,omitempty"`
	// Direct is true when any lockfile declares the package directly,
	// false when every one that tells says it is transitive, nil when
	// none tells.
	Direct *bool `json:"direct,omitempty"`
	// Dev is true when only development dependencies pull it in; such
	// upgrades stay listed, marked.
	Dev bool `json:"dev,omitempty"`
	// Advisories are the distinct advisory ids the upgrade closes, most
	// severe first; Severities counts them per severity.
	Advisories []string       `json:"advisories"`
	Severities map[string]int `json:"severities"`
	// Locations are the lockfiles that pin this version.
	Locations []string `json:"locations"`
	// VersionSource is, for the Go standard library, where its version
	// came from (the findings' stdlib_version_source property):
	// "go-directive" means the version is only go.mod's minimum language
	// version, and the upgrade may already be done by the real toolchain.
	VersionSource string `json:"version_source,omitempty"`
	// Excepted counts advisories that a live exception covers everywhere;
	// they are listed but do not drive the order.
	Excepted int `json:"excepted,omitempty"`
}

// Remediations groups dependency findings by package version: one entry
// per ecosystem, name and version, across lockfiles, with each advisory
// counted once at its highest severity. Entries are ordered by their most
// severe open advisory, then by how many they close, then by name.
func Remediations(fs []Finding) []Remediation {
	type key struct{ eco, name, version string }
	type adv struct {
		sev  Severity
		open bool
	}
	type acc struct {
		r      Remediation
		advs   map[string]*adv
		dev    bool
		direct *bool
	}
	groups := map[key]*acc{}
	var order []key
	for i := range fs {
		f := &fs[i]
		p := f.Package
		if p == nil || f.Scanner != KindDeps {
			continue
		}
		k := key{p.Ecosystem, p.Name, p.Version}
		g, ok := groups[k]
		if !ok {
			g = &acc{r: Remediation{Ecosystem: p.Ecosystem, Name: p.Name, Version: p.Version, UpgradeTo: p.UpgradeTo, Major: p.UpgradeMajor},
				advs: map[string]*adv{}, dev: true}
			groups[k] = g
			order = append(order, k)
		}
		a, ok := g.advs[f.RuleID]
		if !ok {
			a = &adv{sev: f.Severity}
			g.advs[f.RuleID] = a
		}
		a.sev = max(a.sev, f.Severity)
		a.open = a.open || !f.Suppressed()
		g.dev = g.dev && p.Dev
		if src, ok := f.Properties["stdlib_version_source"].(string); ok {
			g.r.VersionSource = src
		}
		if p.Direct != nil && (g.direct == nil || *p.Direct) {
			d := *p.Direct
			g.direct = &d
		}
		if !slices.Contains(g.r.Locations, f.Location.Path) {
			g.r.Locations = append(g.r.Locations, f.Location.Path)
		}
	}
	out := make([]Remediation, 0, len(order))
	worst := map[key]Severity{}
	for _, k := range order {
		g := groups[k]
		r := g.r
		r.Dev, r.Direct = g.dev, g.direct
		r.Severities = map[string]int{}
		ids := make([]string, 0, len(g.advs))
		worst[k] = -1
		for id, a := range g.advs {
			ids = append(ids, id)
			r.Severities[a.sev.String()]++
			if a.open {
				worst[k] = max(worst[k], a.sev)
			} else {
				r.Excepted++
			}
		}
		slices.SortFunc(ids, func(a, b string) int {
			return cmp.Or(cmp.Compare(g.advs[b].sev, g.advs[a].sev), cmp.Compare(a, b))
		})
		r.Advisories = ids
		slices.Sort(r.Locations)
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Remediation) int {
		ka, kb := key{a.Ecosystem, a.Name, a.Version}, key{b.Ecosystem, b.Name, b.Version}
		return cmp.Or(
			cmp.Compare(worst[kb], worst[ka]),
			cmp.Compare(len(b.Advisories), len(a.Advisories)),
			cmp.Compare(a.Ecosystem, b.Ecosystem), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Version, b.Version),
		)
	})
	return out
}
