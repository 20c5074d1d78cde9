package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// jsonFrame streams a JSON document whose large arrays are filled one
// element at a time: the document is encoded first (json.MarshalIndent,
// two-space indentation) with those arrays empty, then written up to
// each empty array, whose elements are encoded one by one into it. The
// bytes are those of encoding the whole document at once, while only one
// element's encoding is in memory; the arrays must be filled in the order
// they appear in the frame.
type jsonFrame struct {
	w    *bufio.Writer
	rest []byte
}

func newJSONFrame(w io.Writer, frame []byte) *jsonFrame {
	return &jsonFrame{w: bufio.NewWriterSize(w, 64<<10), rest: frame}
}

// fill fills the next empty array of key, whose key starts a line at
// indent (a newline and the key's indentation), with n elements. Such a
// key at that indentation is structural: inside a JSON string the newline
// and the quotes are escaped. key "" is a document that is an array.
func (s *jsonFrame) fill(indent, key string, n int, elem func(int) any) error {
	return s.fillWith(indent, key, n, func(b []byte, i int, prefix string) ([]byte, error) {
		enc, err := json.MarshalIndent(elem(i), prefix, "  ")
		return append(b, enc...), err
	})
}

// fillWith is fill with the encoding up to the caller: appendElem appends
// element i, as json.MarshalIndent(elem, prefix, "  ") would encode it, to
// b.
func (s *jsonFrame) fillWith(indent, key string, n int, appendElem func(b []byte, i int, prefix string) ([]byte, error)) error {
	empty := indent + `"` + key + `": []`
	if key == "" {
		empty = "[]"
	}
	head, tail, ok := bytes.Cut(s.rest, []byte(empty))
	if !ok {
		return fmt.Errorf("no empty %q array in the encoded document", key)
	}
	s.w.Write(head)
	s.w.WriteString(empty[:len(empty)-1]) // without "]"
	prefix := indent[1:] + "  "
	var b []byte
	for i := range n {
		b = b[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, prefix...)
		var err error
		if b, err = appendElem(b, i, prefix); err != nil {
			return err
		}
		if _, err := s.w.Write(b); err != nil {
			return err // the writer failed: no use encoding the rest
		}
	}
	if n > 0 {
		s.w.WriteString(indent)
	}
	s.w.WriteByte(']')
	s.rest = tail
	return nil
}

// finish writes the rest of the frame and a final newline.
func (s *jsonFrame) finish() error {
	s.w.Write(s.rest)
	s.w.WriteByte('\n')
	return s.w.Flush()
}
