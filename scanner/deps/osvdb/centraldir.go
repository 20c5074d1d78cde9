package osvdb

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// centralDirectory locates the zip's central directory: its offset and
// the number of entries the end record announces (zip64 included).
func centralDirectory(r io.ReaderAt, size int64) (off int64, entries uint64, err error) {
	// The end-of-central-directory record is 22 bytes plus a comment of
	// at most 65,535 bytes, with the zip64 locator (20 bytes) before it.
	// Archives rarely carry a comment: look in the last KiB first (the
	// last signature there is the last one in the whole window), then in
	// the whole window.
	var buf []byte
	eocd := -1
	for _, tail := range []int64{min(size, 1024), min(size, 22+65535+20)} {
		buf = make([]byte, tail)
		if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
			return 0, 0, err
		}
		if eocd = bytes.LastIndex(buf, []byte("PK\x05\x06")); eocd >= 20 || tail == size {
			break
		}
	}
	if eocd < 0 || len(buf)-eocd < 22 {
		return 0, 0, errors.New("not a zip archive (no end of central directory)")
	}
	cdOff := uint64(binary.LittleEndian.Uint32(buf[eocd+16:]))
	entries = uint64(binary.LittleEndian.Uint16(buf[eocd+10:]))
	if cdOff == 0xFFFFFFFF || entries == 0xFFFF {
		// zip64: the locator just before the EOCD points at the zip64
		// end record, which holds the real offset and count. Exactly
		// 65,535 entries need none.
		loc := eocd - 20
		if loc < 0 || string(buf[loc:loc+4]) != "PK\x06\x07" {
			if cdOff != 0xFFFFFFFF {
				return int64(cdOff), entries, nil
			}
			return 0, 0, errors.New("zip64 locator missing")
		}
		rec := make([]byte, 56)
		if _, err := r.ReadAt(rec, int64(binary.LittleEndian.Uint64(buf[loc+8:]))); err != nil {
			return 0, 0, fmt.Errorf("zip64 end record: %w", err)
		}
		if string(rec[:4]) != "PK\x06\x06" {
			return 0, 0, errors.New("zip64 end record missing")
		}
		entries, cdOff = binary.LittleEndian.Uint64(rec[32:]), binary.LittleEndian.Uint64(rec[48:])
	}
	if cdOff > uint64(size) {
		return 0, 0, errors.New("central directory offset beyond the end of the file")
	}
	return int64(cdOff), entries, nil
}

// centralDirectoryDigest hashes the zip's central directory and end
// records (zip64 included): everything from the first directory header
// to the end of the file.
func centralDirectoryDigest(r io.ReaderAt, size int64) ([32]byte, error) {
	var out [32]byte
	off, _, err := centralDirectory(r, size)
	if err != nil {
		return out, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(r, off, size-off)); err != nil {
		return out, err
	}
	copy(out[:], h.Sum(nil))
	return out, nil
}

// countAdvisories counts the ".json" entries of the zip at path from its
// central directory alone. `db status` and every scan's stats count each
// installed ecosystem; building archive/zip's entry list for that cost
// more than reading a small scan's advisories.
func countAdvisories(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	off, entries, err := centralDirectory(f, st.Size())
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	cd := make([]byte, st.Size()-off)
	if _, err := f.ReadAt(cd, off); err != nil && err != io.EOF {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	n, seen := 0, uint64(0)
	// Each directory header: 46 fixed bytes, then name, extra, comment.
	for len(cd) >= 46 && string(cd[:4]) == "PK\x01\x02" {
		nameLen := int(binary.LittleEndian.Uint16(cd[28:]))
		rest := nameLen + int(binary.LittleEndian.Uint16(cd[30:])) + int(binary.LittleEndian.Uint16(cd[32:]))
		if len(cd) < 46+rest {
			return 0, fmt.Errorf("open %s: truncated central directory", path)
		}
		if strings.HasSuffix(string(cd[46:46+nameLen]), ".json") {
			n++
		}
		seen++
		cd = cd[46+rest:]
	}
	if seen != entries {
		return 0, fmt.Errorf("open %s: central directory holds %d entries, the end record says %d", path, seen, entries)
	}
	return n, nil
}
