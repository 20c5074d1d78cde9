package osvdb

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// The index is a compact file beside (or cached for) an ecosystem's
// all.zip: for every normalized package name, the advisories that name
// it, each as the position of its entry in the zip. A scan then reads and
// decodes only the advisories of the packages it has, straight from the
// zip, instead of every advisory of the ecosystem.
//
// The zip stays the source of truth. The index records the zip's size and
// the SHA-256 of its central directory (which holds every entry's name,
// CRC-32, sizes and offset, so any change to any entry changes it), and
// ends with the SHA-256 of its own bytes. An index whose digest does not
// verify is corrupt, one whose zip fingerprint differs is stale; both are
// rebuilt from the zip, never trusted. Each advisory read through the
// index is checked against its CRC-32 as well.
//
// Layout (integers are unsigned varints unless noted):
//
//	"TGIDX1\n"  zip size  32-byte central-directory digest
//	entry count, then per entry: data offset, compressed size, size, method, crc32
//	key count, then per key (sorted): length, bytes, ref count, refs (delta-coded entry numbers)
//	32-byte SHA-256 of everything above

// IndexName is the file name of an index beside its all.zip.
const IndexName = "tollgate-index.bin"

const (
	indexMagic = "TGIDX1\n"
	// maxIndexBytes bounds the index file read into memory.
	maxIndexBytes = 1 << 30
)

var (
	// ErrIndexCorrupt is wrapped when an index file fails its own digest
	// or cannot be decoded.
	ErrIndexCorrupt = errors.New("advisory index is corrupt")
	// ErrIndexStale is wrapped when an index describes another version of
	// its zip.
	ErrIndexStale = errors.New("advisory index is stale")
)

// IndexPath is where `db update` writes the index of a zip.
func IndexPath(zipPath string) string {
	return filepath.Join(filepath.Dir(zipPath), IndexName)
}

// NameKey is the index key of a package name: case-folded, and for PyPI
// normalized per PEP 503. Keys only pick candidates; matching decides.
func NameKey(ecosystem, name string) string {
	base, _, _ := strings.Cut(ecosystem, ":")
	if base == "PyPI" {
		return PyPIName(name)
	}
	return strings.ToLower(name)
}

// PyPIName is a PyPI project name normalized per PEP 503: lower case, each
// run of "-", "_" and "." one "-". It gives what the regexp [-_.]+
// replaced by "-" gives (osv-scalibr's normalization), without a regexp
// per name (on 5,000 requirements that was 5 % of a scan); the
// separators are ASCII, so no multi-byte character is split.
func PyPIName(name string) string {
	s := strings.ToLower(name)
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch s[i] {
		case '_', '.':
			clean = false
		case '-':
			clean = i+1 == len(s) || (s[i+1] != '-' && s[i+1] != '_' && s[i+1] != '.')
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	sep := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '-' || c == '_' || c == '.' {
			if !sep {
				b = append(b, '-')
			}
			sep = true
			continue
		}
		sep = false
		b = append(b, s[i])
	}
	return string(b)
}

// indexEntry locates one advisory in the zip.
type indexEntry struct {
	offset, compressed, size uint64
	method                   uint16
	crc                      uint32
}

// Index maps package name keys to advisories of one zip.
type Index struct {
	zipSize  int64
	cdDigest [32]byte
	entries  []indexEntry
	keys     []string
	refs     [][]uint32
	// Skipped counts zip entries left out: withdrawn advisories and
	// records that are not valid OSV JSON (which no scan could match).
	Skipped int
}

// Advisories is the number of advisories indexed.
func (ix *Index) Advisories() int { return len(ix.entries) }

// Lookup returns the entry numbers of the advisories filed under any of
// the keys, sorted and without repeats.
func (ix *Index) Lookup(keys map[string]bool) []int {
	seen := map[uint32]bool{}
	var out []int
	for k := range keys {
		i := sort.SearchStrings(ix.keys, k)
		if i >= len(ix.keys) || ix.keys[i] != k {
			continue
		}
		for _, r := range ix.refs[i] {
			if !seen[r] {
				seen[r] = true
				out = append(out, int(r))
			}
		}
	}
	sort.Ints(out)
	return out
}

