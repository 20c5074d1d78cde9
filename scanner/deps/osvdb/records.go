package osvdb

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Records keep the advisories a scan decoded, in a form faster to decode
// than their JSON, beside the index: the next scan of the same packages
// reads them instead of inflating and parsing the JSON entries of the zip
// (JSON decoding was a third of the CPU of a small scan). The caller
// chooses the encoding (deps stores protobuf wire format); this package
// only stores bytes per zip entry.
//
// Like the index, records are a cache the zip outranks: the file records
// the zip's fingerprint (size and central-directory digest, taken from a
// verified index) and ends with the SHA-256 of its bytes. A file that
// fails its digest or describes another zip is ignored and rewritten by
// the next scan that decodes advisories, never trusted.
//
// Layout (integers are unsigned varints):
//
//	"TGREC1\n"  zip size  32-byte central-directory digest
//	record count, then per record (by entry number): entry-number delta, length, bytes
//	32-byte SHA-256 of everything above

const (
	recordsMagic = "TGREC1\n"
	// MaxRecordsBytes bounds a records file: records beyond it are not
	// kept (those scans decode the JSON), and a larger file is not read.
	MaxRecordsBytes = 64 << 20
)

// ErrRecordsInvalid is wrapped when a records file is corrupt or
// describes another version of its zip.
var ErrRecordsInvalid = errors.New("advisory records are invalid")

// Records maps zip entry numbers to encoded advisories.
type Records struct {
	zipSize  int64
	cdDigest [32]byte
	recs     map[int][]byte
	size     int
	added    bool
}

// RecordsPath is where the records of the index at indexPath are kept.
func RecordsPath(indexPath string) string {
	return strings.TrimSuffix(indexPath, filepath.Ext(indexPath)) + ".records"
}

// NewRecords returns an empty set for the zip ix describes.
func NewRecords(ix *Index) *Records {
	return &Records{zipSize: ix.zipSize, cdDigest: ix.cdDigest, recs: map[int][]byte{}}
}

// ReadRecords reads the records at path for the zip ix describes. A
// missing file gives an empty set and no error; a corrupt or stale one
// an empty set and an error wrapping ErrRecordsInvalid, so the caller can
// say why it decoded the JSON.
func ReadRecords(path string, ix *Index) (*Records, error) {
	r := NewRecords(ix)
	b, err := readCapped(path, MaxRecordsBytes)
	if errors.Is(err, os.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("%s: %w: %w", path, ErrRecordsInvalid, err)
	}
	if err := r.unmarshal(b); err != nil {
		return NewRecords(ix), fmt.Errorf("%s: %w: %w", path, ErrRecordsInvalid, err)
	}
	return r, nil
}

func (r *Records) unmarshal(b []byte) error {
	if len(b) < len(recordsMagic)+32 || string(b[:len(recordsMagic)]) != recordsMagic {
		return errors.New("not a tollgate records file")
	}
	body, sum := b[:len(b)-32], b[len(b)-32:]
	if want := sha256.Sum256(body); !bytes.Equal(want[:], sum) {
		return errors.New("digest mismatch")
	}
	d := decoder{b: body[len(recordsMagic):]}
	zipSize := int64(d.u())
	digest := d.bytes(32)
	if d.err == nil && (zipSize != r.zipSize || !bytes.Equal(digest, r.cdDigest[:])) {
		return errors.New("written for another version of the zip")
	}
	n := d.count(2) // a record is at least 2 bytes
	entry := uint64(0)
	for i := range n {
		delta := d.u()
		if i > 0 && delta == 0 {
			d.err = errors.New("records out of order")
		}
		entry += delta
		rec := d.bytes(d.count(1))
		if d.err == nil && len(rec) == 0 {
			d.err = errors.New("empty record")
		}
		if d.err != nil {
			break
		}
		r.recs[int(entry)] = rec
		r.size += len(rec)
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	return d.err
}

// Get returns the record of entry n, or nil. The bytes are shared: do not
// modify them.
func (r *Records) Get(n int) []byte { return r.recs[n] }

// Len is the number of records.
func (r *Records) Len() int { return len(r.recs) }

// Add keeps the record of entry n unless the set would exceed
// MaxRecordsBytes; it reports whether it did.
func (r *Records) Add(n int, rec []byte) bool {
	if _, ok := r.recs[n]; ok || len(rec) == 0 || r.size+len(rec)+64 > MaxRecordsBytes-1024 {
		return false
	}
	r.recs[n] = rec
	r.size += len(rec)
	r.added = true
	return true
}

// Changed reports whether records were added since the set was read.
func (r *Records) Changed() bool { return r.added }

// Marshal encodes the records in their file format.
func (r *Records) Marshal() []byte {
	var buf bytes.Buffer
	buf.Grow(r.size + 16*len(r.recs) + 64)
	buf.WriteString(recordsMagic)
	u := func(v uint64) { buf.Write(binary.AppendUvarint(nil, v)) }
	u(uint64(r.zipSize))
	buf.Write(r.cdDigest[:])
	entries := make([]int, 0, len(r.recs))
	for n := range r.recs {
		entries = append(entries, n)
	}
	slices.Sort(entries)
	u(uint64(len(entries)))
	prev := 0
	for _, n := range entries {
		u(uint64(n - prev))
		prev = n
		u(uint64(len(r.recs[n])))
		buf.Write(r.recs[n])
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	return buf.Bytes()
}

// Write stores the records at path atomically (temporary file + rename).
func (r *Records) Write(path string) error { return writeCacheFile(path, r.Marshal()) }
