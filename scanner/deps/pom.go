package deps

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"deps.dev/util/maven"
	"github.com/google/osv-scalibr/clients/datasource"
	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/javalockfile"
	scalibrfs "github.com/google/osv-scalibr/fs"
	"github.com/google/osv-scalibr/purl"
)

// osv-scalibr's offline pom.xml extractor interpolates ${properties}
// before it merges the local parent poms, so a dependency whose version
// is a property defined in a parent (the usual multi-module layout) is
// dropped. resolvePOM redoes the resolution in Maven's order -- merge
// the local parent chain, then interpolate, then apply
// dependencyManagement -- using the same Maven model library, and
// extractFile adds what scalibr dropped. Nothing is fetched: parents that
// are not in the tree are skipped, as in the offline extractor.

const maxPOMParents = 16

// pomVersionRange takes the first bound of a Maven version range, as the
// offline extractor does ("[1.2,2.0)" -> "1.2").
var pomVersionRange = regexp.MustCompile(`[[(]?(.*?)(?:,|[)\]]|$)`)

func decodePOM(fsys fs.FS, p string) (*maven.Project, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var proj maven.Project
	if err := datasource.NewMavenDecoder(f).Decode(&proj); err != nil {
		return nil, fmt.Errorf("parse %s: %w", p, err)
	}
	return &proj, nil
}

// parentPath finds a parent pom in the tree: relativePath (a file or a
// directory holding pom.xml), defaulting to ../pom.xml.
func parentPath(fsys fs.FS, cur, rel string) string {
	if rel == "" {
		rel = "../pom.xml"
	}
	p := path.Clean(path.Join(path.Dir(cur), strings.ReplaceAll(rel, "\\", "/")))
	if strings.HasPrefix(p, "../") || p == ".." {
		return "" // outside the scan root
	}
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return ""
	}
	if st.IsDir() {
		p = path.Join(p, "pom.xml")
		if _, err := fs.Stat(fsys, p); err != nil {
			return ""
		}
	}
	return p
}

func projectKey(p *maven.Project) maven.ProjectKey {
	k := p.ProjectKey
	if k.GroupID == "" {
		k.GroupID = p.Parent.GroupID
	}
	if k.Version == "" {
		k.Version = p.Parent.Version
	}
	return k
}

// resolvePOM returns the dependencies of the pom at p with parents from
// the tree merged before interpolation.
func resolvePOM(fsys scalibrfs.FS, p string) ([]*extractor.Package, error) {
	proj, err := decodePOM(fsys, p)
	if err != nil {
		return nil, err
	}
	cur, curPath := proj.Parent, p
	seen := map[maven.ProjectKey]bool{}
	for range maxPOMParents {
		if cur.GroupID == "" || cur.ArtifactID == "" || seen[cur.ProjectKey] {
			break
		}
		seen[cur.ProjectKey] = true
		pp := parentPath(fsys, curPath, string(cur.RelativePath))
		if pp == "" {
			break
		}
		parent, err := decodePOM(fsys, pp)
		if err != nil || projectKey(parent) != cur.ProjectKey {
			break // not the declared parent; Maven would fetch it
		}
		proj.MergeParent(*parent)
		cur, curPath = parent.Parent, pp
	}
	if err := proj.MergeProfiles("", maven.ActivationOS{}); err != nil {
		return nil, fmt.Errorf("%s: profiles: %w", p, err)
	}
	if err := proj.Interpolate(); err != nil {
		return nil, fmt.Errorf("%s: interpolate: %w", p, err)
	}
	proj.ProcessDependencies(func(_, _, _ maven.String) (maven.DependencyManagement, error) {
		return maven.DependencyManagement{}, nil // imports need the network
	})
	raw, _ := fs.ReadFile(fsys, p)
	lines := strings.Split(string(raw), "\n")
	var out []*extractor.Package
	for _, d := range proj.Dependencies {
		m := pomVersionRange.FindStringSubmatch(string(d.Version))
		if m == nil || m[1] == "" || strings.Contains(m[1], "${") {
			continue
		}
		g, a := string(d.GroupID), string(d.ArtifactID)
		meta := &javalockfile.Metadata{ArtifactID: a, GroupID: g, Classifier: string(d.Classifier), DepGroupVals: []string{}}
		if d.Type != "jar" {
			meta.Type = string(d.Type)
		}
		if s := strings.TrimSpace(string(d.Scope)); s != "" && s != "compile" {
			meta.DepGroupVals = []string{s}
		}
		out = append(out, &extractor.Package{
			Name:     g + ":" + a,
			Version:  m[1],
			PURLType: purl.TypeMaven,
			Location: extractor.LocationFromPathAndLine(p, pomLine(lines, g, a)),
			Metadata: meta,
		})
	}
	return out, nil
}

// mergePOM adds to scalibr's packages those resolvePOM found and scalibr
// did not (by group:artifact).
func mergePOM(scalibr, ours []*extractor.Package) []*extractor.Package {
	have := make(map[string]bool, len(scalibr))
	for _, p := range scalibr {
		have[p.Name] = true
	}
	out := scalibr
	for _, p := range ours {
		if !have[p.Name] {
			out = append(out, p)
		}
	}
	return out
}

// pomLine returns the 1-based line of <artifactId>a</artifactId> next to
// <groupId>g</groupId>, or 0 when the dependency is inherited.
func pomLine(lines []string, g, a string) int {
	at, gt := "<artifactId>"+a+"</artifactId>", "<groupId>"+g+"</groupId>"
	for i, l := range lines {
		if !strings.Contains(l, at) {
			continue
		}
		for j := max(0, i-4); j < min(len(lines), i+5); j++ {
			if strings.Contains(lines[j], gt) {
				return i + 1
			}
		}
	}
	return 0
}
