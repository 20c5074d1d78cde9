package image

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/osv-scalibr/artifact/image/layerscanning/image"
	"github.com/google/osv-scalibr/artifact/image/layerscanning/trace"
	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem"
	scalibrfs "github.com/google/osv-scalibr/fs"
	"github.com/google/osv-scalibr/plugin"
	"github.com/google/osv-scalibr/stats"
)

// Options bound the work done on an image. The zero value uses the
// defaults.
type Options struct {
	// MaxFileBytes is the largest file unpacked from a layer; larger
	// ones are left out. Default 512 MiB.
	MaxFileBytes int64
	// MaxLayoutBytes bounds what is unpacked from an OCI layout tarball
	// into a temporary directory. Default 8 GiB.
	MaxLayoutBytes int64
	// TempDir is where layers are unpacked. Default: os.TempDir().
	TempDir string
}

// Layer is the layer a package came from.
type Layer struct {
	Index   int    // 0 is the base layer
	DiffID  string // sha256:... of the uncompressed layer
	Command string // the history's created_by, when known
}

// Package is one package found in the image.
type Package struct {
	*extractor.Package
	// Path is where it was found, relative to the image root ("/"
	// separated, no leading slash), e.g. "var/lib/dpkg/status".
	Path  string
	Layer *Layer
}

// Result is what Extract found.
type Result struct {
	Format   string // "docker-archive" or "oci-layout"
	Packages []Package
	OS       map[string]string // /etc/os-release of the final image
	// Failed lists extractors that failed, with the reason.
	Failed []string
}

// ErrUnknownFormat is wrapped when the file is neither a docker save
// tarball nor an OCI layout tarball.
var ErrUnknownFormat = errors.New("not a docker save or OCI layout tarball")

// Extract opens the image tarball at p and runs the extractors over its
// final filesystem, then traces each package to its layer.
func Extract(ctx context.Context, p string, exts []filesystem.Extractor, opts Options) (*Result, error) {
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = 512 << 20
	}
	if opts.MaxLayoutBytes <= 0 {
		opts.MaxLayoutBytes = 8 << 30
	}
	format, err := sniff(p)
	if err != nil {
		return nil, err
	}
	cfg := &image.Config{MaxFileBytes: opts.MaxFileBytes, MaxSymlinkDepth: image.DefaultMaxSymlinkDepth}
	var img *image.Image
	switch format {
	case "docker-archive":
		img, err = image.FromTarball(p, cfg)
	case "oci-layout":
		img, err = fromLayoutTar(p, cfg, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	defer img.CleanUp() //nolint:errcheck // temporary files only
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	chain, err := img.ChainLayers()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	fcfg := &filesystem.Config{
		Extractors: exts,
		ScanRoots:  []*scalibrfs.ScanRoot{{FS: img.FS()}},
		Stats:      stats.NoopCollector{},
	}
	inv, statuses, err := filesystem.Run(ctx, fcfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	trace.PopulateLayerDetails(ctx, &inv, chain, exts, fcfg)
	res := &Result{Format: format}
	for _, st := range statuses {
		if st.Status != nil && st.Status.Status == plugin.ScanStatusFailed {
			res.Failed = append(res.Failed, st.Name+": "+st.Status.FailureReason)
		}
	}
	sort.Strings(res.Failed)
	if cims := inv.ContainerImageMetadata; len(cims) > 0 {
		res.OS = cims[len(cims)-1].OSInfo
	}
	for _, pkg := range inv.Packages {
		out := Package{Package: pkg, Path: strings.TrimPrefix(pkg.Location.PathOrEmpty(), "/")}
		if lm := pkg.LayerMetadata; lm != nil {
			out.Layer = &Layer{Index: lm.Index, DiffID: lm.DiffID.String(), Command: lm.Command}
		}
		res.Packages = append(res.Packages, out)
	}
	return res, ctx.Err()
}

// sniff tells a docker save tarball (manifest.json) from an OCI layout
// (oci-layout + index.json) by the names of the top-level entries.
func sniff(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	tr := tar.NewReader(f)
	var manifest, ociLayout, index bool
	for range 100000 {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%s: %w: %w", p, ErrUnknownFormat, err)
		}
		switch path.Clean(h.Name) {
		case "manifest.json":
			manifest = true
		case "oci-layout":
			ociLayout = true
		case "index.json":
			index = true
		}
	}
	switch {
	case manifest: // docker save (newer Docker writes both layouts)
		return "docker-archive", nil
	case ociLayout && index:
		return "oci-layout", nil
	}
	return "", fmt.Errorf("%s: %w", p, ErrUnknownFormat)
}

// fromLayoutTar unpacks an OCI layout tarball into a temporary directory
// and loads its image (the first one listed, descending into a nested
// index).
func fromLayoutTar(p string, cfg *image.Config, opts Options) (*image.Image, error) {
	dir, err := os.MkdirTemp(opts.TempDir, "tollgate-oci-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := untar(p, dir, opts.MaxLayoutBytes); err != nil {
		return nil, err
	}
	lp, err := layout.FromPath(dir)
	if err != nil {
		return nil, err
	}
	idx, err := lp.ImageIndex()
	if err != nil {
		return nil, err
	}
	v1img, err := firstImage(idx, 4)
	if err != nil {
		return nil, err
	}
	// FromV1Image reads every layer now, so the directory can go after.
	return image.FromV1Image(v1img, cfg)
}

func firstImage(idx v1.ImageIndex, depth int) (v1.Image, error) {
	m, err := idx.IndexManifest()
	if err != nil {
		return nil, err
	}
	for _, d := range m.Manifests {
		if d.MediaType.IsImage() {
			return idx.Image(d.Digest)
		}
		if d.MediaType.IsIndex() && depth > 0 {
			child, err := idx.ImageIndex(d.Digest)
			if err != nil {
				return nil, err
			}
			return firstImage(child, depth-1)
		}
	}
	return nil, errors.New("OCI layout lists no image")
}

// untar unpacks regular files and directories only, refusing names that
// leave dir, within a total size budget.
func untar(p, dir string, budget int64) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := path.Clean(strings.TrimPrefix(h.Name, "./"))
		if name == "." {
			continue
		}
		if path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
			return fmt.Errorf("entry %q leaves the layout", h.Name)
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			budget -= h.Size
			if budget < 0 {
				return errors.New("OCI layout larger than the unpack budget")
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(out, io.LimitReader(tr, h.Size))
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
	}
}
