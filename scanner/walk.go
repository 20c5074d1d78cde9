package scanner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// DefaultExcludes are skipped unless the caller replaces them with
// [WithDefaultExcludes]: dependency trees installed by package managers,
// tool caches and common build outputs. A pattern without "/" matches a
// file or directory name anywhere in the tree; one with "/" is a
// doublestar glob over the root-relative path.
func DefaultExcludes() []string {
	return []string{
		"node_modules", "bower_components", "jspm_packages", "vendor",
		".terraform", ".terragrunt-cache", ".serverless",
		".venv", "venv", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
		".gradle", ".m2", ".next", ".nuxt", ".svelte-kit", ".angular", ".pnpm-store", ".yarn/cache",
		"target", "dist",
	}
}

// DefaultMaxFileSize is the size cap above which files are skipped (and
// counted) unless [WithMaxFileSize] says otherwise.
const DefaultMaxFileSize = 50 << 20

// sniffSize is how much of a file is read to decide whether it is binary.
const sniffSize = 8000

// WalkStats counts what the walk saw and skipped. Nothing is skipped
// without a count.
type WalkStats struct {
	// Files is the number of regular files seen outside excluded folders.
	Files int `json:"files"`
	// Scanned is the number of files handed to at least one scanner.
	Scanned int `json:"scanned"`
	// Bytes is the total size of the scanned files.
	Bytes int64 `json:"bytes"`
	// BinaryStructured counts files that look binary but that a
	// [Structured] scanner claims by name; they are scanned by those
	// scanners only.
	BinaryStructured int        `json:"binary_structured,omitempty"`
	Skipped          SkipCounts `json:"skipped"`
	// Diagnostics names skipped files that deserve a look (unreadable,
	// links out of the root), at most maxDiagnostics of them.
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"`
}

// SkipCounts counts skipped entries by reason.
type SkipCounts struct {
	ExcludedDirs  int `json:"excluded_dirs"`
	ExcludedFiles int `json:"excluded_files"`
	Binary        int `json:"binary"`
	TooLarge      int `json:"too_large"`
	Unreadable    int `json:"unreadable"`
	Symlinks      int `json:"symlinks"`
	OutsideRoot   int `json:"outside_root"`
	Irregular     int `json:"irregular"`
	// Gitignored counts files and folders skipped because a .gitignore
	// names them (only with WithGitignore).
	Gitignored int `json:"gitignored"`
}

// Total is the number of skipped entries.
func (s SkipCounts) Total() int {
	return s.ExcludedDirs + s.ExcludedFiles + s.Binary + s.TooLarge + s.Unreadable + s.Symlinks + s.OutsideRoot + s.Irregular + s.Gitignored
}

// Diagnostic explains why one path was skipped.
type Diagnostic struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

const maxDiagnostics = 100

// matcher decides whether a root-relative path is excluded.
type matcher struct{ patterns []string }

func newMatcher(patterns []string) (matcher, error) {
	m := matcher{}
	for _, p := range patterns {
		p = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(p), "./"), "/")
		if p == "" {
			continue
		}
		if !doublestar.ValidatePattern(p) {
			return m, fmt.Errorf("invalid exclude pattern %q", p)
		}
		m.patterns = append(m.patterns, p)
	}
	return m, nil
}

func (m matcher) excluded(rel string) bool {
	base := path.Base(rel)
	for _, p := range m.patterns {
		target := rel
		if !strings.Contains(p, "/") {
			target = base
		}
		if ok, _ := doublestar.Match(p, target); ok {
			return true
		}
	}
	return false
}

// Structured is implemented by scanners whose Match selects files by a
// name that promises a format: lockfiles, IaC, pipeline files. The walk
// hands them such a file even when it looks binary (a NUL byte), and the
// scanner either parses it or reports a [ParseError]; other scanners do not
// see binary files.
type Structured interface {
	Structured()
}

// walked is one file the walk kept, with the scanners that want it.
type walked struct {
	file     File
	scanners []int
}

