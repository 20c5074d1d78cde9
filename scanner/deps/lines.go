package deps

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"sync"
)

// lineFinder finds the line of a package entry in a lockfile when the
// extractor did not report one (Cargo.lock, composer.lock, and others).
// It is a cheap text search, cached per file.
type lineFinder struct {
	fsys  fs.FS
	mu    sync.Mutex
	files map[string][][]byte
}

func newLineFinder(fsys fs.FS) *lineFinder {
	return &lineFinder{fsys: fsys, files: map[string][][]byte{}}
}

func (lf *lineFinder) lines(p string) [][]byte {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	if ls, ok := lf.files[p]; ok {
		return ls
	}
	b, err := fs.ReadFile(lf.fsys, p)
	var ls [][]byte
	if err == nil {
		ls = bytes.Split(b, []byte("\n"))
	}
	lf.files[p] = ls
	return ls
}

var versionLine = regexp.MustCompile(`^\s*"?version"?\s*[=:]\s*"v?([^"]+)"`)

// find returns the 1-based line declaring name at version in file p, or
// 0. Strategy: a line naming the package (quoted, or as `name = "x"`)
// whose own text or next few lines carry the version wins; else the
// first line naming the package.
func (lf *lineFinder) find(p, name, version string) int {
	ls := lf.lines(p)
	if len(ls) == 0 || name == "" {
		return 0
	}
	quoted := []byte(`"` + name + `"`)
	lower := strings.ToLower(name)
	first := 0
	for i, l := range ls {
		if !bytes.Contains(l, quoted) && !bytes.Contains(bytes.ToLower(l), []byte(`"`+lower+`"`)) {
			continue
		}
		if first == 0 {
			first = i + 1
		}
		if version == "" || bytes.Contains(l, []byte(version)) {
			return i + 1
		}
		for j := i + 1; j < len(ls) && j <= i+4; j++ {
			if m := versionLine.FindSubmatch(ls[j]); m != nil {
				if string(m[1]) == version {
					return i + 1
				}
				break
			}
		}
	}
	return first
}
