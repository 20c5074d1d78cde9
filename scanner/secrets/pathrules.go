package secrets

import (
	"sort"

	"github.com/tollgate-dev/tollgate/scanner"
)

// matchPathRules records which path-only rules match p.
func (s *Scanner) matchPathRules(p string) {
	if len(s.eng.pathOnly) == 0 {
		return
	}
	var hit []int
	for _, i := range s.eng.pathOnly {
		if s.pathRuleMatches(i, p, "") {
			hit = append(hit, i)
		}
	}
	if len(hit) == 0 {
		return
	}
	s.pathMu.Lock()
	defer s.pathMu.Unlock()
	if s.pathHits == nil {
		s.pathHits = map[string][]int{}
	}
	s.pathHits[p] = hit
}

// pathRuleMatches applies rule i's path and its allowlists (those that
// can decide without a secret: paths and commits) to p.
func (s *Scanner) pathRuleMatches(i int, p, commit string) bool {
	r := s.eng.rules[i]
	if !r.appliesTo(p) {
		return false
	}
	for _, a := range r.lists {
		if len(a.regexes) == 0 && len(a.stopwords) == 0 && a.allows("", "", "", p, commit) {
			return false
		}
	}
	return true
}

// pathFindings turns the path-only hits of the walk, and of the target's
// files (for callers that build a Target themselves), into findings, and
// forgets the hits.
func (s *Scanner) pathFindings(t scanner.Target) []scanner.Finding {
	if len(s.eng.pathOnly) == 0 {
		return nil
	}
	s.pathMu.Lock()
	hits := s.pathHits
	s.pathHits = nil
	s.pathMu.Unlock()
	if hits == nil {
		hits = map[string][]int{}
	}
	for _, f := range t.Files {
		if _, ok := hits[f.Path]; ok {
			continue
		}
		for _, i := range s.eng.pathOnly {
			if s.pathRuleMatches(i, f.Path, "") {
				hits[f.Path] = append(hits[f.Path], i)
			}
		}
	}
	paths := make([]string, 0, len(hits))
	for p := range hits {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var out []scanner.Finding
	for _, p := range paths {
		for _, i := range hits[p] {
			out = append(out, s.pathFinding(i, p, nil))
		}
	}
	return out
}

// pathFinding is the finding of path-only rule i for the file p: the
// whole file, its evidence a keyed hash of the path.
func (s *Scanner) pathFinding(i int, p string, props map[string]any) scanner.Finding {
	f := newFinding(s.eng.rules[i], scanner.Location{Path: p}, ": the file itself is the secret (path-only rule).", s.evidence("path:"+p))
	f.Properties["path_only"] = true
	for k, v := range props {
		f.Properties[k] = v
	}
	return f
}
