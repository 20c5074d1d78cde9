package scanner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// singleFileFS shows the walk one file of a directory: ReadDir(".")
// lists only that file, so a FILE target goes through exactly the same
// checks (excludes, size cap, binary sniff, Match) as a file found in a
// tree. Scanners still get the whole directory as Target.FS, since some
// read neighbours (a pom.xml's parent, a go.mod's go.sum).
type singleFileFS struct {
	fs.FS
	name string
}

func (s singleFileFS) ReadDir(name string) ([]fs.DirEntry, error) {
	// The file may sit below the root (.github/workflows/ci.yml): each
	// directory on its way lists only the next step.
	next := ""
	switch {
	case name == ".":
		next, _, _ = strings.Cut(s.name, "/")
	case strings.HasPrefix(s.name, name+"/"):
		rest := s.name[len(name)+1:]
		first, _, _ := strings.Cut(rest, "/")
		next = name + "/" + first
	default:
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	info, err := fs.Stat(s.FS, next)
	if err != nil {
		return nil, err
	}
	return []fs.DirEntry{fs.FileInfoToDirEntry(info)}, nil
}

// Stat keeps fs.WalkDir's view of "." a directory; the embedded FS
// answers for the file itself.
func (s singleFileFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(s.FS, name) }

// splitTarget resolves a scan target. A directory is returned as is; a
// regular file becomes its directory plus its name, so that findings
// carry the file's name as their path — except a GitHub workflow, which
// keeps .github/workflows/ so that it is recognised as one.
func splitTarget(root string) (dir, file string, err error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", "", fmt.Errorf("scan root %s: %w", root, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", "", fmt.Errorf("scan root: %w", err)
	}
	switch {
	case info.IsDir():
		return abs, "", nil
	case info.Mode().IsRegular():
		// A workflow is a workflow because of where it sits: keep
		// .github/workflows/ in its path, from the folder that holds .github.
		dir := filepath.Dir(abs)
		if filepath.Base(dir) == "workflows" && filepath.Base(filepath.Dir(dir)) == ".github" {
			repo := filepath.Dir(filepath.Dir(dir))
			return repo, ".github/workflows/" + filepath.Base(abs), nil
		}
		return dir, filepath.Base(abs), nil
	}
	return "", "", fmt.Errorf("scan root %s: %w", root, errNotDirOrFile)
}

var errNotDirOrFile = errors.New("neither a directory nor a regular file")
