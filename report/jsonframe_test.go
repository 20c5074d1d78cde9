package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

type frameDoc struct {
	Title string         `json:"title"`
	Items []frameItem    `json:"items"`
	Inner frameInner     `json:"inner"`
	Tail  []frameItem    `json:"tail"`
	Extra map[string]any `json:"extra"`
}

type frameInner struct {
	Note  string      `json:"note"`
	Items []frameItem `json:"items"`
}

type frameItem struct {
	Name string   `json:"name"`
	Tags []string `json:"tags"`
	Sub  any      `json:"sub,omitempty"`
}

// TestJSONFrameMatchesWholeDocument: filling a frame's empty arrays one
// element at a time gives the bytes of encoding the whole document, with
// strings that spell the arrays' keys (escaped, so never structural),
// nested arrays, HTML characters and empty arrays.
func TestJSONFrameMatchesWholeDocument(t *testing.T) {
	items := []frameItem{
		{Name: "a <b> & c", Tags: []string{}},
		{Name: "\n  \"items\": []", Tags: []string{"x", "y"}, Sub: map[string]any{"items": []any{}, "k": 1.5}},
		{Name: "ü\u2028", Tags: nil},
	}
	for _, tc := range []struct {
		name        string
		items, tail []frameItem
		inner       []frameItem
	}{
		{"all filled", items, items[:2], items[1:]},
		{"some empty", nil, items, nil},
		{"all empty", nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nonNil := func(s []frameItem) []frameItem {
				if s == nil {
					return []frameItem{}
				}
				return s
			}
			whole := frameDoc{Title: `"items": []`, Items: nonNil(tc.items), Inner: frameInner{Note: "n", Items: nonNil(tc.inner)},
				Tail: nonNil(tc.tail), Extra: map[string]any{"tail": []int{}}}
			want, err := json.MarshalIndent(whole, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, '\n')

			empty := whole
			empty.Items, empty.Tail, empty.Inner.Items = []frameItem{}, []frameItem{}, []frameItem{}
			frame, err := json.MarshalIndent(empty, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			fw := newJSONFrame(&got, frame)
			for _, a := range []struct {
				indent, key string
				elems       []frameItem
			}{{"\n  ", "items", whole.Items}, {"\n    ", "items", whole.Inner.Items}, {"\n  ", "tail", whole.Tail}} {
				if err := fw.fill(a.indent, a.key, len(a.elems), func(i int) any { return a.elems[i] }); err != nil {
					t.Fatal(err)
				}
			}
			if err := fw.finish(); err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("filled frame differs from the whole document:\ngot:\n%s\nwant:\n%s", got.String(), want)
			}
		})
	}
}

func TestJSONFrameTopLevelArray(t *testing.T) {
	items := []frameItem{{Name: "a", Tags: []string{"t"}}, {Name: "b"}}
	for _, n := range []int{0, 1, 2} {
		want, _ := json.MarshalIndent(append([]frameItem{}, items[:n]...), "", "  ")
		var got bytes.Buffer
		fw := newJSONFrame(&got, []byte("[]"))
		if err := fw.fill("\n", "", n, func(i int) any { return items[i] }); err != nil {
			t.Fatal(err)
		}
		if err := fw.finish(); err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want)+"\n" {
			t.Errorf("%d elements: got\n%s\nwant\n%s", n, got.String(), want)
		}
	}
}

func TestJSONFrameMissingArray(t *testing.T) {
	fw := newJSONFrame(&bytes.Buffer{}, []byte("{\n  \"other\": []\n}"))
	if err := fw.fill("\n  ", "items", 1, func(int) any { return 1 }); err == nil {
		t.Error("a frame without the array filled without an error")
	}
}
