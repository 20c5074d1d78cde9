package scanner

import (
	"bufio"
	"bytes"
	"io/fs"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// gitignores accumulates the patterns of the .gitignore files met during
// the walk. Each pattern carries its folder as domain, so patterns only
// apply below the folder that declared them. A nil *gitignores ignores
// nothing.
type gitignores struct {
	patterns []gitignore.Pattern
	m        gitignore.Matcher
}

// load reads dir/.gitignore if there is one. An unreadable .gitignore is
// treated as empty: honouring it is an opt-in filter, and scanning a file
// too many is the safe side.
func (g *gitignores) load(fsys fs.FS, dir string) {
	if g == nil {
		return
	}
	b, err := fs.ReadFile(fsys, path.Join(dir, ".gitignore"))
	if err != nil {
		return
	}
	var domain []string
	if dir != "." {
		domain = strings.Split(dir, "/")
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		g.patterns = append(g.patterns, gitignore.ParsePattern(line, domain))
	}
	g.m = gitignore.NewMatcher(g.patterns)
}

func (g *gitignores) ignored(p string, isDir bool) bool {
	if g == nil || g.m == nil {
		return false
	}
	return g.m.Match(strings.Split(p, "/"), isDir)
}
