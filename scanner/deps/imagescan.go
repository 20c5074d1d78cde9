package deps

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"

	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/language/golang/gobinary"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/packagejson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/wheelegg"
	"github.com/google/osv-scalibr/extractor/filesystem/os/apk"
	apkmeta "github.com/google/osv-scalibr/extractor/filesystem/os/apk/metadata"
	"github.com/google/osv-scalibr/extractor/filesystem/os/dpkg"
	dpkgmeta "github.com/google/osv-scalibr/extractor/filesystem/os/dpkg/metadata"
	"github.com/google/osv-scalibr/extractor/filesystem/os/rpm"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps/image"
)

// imageExtractors are the lockfile extractors plus what an image holds
// installed: OS package databases (dpkg, apk, rpm), node_modules
// package.json files, Python distributions and Go binaries.
func imageExtractors() ([]filesystem.Extractor, error) {
	exts, err := newExtractors()
	if err != nil {
		return nil, err
	}
	cfg := &cpb.PluginConfig{}
	for _, c := range []func(*cpb.PluginConfig) (filesystem.Extractor, error){
		dpkg.New, apk.New, rpm.New, packagejson.New, wheelegg.New, gobinary.New,
	} {
		e, err := c(cfg)
		if err != nil {
			return nil, fmt.Errorf("create extractor: %w", err)
		}
		exts = append(exts, e)
	}
	return exts, nil
}

// extractImage extracts the packages of Options.Image. Each dep's
// lockfile and location is its path inside the image.
func (s *Scanner) extractImage(ctx context.Context) ([]dep, int, map[string]*image.Layer, error) {
	exts, err := imageExtractors()
	if err != nil {
		return nil, 0, nil, err
	}
	res, err := image.Extract(ctx, s.opts.Image, exts, image.Options{})
	if err != nil {
		return nil, 0, nil, &scanner.FileError{Path: filepath.Base(s.opts.Image), Err: err}
	}
	layers := map[string]*image.Layer{}
	files := map[string]bool{}
	var deps []dep
	for _, p := range res.Packages {
		d := newDep(p.Path, p.Package)
		d.lockfile, d.location = p.Path, p.Path
		files[p.Path] = true
		deps = append(deps, d)
		if p.Layer != nil {
			layers[layerKey(p.Path, d.ecosystem, d.name, d.version)] = p.Layer
		}
	}
	var ferr error
	if len(res.Failed) > 0 {
		ferr = &scanner.FileError{Path: filepath.Base(s.opts.Image), Err: fmt.Errorf("extractors failed: %s", strings.Join(res.Failed, "; "))}
	}
	return deps, len(files), layers, ferr
}

func layerKey(path, eco, name, version string) string {
	return path + "\x00" + eco + "\x00" + name + "\x00" + version
}

// addImageProperties records where in the image each finding's package
// is: the image file, the path inside it and the layer that added it.
func (s *Scanner) addImageProperties(fs []scanner.Finding, layers map[string]*image.Layer) {
	for i := range fs {
		f := &fs[i]
		// The findings of one lockfile share their property maps (see
		// findingProps): each gets its own copy before it is written.
		f.Properties = maps.Clone(f.Properties)
		if f.Properties == nil {
			f.Properties = map[string]any{}
		}
		f.Properties["image"] = filepath.Base(s.opts.Image)
		f.Properties["path_in_image"] = "/" + f.Location.Path
		l := layers[layerKey(f.Location.Path, f.Package.Ecosystem, f.Package.Name, f.Package.Version)]
		if l == nil {
			continue
		}
		f.Properties["layer_index"] = l.Index
		f.Properties["layer_diff_id"] = l.DiffID
		if l.Command != "" {
			f.Properties["layer_command"] = l.Command
		}
	}
}

// osSourceKeys are the index keys of an OS package's source package:
// OSV's Debian and Alpine advisories name source packages (openssl),
// while the package database lists binary ones (libssl3).
func osSourceKeys(d dep) []string {
	var src string
	switch m := d.pkg.Metadata.(type) {
	case *dpkgmeta.Metadata:
		src = m.SourceName
	case *apkmeta.Metadata:
		src = m.OriginName
	}
	if src == "" || src == d.name {
		return nil
	}
	return nameKeys(d.ecosystem, src)
}

// noFiles is the line finder's file system for image scans: the paths
// of an image's packages must never be looked up on the host.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
