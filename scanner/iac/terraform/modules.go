package terraform

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// ManifestPath is where `terraform init` records the modules it installed,
// relative to the root module.
const ManifestPath = ".terraform/modules/modules.json"

// maxManifestSize bounds the manifest read (a real one is a few KiB).
const maxManifestSize = 4 << 20

// Why a module call was not evaluated, as recorded in unresolved_modules.
const (
	ReasonNotDownloaded = "remote source, not downloaded (no entry in " + ManifestPath + ")"
	ReasonTooDeep       = "module nesting too deep"
	ReasonCycle         = "module source cycle"
)

// readManifest maps module keys ("vpc", "vpc.subnets") to the root-relative
// directories terraform init downloaded them to. A missing manifest is an
// empty map; an unreadable or invalid one is a *scanner.FileError, and so
// is an entry whose directory leaves the scanned tree (it is dropped).
func readManifest(fsys fs.FS, root string) (map[string]string, error) {
	p := path.Join(root, ManifestPath)
	f, err := fsys.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, &scanner.FileError{Path: p, Err: err}
	}
	defer f.Close()
	var m struct {
		Modules []struct {
			Key, Source, Version, Dir string
		}
	}
	dec := json.NewDecoder(&limitedReader{r: f, n: maxManifestSize})
	if err := dec.Decode(&m); err != nil {
		return nil, &scanner.FileError{Path: p, Err: fmt.Errorf("terraform: module manifest: %w", err)}
	}
	out := map[string]string{}
	var errs []error
	for _, e := range m.Modules {
		if e.Key == "" {
			continue // the root module itself
		}
		d := path.Clean(path.Join(root, strings.ReplaceAll(e.Dir, `\`, "/")))
		if path.IsAbs(e.Dir) || d == ".." || strings.HasPrefix(d, "../") {
			errs = append(errs, &scanner.FileError{Path: p, Err: fmt.Errorf("terraform: module %q: directory %q is outside the scanned tree", e.Key, e.Dir)})
			continue
		}
		out[e.Key] = d
	}
	return out, errors.Join(errs...)
}

// limitedReader fails past n bytes instead of truncating silently.
type limitedReader struct {
	r interface{ Read([]byte) (int, error) }
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, fmt.Errorf("larger than %d bytes", maxManifestSize)
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// moduleKey is the manifest key of a call named name inside module key
// parent: calls nest with dots, instance keys are not part of it.
func moduleKey(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}
