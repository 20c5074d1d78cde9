// Package fuzzseed holds what the parsers' fuzz targets share: seeding a
// corpus from the fixture files under testdata/, and the error contract
// every file parser keeps (a *scanner.FileError naming the file, never a
// bare error). It is for tests only.
package fuzzseed

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

// AddFiles adds the content of every file matching the glob patterns as a
// []byte seed. A pattern that matches nothing fails the target, so a moved
// fixture directory cannot silently empty the corpus.
func AddFiles(f *testing.F, patterns ...string) {
	f.Helper()
	for _, p := range patterns {
		files, err := filepath.Glob(p)
		if err != nil || len(files) == 0 {
			f.Fatalf("seed pattern %q matches no file (%v)", p, err)
		}
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// CheckFileError fails t unless err is nil, a *scanner.ParseError (a file
// the scanner reports as a TG-PARSE finding) or a *scanner.FileError, for
// path with a non-negative line.
func CheckFileError(t *testing.T, err error, path string) {
	t.Helper()
	if err == nil {
		return
	}
	var pe *scanner.ParseError
	if errors.As(err, &pe) {
		if pe.Path != path || pe.Line < 0 {
			t.Fatalf("error names %s:%d, want %s", pe.Path, pe.Line, path)
		}
		return
	}
	var fe *scanner.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is neither a *scanner.ParseError nor a *scanner.FileError", err, err)
	}
	if fe.Path != path || fe.Line < 0 {
		t.Fatalf("error names %s:%d, want %s", fe.Path, fe.Line, path)
	}
}
