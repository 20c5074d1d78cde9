package osvdb_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// TestRecords: records round-trip per zip entry; a corrupt file, one
// written for another version of the zip, or one too large is reported
// (ErrRecordsInvalid) and read as empty, never trusted; a missing file is
// simply empty.
func TestRecords(t *testing.T) {
	ctx := context.Background()
	zp := filepath.Join(t.TempDir(), "osv-scalibr", "npm", "all.zip")
	writeZip(t, zp, indexFiles[:3])
	ix, err := osvdb.BuildIndex(ctx, zp)
	if err != nil {
		t.Fatal(err)
	}
	path := osvdb.RecordsPath(filepath.Join(t.TempDir(), "abc-npm.bin"))
	if filepath.Base(path) != "abc-npm.records" {
		t.Errorf("RecordsPath = %s", path)
	}

	r, err := osvdb.ReadRecords(path, ix)
	if err != nil || r.Len() != 0 || r.Changed() {
		t.Fatalf("missing file: %d records, changed %v, err %v", r.Len(), r.Changed(), err)
	}
	want := map[int][]byte{0: []byte("first"), 2: []byte("third, a bit longer"), 1: {0, 1, 2}}
	for n, b := range want {
		if !r.Add(n, b) {
			t.Fatalf("Add(%d) refused", n)
		}
	}
	if r.Add(1, []byte("again")) || r.Add(5, nil) {
		t.Error("Add accepted a repeat or an empty record")
	}
	if err := r.Write(path); err != nil {
		t.Fatal(err)
	}
	read := func() (*osvdb.Records, error) {
		t.Helper()
		return osvdb.ReadRecords(path, ix)
	}
	got, err := read()
	if err != nil || got.Changed() {
		t.Fatalf("ReadRecords: %v (changed %v)", err, got.Changed())
	}
	for n, b := range want {
		if !bytes.Equal(got.Get(n), b) {
			t.Errorf("record %d = %q, want %q", n, got.Get(n), b)
		}
	}
	if got.Get(3) != nil || got.Len() != 3 {
		t.Errorf("%d records, record 3 = %q", got.Len(), got.Get(3))
	}
	// A RecordReader reuses its buffer across records of any size, and
	// never writes into a record added since the file was read.
	added := []byte("added after reading")
	if !got.Add(4, added) {
		t.Fatal("Add(4) refused")
	}
	rr := got.Reader()
	for _, n := range []int{2, 0, 4, 1, 2, 3, 0} {
		b := rr.Get(n)
		if w, ok := want[n]; ok && !bytes.Equal(b, w) || n == 3 && b != nil {
			t.Errorf("reader: record %d = %q, want %q", n, b, w)
		}
	}
	if string(added) != "added after reading" || !bytes.Equal(rr.Get(4), added) {
		t.Errorf("added record changed to %q", added)
	}

	got.Close()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	corruptions := map[string]func([]byte) []byte{
		"flipped header byte": func(b []byte) []byte { b[12] ^= 0xff; return b },
		"truncated":           func(b []byte) []byte { return b[:len(b)-5] },
		"longer":              func(b []byte) []byte { return append(b, 0) },
		"empty":               func([]byte) []byte { return nil },
		"an index":            func([]byte) []byte { return ix.Marshal() },
	}
	for name, corrupt := range corruptions {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, corrupt(bytes.Clone(good)), 0o644); err != nil {
				t.Fatal(err)
			}
			r, err := read()
			if !errors.Is(err, osvdb.ErrRecordsInvalid) || r.Len() != 0 {
				t.Errorf("ReadRecords = %d records, %v; want none and ErrRecordsInvalid", r.Len(), err)
			}
		})
	}
	t.Run("flipped record byte", func(t *testing.T) {
		// The last record (entry 2) fails its CRC-32: it is not
		// returned, the others are, and the file is due for a rewrite
		// that leaves it out.
		b := bytes.Clone(good)
		b[len(b)-1] ^= 0xff
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := read()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if r.Get(2) != nil || !bytes.Equal(r.Get(0), want[0]) || !r.Changed() {
			t.Errorf("record 2 = %q, record 0 = %q, changed %v", r.Get(2), r.Get(0), r.Changed())
		}
		if err := r.Write(path); err != nil {
			t.Fatal(err)
		}
		back, err := read()
		if err != nil || back.Len() != 2 || back.Get(2) != nil {
			t.Errorf("rewritten: %d records, record 2 = %q, %v", back.Len(), back.Get(2), err)
		}
		// Decoded again from the JSON, the record is stored anew.
		if !back.Add(2, want[2]) || back.Write(path) != nil {
			t.Fatal("could not store record 2 again")
		}
		back.Close()
		if again, err := read(); err != nil || !bytes.Equal(again.Get(2), want[2]) {
			t.Errorf("record 2 = %q, %v; want %q", again.Get(2), err, want[2])
		}
	})
	t.Run("another version of the zip", func(t *testing.T) {
		if err := os.WriteFile(path, good, 0o644); err != nil {
			t.Fatal(err)
		}
		other := filepath.Join(t.TempDir(), "all.zip")
		writeZip(t, other, indexFiles[:2])
		oix, err := osvdb.BuildIndex(ctx, other)
		if err != nil {
			t.Fatal(err)
		}
		r, err := osvdb.ReadRecords(path, oix)
		if !errors.Is(err, osvdb.ErrRecordsInvalid) || r.Len() != 0 {
			t.Errorf("ReadRecords = %d records, %v; want none and ErrRecordsInvalid", r.Len(), err)
		}
	})
	t.Run("bounded", func(t *testing.T) {
		r := osvdb.NewRecords(ix)
		big := make([]byte, osvdb.MaxRecordsBytes/2)
		if !r.Add(0, big) || r.Add(1, big) {
			t.Error("records grew past MaxRecordsBytes")
		}
	})
}
