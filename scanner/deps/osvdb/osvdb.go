package osvdb

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultBaseURL is the public OSV export bucket; each ecosystem's
// archive is at <base>/<Ecosystem>/all.zip.
const DefaultBaseURL = "https://osv-vulnerabilities.storage.googleapis.com"

const (
	layoutDir   = "osv-scalibr"
	legacyDir   = "osv-scanner"
	zipName     = "all.zip"
	metaName    = "tollgate-db.json"
	metaVersion = 1
)

// ErrNotInstalled is returned when an ecosystem has no archive in the DB.
var ErrNotInstalled = errors.New("ecosystem not in the offline database")

// DefaultEcosystems are the ecosystems `db update` fetches when none are
// named: those whose lockfiles the dependency scanner reads.
func DefaultEcosystems() []string {
	return []string{
		"npm", "PyPI", "Go", "crates.io", "RubyGems", "Packagist", "Maven", "NuGet",
		"Pub", "Hex", "ConanCenter", "CRAN", "Hackage", "SwiftURL", "GIT",
	}
}

// ZipPath is where Update writes an ecosystem's archive.
func ZipPath(dir, ecosystem string) string {
	return filepath.Join(dir, layoutDir, ecosystem, zipName)
}

// Find returns the archive of an ecosystem, preferring the current layout
// over the legacy one, or ErrNotInstalled.
func Find(dir, ecosystem string) (string, error) {
	for _, p := range []string{ZipPath(dir, ecosystem), filepath.Join(dir, legacyDir, ecosystem, zipName)} {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: %s (looked for %s)", ErrNotInstalled, ecosystem, ZipPath(dir, ecosystem))
}

// Metadata is the content of tollgate-db.json.
type Metadata struct {
	Version    int                          `json:"version"`
	Ecosystems map[string]EcosystemMetadata `json:"ecosystems"`
}

// EcosystemMetadata records one successful fetch.
type EcosystemMetadata struct {
	FetchedAt  time.Time `json:"fetched_at"`
	URL        string    `json:"url,omitempty"`
	Advisories int       `json:"advisories"`
	Bytes      int64     `json:"bytes"`
	SHA256     string    `json:"sha256,omitempty"`
}

// ReadMetadata reads tollgate-db.json; a missing file is an empty result.
func ReadMetadata(dir string) (Metadata, error) {
	m := Metadata{Version: metaVersion, Ecosystems: map[string]EcosystemMetadata{}}
	b, err := os.ReadFile(filepath.Join(dir, metaName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("read db metadata: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("parse %s: %w", filepath.Join(dir, metaName), err)
	}
	if m.Ecosystems == nil {
		m.Ecosystems = map[string]EcosystemMetadata{}
	}
	return m, nil
}

func writeMetadata(dir string, m Metadata) error {
	m.Version = metaVersion
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode db metadata: %w", err)
	}
	return writeFileAtomic(filepath.Join(dir, metaName), append(b, '\n'))
}

func writeFileAtomic(path string, data []byte) error {
	return writeFileAtomicFunc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeFileAtomicFunc is writeFileAtomic for content written by write
// (through a buffer), so that it need not be built in memory first.
func writeFileAtomicFunc(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err == nil {
		err = bw.Flush()
	}
	if err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// EcosystemStatus describes one installed ecosystem.
type EcosystemStatus struct {
	Ecosystem  string `json:"ecosystem"`
	Path       string `json:"path"`
	Advisories int    `json:"advisories"`
	Bytes      int64  `json:"bytes"`
	// FetchedAt is when `db update` fetched the archive; for archives
	// placed by other tools it is the file's modification time, and
	// FromMTime is true.
	FetchedAt time.Time     `json:"fetched_at"`
	FromMTime bool          `json:"from_mtime,omitempty"`
	Age       time.Duration `json:"age_ns"`
	// Error is set when the archive cannot be read.
	Error string `json:"error,omitempty"`
	// Source says where the archive came from: the URL `db update`
	// fetched it from, or "placed by another tool" with the layout it
	// was found in (osv-scalibr or the legacy osv-scanner folder).
	Source string `json:"source"`
}

// Status lists the installed ecosystems, sorted by name, with advisory
// counts (from the archive's directory, so it stays cheap) and age
// relative to now.
func Status(dir string, now time.Time) ([]EcosystemStatus, error) {
	meta, err := ReadMetadata(dir)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []EcosystemStatus
	for _, sub := range []string{layoutDir, legacyDir} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("db status: %w", err)
		}
		for _, e := range entries {
			if !e.IsDir() || seen[e.Name()] {
				continue
			}
			p := filepath.Join(dir, sub, e.Name(), zipName)
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			seen[e.Name()] = true
			s := EcosystemStatus{Ecosystem: e.Name(), Path: p, Bytes: st.Size()}
			if m, ok := meta.Ecosystems[e.Name()]; ok && sub == layoutDir {
				s.FetchedAt = m.FetchedAt
				s.Source = m.URL
				if s.Source == "" {
					s.Source = "tollgate db update"
				}
			} else {
				s.FetchedAt, s.FromMTime = st.ModTime().UTC(), true
				s.Source = "placed by another tool (" + sub + "/ layout)"
			}
			s.Age = now.Sub(s.FetchedAt)
			if n, err := countAdvisories(p); err != nil {
				s.Error = err.Error()
			} else {
				s.Advisories = n
			}
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Ecosystem < out[j].Ecosystem })
	return out, nil
}

// maxEntryBytes bounds one advisory document; real ones are a few KB.
const maxEntryBytes = 64 << 20

// Validate checks that the archive at path is a complete zip whose entries
// are plain relative names inside the folder (no "..", no absolute paths,
// no backslashes, no directories escaping) and whose contents match their
// CRCs. It returns the number of advisories (".json" entries).
func Validate(path string) (int, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, fmt.Errorf("not a valid zip archive: %w", err)
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if err := checkEntryName(f.Name); err != nil {
			return 0, err
		}
		if f.FileInfo().IsDir() {
			continue
		}
		if f.UncompressedSize64 > maxEntryBytes {
			return 0, fmt.Errorf("entry %q is too large (%d bytes)", f.Name, f.UncompressedSize64)
		}
		rc, err := f.Open()
		if err != nil {
			return 0, fmt.Errorf("entry %q: %w", f.Name, err)
		}
		// Reading to EOF makes archive/zip verify the CRC-32.
		_, err = io.Copy(io.Discard, io.LimitReader(rc, maxEntryBytes+1))
		rc.Close()
		if err != nil {
			return 0, fmt.Errorf("entry %q: %w", f.Name, err)
		}
		if strings.HasSuffix(f.Name, ".json") {
			n++
		}
	}
	return n, nil
}

func checkEntryName(name string) error {
	bad := name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") ||
		filepath.IsAbs(name) || (len(name) >= 2 && name[1] == ':') // a Windows drive letter
	if !bad {
		for part := range strings.SplitSeq(name, "/") {
			if part == ".." {
				bad = true
			}
		}
	}
	if bad {
		return fmt.Errorf("entry %q would escape the database folder", name)
	}
	return nil
}
