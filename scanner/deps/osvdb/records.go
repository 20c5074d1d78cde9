package osvdb

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Records keep the advisories a scan decoded, in a form faster to decode
// than their JSON, beside the index: the next scan of the same packages
// reads them instead of inflating and parsing the JSON entries of the zip
// (JSON decoding was a third of the CPU of a small scan). The caller
// chooses the encoding (deps stores protobuf wire format); this package
// only stores bytes per zip entry.
//
// Like the index, records are a cache the zip outranks. The file's header
// records the zip's fingerprint (size and central-directory digest, taken
// from a verified index) and, per record, its zip entry number, length
// and CRC-32; the header ends with its own SHA-256. A header that fails
// its digest or describes another zip makes the whole file ignored; a
// record that fails its CRC-32 is ignored (the JSON is decoded instead).
// Either way the next scan that decodes advisories rewrites the file;
// nothing in it is trusted unchecked. Records are read one by one, when
// asked for, so a scan holds only the ones it needs.
//
// Layout (integers in the header are unsigned varints):
//
//	"TGREC2\n"  header length (8 bytes, little-endian)
//	header: zip size, 32-byte central-directory digest, record count,
//	        per record (by entry number): entry-number delta, length, CRC-32
//	32-byte SHA-256 of everything above
//	the records' bytes, in header order

const (
	recordsMagic = "TGREC2\n"
	// MaxRecordsBytes bounds a records file: records beyond it are not
	// kept (those scans decode the JSON), and a larger file is not read.
	MaxRecordsBytes = 64 << 20
)

// ErrRecordsInvalid is wrapped when a records file is corrupt or
// describes another version of its zip.
var ErrRecordsInvalid = errors.New("advisory records are invalid")

// Records maps zip entry numbers to encoded advisories: those of a file
// (read on demand) and those added since.
type Records struct {
	zipSize  int64
	cdDigest [32]byte
	f        *os.File // nil: no file
	stored   map[int]recordSpan
	added    map[int][]byte
	size     int
	mu       sync.Mutex
	bad      bool // a stored record failed its CRC-32
}

type recordSpan struct {
	off int64
	n   int
	crc uint32
}

// RecordsPath is where the records of the index at indexPath are kept.
func RecordsPath(indexPath string) string {
	return strings.TrimSuffix(indexPath, filepath.Ext(indexPath)) + ".records"
}

// NewRecords returns an empty set for the zip ix describes.
func NewRecords(ix *Index) *Records {
	return &Records{zipSize: ix.zipSize, cdDigest: ix.cdDigest, stored: map[int]recordSpan{}, added: map[int][]byte{}}
}

// ReadRecords opens the records at path for the zip ix describes and
// verifies their header; Close releases the file. A missing file gives
// an empty set and no error; a corrupt or stale one an empty set and an
// error wrapping ErrRecordsInvalid, so the caller can say why it decoded
// the JSON.
func ReadRecords(path string, ix *Index) (*Records, error) {
	r := NewRecords(ix)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return r, nil
	}
	if err == nil {
		err = r.readHeader(f)
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		return NewRecords(ix), fmt.Errorf("%s: %w: %w", path, ErrRecordsInvalid, err)
	}
	r.f = f
	return r, nil
}

func (r *Records) readHeader(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() > MaxRecordsBytes {
		return fmt.Errorf("larger than %d bytes", MaxRecordsBytes)
	}
	pre := make([]byte, len(recordsMagic)+8)
	if _, err := f.ReadAt(pre, 0); err != nil || string(pre[:len(recordsMagic)]) != recordsMagic {
		return errors.New("not a tollgate records file")
	}
	hlen := binary.LittleEndian.Uint64(pre[len(recordsMagic):])
	start := int64(len(pre)) + 32
	if hlen > uint64(st.Size()-start) {
		return errors.New("truncated header")
	}
	head := make([]byte, len(pre)+int(hlen)+32)
	if _, err := f.ReadAt(head, 0); err != nil {
		return err
	}
	body, sum := head[:len(head)-32], head[len(head)-32:]
	if want := sha256.Sum256(body); !bytes.Equal(want[:], sum) {
		return errors.New("digest mismatch")
	}
	d := decoder{b: body[len(pre):]}
	zipSize := int64(d.u())
	digest := d.bytes(32)
	if d.err == nil && (zipSize != r.zipSize || !bytes.Equal(digest, r.cdDigest[:])) {
		return errors.New("written for another version of the zip")
	}
	n := d.count(3) // a record's header line is at least 3 bytes
	entry, off := uint64(0), start+int64(hlen)
	for i := range n {
		delta, size, crc := d.u(), d.u(), d.u()
		if d.err == nil && ((i > 0 && delta == 0) || size == 0 || crc > 0xFFFFFFFF || size > uint64(st.Size()-off)) {
			d.err = errors.New("bad record line")
		}
		if d.err != nil {
			break
		}
		entry += delta
		r.stored[int(entry)] = recordSpan{off, int(size), uint32(crc)}
		off += int64(size)
		r.size += int(size)
	}
	if d.err == nil && (len(d.b) != 0 || off != st.Size()) {
		d.err = errors.New("trailing bytes")
	}
	return d.err
}