// walk visits fsys once, calling Match on every scanner for each regular
// file, and returns the kept files in lexical order.
func walk(ctx context.Context, fsys fs.FS, ss []Scanner, excl matcher, maxSize int64, useGitignore bool) ([]walked, WalkStats, error) {
	var st WalkStats
	var out []walked
	var ign *gitignores
	if useGitignore {
		ign = &gitignores{}
		ign.load(fsys, ".")
	}
	diag := func(p, reason string) {
		if len(st.Diagnostics) < maxDiagnostics {
			st.Diagnostics = append(st.Diagnostics, Diagnostic{Path: p, Reason: reason})
		}
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if p == "." {
				return err
			}
			st.Skipped.Unreadable++
			diag(p, "unreadable: "+unwrapPathError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == "." {
			return nil
		}
		if d.IsDir() {
			if d.Name() == ".git" || excl.excluded(p) {
				st.Skipped.ExcludedDirs++
				return fs.SkipDir
			}
			if ign.ignored(p, true) {
				st.Skipped.Gitignored++
				return fs.SkipDir
			}
			ign.load(fsys, p)
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if linkLeavesRoot(fsys, p) {
				st.Skipped.OutsideRoot++
				diag(p, "symbolic link points outside the scan root")
			} else {
				st.Skipped.Symlinks++
			}
			return nil
		}
		if !d.Type().IsRegular() {
			st.Skipped.Irregular++
			return nil
		}
		st.Files++
		if excl.excluded(p) {
			st.Skipped.ExcludedFiles++
			return nil
		}
		if ign.ignored(p, false) {
			st.Skipped.Gitignored++
			return nil
		}
		var want []int
		for i, s := range ss {
			if s.Match(p, d) {
				want = append(want, i)
			}
		}
		if len(want) == 0 {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			st.Skipped.Unreadable++
			diag(p, "unreadable: "+unwrapPathError(err))
			return nil
		}
		if maxSize > 0 && info.Size() > maxSize {
			st.Skipped.TooLarge++
			diag(p, fmt.Sprintf("larger than the %d byte cap", maxSize))
			return nil
		}
		bin, err := isBinary(fsys, p)
		if err != nil {
			st.Skipped.Unreadable++
			diag(p, "unreadable: "+unwrapPathError(err))
			return nil
		}
		if bin {
			// A lockfile, IaC or pipeline file that looks binary still
			// goes to the scanners that parse it by name: they read it or
			// report it as a parse finding, so a NUL byte hides nothing.
			want = slices.DeleteFunc(want, func(i int) bool {
				_, ok := ss[i].(Structured)
				return !ok
			})
			if len(want) == 0 {
				st.Skipped.Binary++
				return nil
			}
			st.BinaryStructured++
			diag(p, "looks binary; parsed anyway because of its name")
		}
		st.Scanned++
		st.Bytes += info.Size()
		out = append(out, walked{file: File{Path: p, Size: info.Size()}, scanners: want})
		return nil
	})
	if err != nil {
		return nil, st, err
	}
	return out, st, nil
}

func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// linkLeavesRoot reports whether the symbolic link at p points outside
// the tree. Links are never followed; this only decides how to count them.
// A link whose target cannot be read counts as leaving the root.
func linkLeavesRoot(fsys fs.FS, p string) bool {
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		return true
	}
	if path.IsAbs(target) || strings.HasPrefix(target, "\\") || (len(target) > 1 && target[1] == ':') {
		return true
	}
	joined := path.Join(path.Dir(p), strings.ReplaceAll(target, "\\", "/"))
	return joined == ".." || strings.HasPrefix(joined, "../")
}

// isBinary applies git's heuristic — a NUL byte in the first 8000 bytes —
// except that UTF-16 text with a byte-order mark is text. Invalid UTF-8
// is still text: scanners decide what to do with it.
func isBinary(fsys fs.FS, p string) (bool, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, sniffSize)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return sniffBinary(buf[:n]), nil
}

func sniffBinary(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	return false
}