var flatePool sync.Pool

// Read returns the JSON of advisory n from the zip (opened by the caller
// as zr), checking its CRC-32.
func (ix *Index) Read(zr io.ReaderAt, n int) ([]byte, error) {
	if n < 0 || n >= len(ix.entries) {
		return nil, fmt.Errorf("advisory %d: out of range", n)
	}
	e := ix.entries[n]
	if e.size > maxEntryBytes || e.compressed > maxEntryBytes {
		return nil, fmt.Errorf("advisory %d: too large (%d bytes)", n, e.size)
	}
	var r io.Reader = io.NewSectionReader(zr, int64(e.offset), int64(e.compressed))
	switch e.method {
	case zip.Store:
	case zip.Deflate:
		// A flate reader allocates a 32 KB window; reuse them.
		fr, _ := flatePool.Get().(io.ReadCloser)
		if fr == nil {
			fr = flate.NewReader(r)
		} else if err := fr.(flate.Resetter).Reset(r, nil); err != nil {
			return nil, err
		}
		defer flatePool.Put(fr)
		r = fr
	default:
		return nil, fmt.Errorf("advisory %d: unsupported compression method %d", n, e.method)
	}
	b := make([]byte, e.size)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, fmt.Errorf("advisory %d: %w", n, err)
	}
	if crc32.ChecksumIEEE(b) != e.crc {
		return nil, fmt.Errorf("advisory %d: CRC-32 mismatch (the zip changed under the index)", n)
	}
	return b, nil
}

// indexRecord is the part of an advisory the index needs.
type indexRecord struct {
	Withdrawn string `json:"withdrawn"`
	Affected  []struct {
		Package struct {
			Ecosystem string `json:"ecosystem"`
			Name      string `json:"name"`
		} `json:"package"`
	} `json:"affected"`
}

// BuildIndex reads every advisory of the zip once and indexes it by
// affected package name.
func BuildIndex(ctx context.Context, zipPath string) (*Index, error) {
	f, err := os.Open(zipPath)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", zipPath, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", zipPath, err)
	}
	ix := &Index{zipSize: st.Size()}
	if ix.cdDigest, err = centralDirectoryDigest(f, st.Size()); err != nil {
		return nil, fmt.Errorf("index %s: %w", zipPath, err)
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", zipPath, err)
	}
	byKey := map[string][]uint32{}
	for _, zf := range zr.File {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !strings.HasSuffix(zf.Name, ".json") || zf.FileInfo().IsDir() {
			continue
		}
		off, err := zf.DataOffset()
		if err != nil {
			return nil, fmt.Errorf("index %s: entry %s: %w", zipPath, zf.Name, err)
		}
		e := indexEntry{offset: uint64(off), compressed: zf.CompressedSize64, size: zf.UncompressedSize64, method: zf.Method, crc: zf.CRC32}
		n := uint32(len(ix.entries))
		ix.entries = append(ix.entries, e)
		b, err := ix.Read(f, int(n))
		if err != nil {
			return nil, fmt.Errorf("index %s: entry %s: %w", zipPath, zf.Name, err)
		}
		var rec indexRecord
		if json.Unmarshal(b, &rec) != nil || rec.Withdrawn != "" {
			ix.entries = ix.entries[:n]
			ix.Skipped++
			continue
		}
		seen := map[string]bool{}
		for _, a := range rec.Affected {
			k := NameKey(a.Package.Ecosystem, a.Package.Name)
			if k != "" && !seen[k] {
				seen[k] = true
				byKey[k] = append(byKey[k], n)
			}
		}
	}
	ix.keys = make([]string, 0, len(byKey))
	for k := range byKey {
		ix.keys = append(ix.keys, k)
	}
	sort.Strings(ix.keys)
	ix.refs = make([][]uint32, len(ix.keys))
	for i, k := range ix.keys {
		ix.refs[i] = byKey[k]
	}
	return ix, nil
}