// Get returns the record of entry n, or nil when there is none or it
// fails its CRC-32. Safe for concurrent use.
func (r *Records) Get(n int) []byte { return r.read(nil, n) }

// RecordReader reads records one after another into one buffer, for a
// caller that is done with each record before asking for the next (a
// decoder copies what it keeps). Each goroutine needs its own.
type RecordReader struct {
	r   *Records
	buf []byte
}

// Reader returns a RecordReader of r.
func (r *Records) Reader() *RecordReader { return &RecordReader{r: r} }

// Get is Records.Get; the result is valid until the next call and must
// not be changed.
func (rr *RecordReader) Get(n int) []byte {
	if b, ok := rr.r.added[n]; ok {
		return b
	}
	b := rr.r.read(rr.buf, n)
	if cap(b) > cap(rr.buf) {
		rr.buf = b[:0]
	}
	return b
}

// read returns the record of entry n, read into buf's array when it is
// large enough.
func (r *Records) read(buf []byte, n int) []byte {
	if b, ok := r.added[n]; ok {
		return b
	}
	s, ok := r.stored[n]
	if !ok || r.f == nil {
		return nil
	}
	b := buf[:0]
	if cap(b) < s.n {
		b = make([]byte, s.n)
	}
	b = b[:s.n]
	if _, err := r.f.ReadAt(b, s.off); err != nil || crc32.ChecksumIEEE(b) != s.crc {
		r.mu.Lock()
		r.bad = true
		r.mu.Unlock()
		return nil
	}
	return b
}

// Len is the number of records.
func (r *Records) Len() int { return len(r.stored) + len(r.added) }

// Add keeps the record of entry n unless the set would exceed
// MaxRecordsBytes; it reports whether it did. A stored record of n (one
// that failed its check or did not decode) is replaced. Not safe for
// concurrent use with Get.
func (r *Records) Add(n int, rec []byte) bool {
	if _, added := r.added[n]; added || len(rec) == 0 {
		return false
	}
	old := r.stored[n].n
	if r.size-old+len(rec)+64 > MaxRecordsBytes-1024 {
		return false
	}
	delete(r.stored, n)
	r.added[n] = rec
	r.size += len(rec) - old
	return true
}

// Changed reports whether the file should be written: records were
// added, or one failed its check.
func (r *Records) Changed() bool { return len(r.added) > 0 || r.bad }

// Close releases the file the records were read from.
func (r *Records) Close() error {
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}

// Write stores the records at path atomically (temporary file +
// rename), streaming them: stored records are read back and checked
// (failing ones are left out), none is copied into one big buffer.
func (r *Records) Write(path string) error {
	recs := map[int][]byte{}
	for n := range r.stored {
		if b := r.Get(n); b != nil {
			recs[n] = b
		}
	}
	for n, b := range r.added {
		recs[n] = b
	}
	entries := make([]int, 0, len(recs))
	for n := range recs {
		entries = append(entries, n)
	}
	slices.Sort(entries)
	var head []byte
	u := func(v uint64) { head = binary.AppendUvarint(head, v) }
	u(uint64(r.zipSize))
	head = append(head, r.cdDigest[:]...)
	u(uint64(len(entries)))
	prev := 0
	for _, n := range entries {
		u(uint64(n - prev))
		prev = n
		u(uint64(len(recs[n])))
		u(uint64(crc32.ChecksumIEEE(recs[n])))
	}
	pre := binary.LittleEndian.AppendUint64([]byte(recordsMagic), uint64(len(head)))
	h := sha256.New()
	h.Write(pre)
	h.Write(head)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return writeFileAtomicFunc(path, func(w io.Writer) error {
		for _, b := range [][]byte{pre, head, h.Sum(nil)} {
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		for _, n := range entries {
			if _, err := w.Write(recs[n]); err != nil {
				return err
			}
		}
		return nil
	})
}
