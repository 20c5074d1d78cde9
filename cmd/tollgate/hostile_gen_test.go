package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The hostile inputs of issue #11, generated rather than committed: each
// is a few lines of code here and a small (or deliberately large) tree on
// disk. TestHostileInputs runs the CLI on each; TestWriteHostileTrees
// writes them to $TOLLGATE_HOSTILE_DIR for measuring by hand.

// hostileTree maps root-relative paths to contents.
type hostileTree map[string][]byte

// repeatPrefix marks a content written as a stream: "\x00repeat:N:" then
// the unit, repeated to N bytes. Large files are streamed so that the test
// process never grows: on Linux a child's peak RSS includes its parent's
// at the time of the fork (exec folds the old address space's high-water
// mark in), and the hostile tests measure the child.
const repeatPrefix = "\x00repeat:"

func writeTree(t testing.TB, dir string, tree hostileTree) int64 {
	t.Helper()
	var largest int64
	for p, b := range tree {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		n, err := writeContent(full, b)
		if err != nil {
			t.Fatal(err)
		}
		largest = max(largest, n)
	}
	return largest
}

func writeContent(path string, b []byte) (int64, error) {
	rest, ok := strings.CutPrefix(string(b), repeatPrefix)
	if !ok {
		return int64(len(b)), os.WriteFile(path, b, 0o644)
	}
	num, unit, _ := strings.Cut(rest, ":")
	size, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return 0, err
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	chunk := []byte(strings.Repeat(unit, 64<<10/len(unit)))
	var n int64
	for n+int64(len(chunk)) <= size {
		if _, err := f.Write(chunk); err != nil {
			f.Close()
			return n, err
		}
		n += int64(len(chunk))
	}
	return n, f.Close()
}

// yamlAliasBomb is a Kubernetes manifest of docs documents, each a
// ConfigMap whose data nests maps of aliases fan wide and depth deep: a
// document expands to about fan^(depth-1) alias values (4, 6: 7,268 per
// document, under the per-file budget; three of them are over it).
func yamlAliasBomb(docs, fan, depth int) []byte {
	var b strings.Builder
	for d := range docs {
		if d > 0 {
			b.WriteString("---\n")
		}
		fmt.Fprintf(&b, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb%d}\ndata:\n", d)
		fmt.Fprintf(&b, "  l0: &a%d_0 {", d)
		for k := range fan {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "k%d: v", k)
		}
		b.WriteString("}\n")
		for lv := 1; lv < depth; lv++ {
			fmt.Fprintf(&b, "  l%d: &a%d_%d {", lv, d, lv)
			for k := range fan {
				if k > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "k%d: *a%d_%d", k, d, lv-1)
			}
			b.WriteString("}\n")
		}
	}
	return []byte(b.String())
}

// tfJoinRange builds strings of fan^depth copies with join and range.
func tfJoinRange(fan, depth int) []byte {
	var b strings.Builder
	b.WriteString("locals {\n  l0 = \"xxxxxxxxxxxxxxxx\"\n")
	for lv := 1; lv <= depth; lv++ {
		fmt.Fprintf(&b, "  l%d = join(\",\", [for i in range(%d) : local.l%d])\n", lv, fan, lv-1)
	}
	fmt.Fprintf(&b, "}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.l%d\n}\n", depth)
	return []byte(b.String())
}

// tfModuleFanout is a root calling a module with count = fan, which calls
// the next with count = fan, depth times: fan^depth module instances.
func tfModuleFanout(fan, depth int) hostileTree {
	tree := hostileTree{}
	tree["main.tf"] = fmt.Appendf(nil, "module \"m\" {\n  source = \"./m1\"\n  count  = %d\n}\n", fan)
	for lv := 1; lv < depth; lv++ {
		tree[fmt.Sprintf("m%d/main.tf", lv)] = fmt.Appendf(nil, "module \"m\" {\n  source = \"../m%d\"\n  count  = %d\n}\n", lv+1, fan)
	}
	tree[fmt.Sprintf("m%d/main.tf", depth)] = []byte("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n")
	return tree
}

// tfCount is one resource with a huge count.
func tfCount(n int) []byte {
	return fmt.Appendf(nil, "resource \"aws_s3_bucket\" \"b\" {\n  count  = %d\n  bucket = \"b-${count.index}\"\n}\n", n)
}

// tfManyCounts is n resources with count = each.
func tfManyCounts(n, each int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "resource \"aws_s3_bucket\" \"b%d\" {\n  count  = %d\n  bucket = \"b%d-${count.index}\"\n}\n", i, each, i)
	}
	return []byte(b.String())
}

// bigDockerfile is about size bytes of RUN instructions.
func bigDockerfile(size int) []byte {
	var b strings.Builder
	b.WriteString("FROM alpine:3.20\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "RUN echo step %d && apk add --no-cache curl wget git\n", i)
	}
	b.WriteString("USER 1000\n")
	return []byte(b.String())
}

// manyK8sDocs is one manifest of n small Deployments.
func manyK8sDocs(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app%d
spec:
  template:
    spec:
      containers:
        - name: c
          image: nginx
`, i)
	}
	return []byte(b.String())
}

// singleLine is size bytes of one line that a secrets keyword matches at
// (almost) every byte.
func singleLine(size int, unit string) []byte {
	return fmt.Appendf(nil, "%s%d:%s", repeatPrefix, size, unit)
}

// yarnLockWithNUL is a yarn v1 lockfile with a NUL byte in its first line.
func yarnLockWithNUL() []byte {
	return []byte("# yarn lockfile v1\x00\n\n\nlodash@^4.17.20:\n  version \"4.17.20\"\n  resolved \"https://example.invalid/lodash-4.17.20.tgz\"\n  integrity sha512-fake\n")
}

// workflowWithNUL is a privileged GitHub workflow with a NUL byte.
func workflowWithNUL() []byte {
	return []byte("name: ci\x00\non: pull_request_target\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n")
}

func TestWriteHostileTrees(t *testing.T) {
	dir := os.Getenv("TOLLGATE_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set TOLLGATE_HOSTILE_DIR to write the hostile trees")
	}
	for _, c := range hostileCases() {
		writeTree(t, filepath.Join(dir, c.name), c.tree())
	}
}