// Marshal encodes the index in its file format.
func (ix *Index) Marshal() []byte {
	var buf bytes.Buffer
	buf.WriteString(indexMagic)
	u := func(v uint64) { buf.Write(binary.AppendUvarint(nil, v)) }
	u(uint64(ix.zipSize))
	buf.Write(ix.cdDigest[:])
	u(uint64(len(ix.entries)))
	for _, e := range ix.entries {
		u(e.offset)
		u(e.compressed)
		u(e.size)
		u(uint64(e.method))
		u(uint64(e.crc))
	}
	u(uint64(len(ix.keys)))
	for i, k := range ix.keys {
		u(uint64(len(k)))
		buf.WriteString(k)
		u(uint64(len(ix.refs[i])))
		prev := uint32(0)
		for _, r := range ix.refs[i] {
			u(uint64(r - prev))
			prev = r
		}
	}
	u(uint64(ix.Skipped))
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	return buf.Bytes()
}

// WriteIndex writes the index atomically (temporary file + rename).
func (ix *Index) WriteIndex(path string) error { return writeCacheFile(path, ix.Marshal()) }

// writeCacheFile writes an index file atomically, creating its
// directory.
func writeCacheFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return writeFileAtomic(path, data)
}

// ReadIndex reads an index and checks it against its own digest
// (ErrIndexCorrupt) and against the zip it describes (ErrIndexStale).
func ReadIndex(indexPath, zipPath string) (*Index, error) {
	ib, err := readCapped(indexPath, maxIndexBytes)
	if err != nil {
		return nil, err
	}
	ix, err := unmarshalIndex(ib)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", indexPath, ErrIndexCorrupt, err)
	}
	f, err := os.Open(zipPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() != ix.zipSize {
		return nil, fmt.Errorf("%s: %w: zip is %d bytes, index was built for %d", indexPath, ErrIndexStale, st.Size(), ix.zipSize)
	}
	d, err := centralDirectoryDigest(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", zipPath, err)
	}
	if d != ix.cdDigest {
		return nil, fmt.Errorf("%s: %w: the zip's directory changed", indexPath, ErrIndexStale)
	}
	return ix, nil
}

func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() <= limit {
		buf.Grow(int(st.Size()) + bytes.MinRead) // one allocation, not io.ReadAll's doublings
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: %w: larger than %d bytes", path, ErrIndexCorrupt, limit)
	}
	return b, nil
}

func unmarshalIndex(b []byte) (*Index, error) {
	if len(b) < len(indexMagic)+32 || string(b[:len(indexMagic)]) != indexMagic {
		return nil, errors.New("not a tollgate index")
	}
	body, sum := b[:len(b)-32], b[len(b)-32:]
	if want := sha256.Sum256(body); !bytes.Equal(want[:], sum) {
		return nil, errors.New("digest mismatch")
	}
	d := decoder{b: body[len(indexMagic):]}
	ix := &Index{zipSize: int64(d.u())}
	copy(ix.cdDigest[:], d.bytes(32))
	n := d.count(5) // an entry is at least 5 bytes
	ix.entries = make([]indexEntry, 0, n)
	for range n {
		e := indexEntry{offset: d.u(), compressed: d.u(), size: d.u()}
		e.method, e.crc = uint16(d.u()), uint32(d.u())
		ix.entries = append(ix.entries, e)
	}
	nk := d.count(2)
	ix.keys = make([]string, 0, nk)
	ix.refs = make([][]uint32, 0, nk)
	// Keys are substrings of one copy of the rest of the file and the
	// references slices of one array: two allocations, not two per key
	// (the 20,000 keys of a large ecosystem were a third of opening it).
	rest := string(d.b)
	all := make([]uint32, 0, countRefs(d, nk))
	for range nk {
		kb := d.bytes(d.count(1))
		k := rest[len(rest)-len(d.b)-len(kb) : len(rest)-len(d.b)]
		nr := d.count(1)
		start := len(all)
		prev := uint64(0)
		for range nr {
			prev += d.u()
			if prev >= uint64(len(ix.entries)) {
				d.err = fmt.Errorf("reference %d out of range", prev)
				break
			}
			all = append(all, uint32(prev))
		}
		refs := all[start:len(all):len(all)]
		if len(ix.keys) > 0 && k <= ix.keys[len(ix.keys)-1] {
			d.err = errors.New("keys out of order")
		}
		ix.keys = append(ix.keys, k)
		ix.refs = append(ix.refs, refs)
		if d.err != nil {
			break
		}
	}
	ix.Skipped = int(d.u())
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	return ix, d.err
}

