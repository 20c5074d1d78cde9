package tollgate_test

import (
	"os"
	"strings"
	"testing"
)

// TestREADMELibraryExampleIsExampleScan keeps the README's library example
// and the runnable ExampleScan identical, so the example compiles as pasted.
func TestREADMELibraryExampleIsExampleScan(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("scan_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	sec := string(readme)
	i := strings.Index(sec, "## Use it as a library")
	if i < 0 {
		t.Fatal("README has no library section")
	}
	sec = sec[i:]
	start := strings.Index(sec, "```go\n")
	end := strings.Index(sec[start+6:], "```")
	if start < 0 || end < 0 {
		t.Fatal("no Go block in the library section")
	}
	block := normalize(sec[start+6 : start+6+end])
	body := string(src)
	body = body[strings.Index(body, "func ExampleScan() {")+len("func ExampleScan() {") : strings.Index(body, "// Output:")]
	if normalize(body) != block {
		t.Errorf("README library example differs from ExampleScan:\nREADME:\n%s\nExampleScan:\n%s", block, normalize(body))
	}
}

func normalize(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
