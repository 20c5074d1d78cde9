package report

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/scanner"
)

// maxColumnSource bounds how much of one source file the SARIF writer reads
// to convert columns; findings in larger files keep their lines only.
const maxColumnSource = 64 << 20

// span is a region's start and end column in UTF-16 code units.
type span struct{ start, end int }

// utf16Spans converts the byte columns of findings (the unit every scanner
// reports) into the UTF-16 code units SARIF's columnKind promises, by reading
// each affected source line once. A finding whose line cannot be read, or
// whose byte columns do not fall on character boundaries of the line as it
// is now, gets no entry: the writer then gives it lines only, so a viewer
// highlights the whole line rather than the wrong characters.
func (r *Report) utf16Spans(findings []*scanner.Finding) map[int]span {
	byPath := map[string][]int{}
	for i, f := range findings {
		if f.Location.StartColumn > 0 && f.Location.StartLine > 0 {
			byPath[f.Location.Path] = append(byPath[f.Location.Path], i)
		}
	}
	out := map[int]span{}
	if len(byPath) == 0 {
		return out
	}
	src := r.source()
	if src == nil {
		return out
	}
	for p, idx := range byPath {
		data := readSource(src, r.sourcePath(p))
		if data == nil {
			continue
		}
		lines := bytes.Split(data, []byte("\n"))
		for _, i := range idx {
			loc := findings[i].Location
			s, ok := utf16Column(lines, loc.StartLine, loc.StartColumn)
			if !ok {
				continue
			}
			sp := span{start: s}
			if loc.EndColumn > 0 {
				endLine := loc.EndLine
				if endLine < loc.StartLine {
					endLine = loc.StartLine
				}
				if sp.end, ok = utf16Column(lines, endLine, loc.EndColumn); !ok {
					continue
				}
			}
			out[i] = sp
		}
	}
	return out
}

// source is where the scanned files are read from: Report.Source, else the
// scan root on disk when it is a directory.
func (r *Report) source() fs.FS {
	if r.Source != nil {
		return r.Source
	}
	if r.Result == nil || r.Result.Root == "" {
		return nil
	}
	if st, err := os.Stat(r.Result.Root); err != nil || !st.IsDir() {
		return nil
	}
	return os.DirFS(r.Result.Root)
}

// sourcePath undoes the path prefix: the files sit under the scan root
// without it.
func (r *Report) sourcePath(p string) string {
	if r.Result != nil && r.Result.PathPrefix != "" {
		p = strings.TrimPrefix(p, r.Result.PathPrefix+"/")
	}
	return path.Clean(p)
}

func readSource(fsys fs.FS, name string) []byte {
	if !fs.ValidPath(name) {
		return nil
	}
	st, err := fs.Stat(fsys, name)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxColumnSource {
		return nil
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	return data
}

// utf16Column turns a 1-based byte column of a 1-based line into a 1-based
// UTF-16 column. A column just past the end of the line is allowed (an end
// column); one inside a multi-byte character or beyond the line is not.
func utf16Column(lines [][]byte, line, col int) (int, bool) {
	if line < 1 || line > len(lines) || col < 1 {
		return 0, false
	}
	text := bytes.TrimSuffix(lines[line-1], []byte("\r"))
	off := col - 1
	if off > len(text) || (off < len(text) && !utf8.RuneStart(text[off])) {
		return 0, false
	}
	units := 0
	for _, c := range string(text[:off]) {
		units += utf16.RuneLen(c)
	}
	return units + 1, true
}