// countRefs counts the references of the nk keys at d (a copy: d itself
// does not move), so that they fit one exact allocation; a count no
// larger than the bytes left, whatever the file says.
func countRefs(d decoder, nk int) int {
	n := 0
	for range nk {
		d.bytes(d.count(1))
		nr := d.count(1)
		for range nr {
			d.u()
		}
		if d.err != nil {
			break
		}
		n += nr
	}
	return n
}

// decoder reads varints, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) u() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.New("truncated")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length and checks it against the bytes left, each item
// taking at least min bytes, so a corrupt count cannot allocate much.
func (d *decoder) count(min int) int {
	v := d.u()
	if v > uint64(len(d.b)/min) {
		if d.err == nil {
			d.err = errors.New("count larger than the file")
		}
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b) {
		d.err = errors.New("truncated")
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

// IndexState says how OpenIndex obtained an index.
type IndexState string

const (
	// IndexFresh: a stored index verified against its zip.
	IndexFresh IndexState = "fresh"
	// IndexBuilt: there was none; it was built from the zip.
	IndexBuilt IndexState = "built"
	// IndexRebuiltStale: the stored index described another zip.
	IndexRebuiltStale IndexState = "rebuilt-stale"
	// IndexRebuiltCorrupt: the stored index failed its digest.
	IndexRebuiltCorrupt IndexState = "rebuilt-corrupt"
)

// OpenedIndex is an index with where it lives and how it was obtained.
type OpenedIndex struct {
	*Index
	Path  string // where it is stored; "" when only in memory
	State IndexState
	// WriteErr is why a built index could not be stored (the scan still
	// uses it from memory).
	WriteErr error
}

// IndexLocation is where the index of zipPath is kept. Beside the zip
// when the database is tollgate's own (`db update` wrote it: an index or
// tollgate-db.json is already there), so that it travels with the zips;
// otherwise in cacheDir, under a name derived from the zip's absolute
// path, so that shared or read-only databases (and the ones in a
// repository's testdata) are never written to. With an empty cacheDir
// such an index has no location ("") and lives in memory only.
func IndexLocation(zipPath, cacheDir string) string {
	beside := IndexPath(zipPath)
	if _, err := os.Stat(beside); err == nil {
		return beside
	}
	// <db>/osv-scalibr/<Ecosystem>/all.zip -> <db>/tollgate-db.json
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(zipPath))), metaName)); err == nil {
		return beside
	}
	if cacheDir == "" {
		return ""
	}
	abs, err := filepath.Abs(zipPath)
	if err != nil {
		abs = zipPath
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, fmt.Sprintf("%x-%s.bin", sum[:8], filepath.Base(filepath.Dir(zipPath))))
}

// OpenIndex returns a verified index of zipPath: the stored one when it
// matches the zip, else one built from the zip and stored (see
// IndexLocation). A stored index is never trusted without the checks of
// ReadIndex.
func OpenIndex(ctx context.Context, zipPath, cacheDir string) (*OpenedIndex, error) {
	p := IndexLocation(zipPath, cacheDir)
	state := IndexBuilt
	if p == "" {
		ix, err := BuildIndex(ctx, zipPath)
		if err != nil {
			return nil, err
		}
		return &OpenedIndex{Index: ix, State: state}, nil
	}
	ix, err := ReadIndex(p, zipPath)
	if err == nil {
		return &OpenedIndex{Index: ix, Path: p, State: IndexFresh}, nil
	}
	switch {
	case errors.Is(err, ErrIndexStale):
		state = IndexRebuiltStale
	case errors.Is(err, ErrIndexCorrupt):
		state = IndexRebuiltCorrupt
	}
	ix, err = BuildIndex(ctx, zipPath)
	if err != nil {
		return nil, err
	}
	out := &OpenedIndex{Index: ix, Path: p, State: state}
	if werr := ix.WriteIndex(p); werr != nil {
		out.Path, out.WriteErr = "", werr
	}
	return out, nil
}
