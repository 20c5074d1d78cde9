package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// osvDB finds the shared OSV database; tests skip when it is absent.
func osvDB(t *testing.T) string {
	t.Helper()
	for _, d := range []string{"../../../shared/osv-db", "../../../../shared/osv-db"} {
		if exists(d) {
			return d
		}
	}
	t.Skip("no shared OSV database")
	return ""
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The same seed and size give the same tree byte for byte; another seed
// gives another tree. Every kind of input is there.
func TestGenerateIsReproducible(t *testing.T) {
	db := osvDB(t)
	dirs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	for i, seed := range []uint64{7, 7, 8} {
		st, err := generate(dirs[i], seed, 3_000_000, db)
		if err != nil {
			t.Fatal(err)
		}
		if st.bytes < 3_000_000 || st.deps == 0 || st.vulnerable == 0 || st.secrets == 0 {
			t.Errorf("seed %d: stats %+v", seed, st)
		}
	}
	a, b, c := readTree(t, dirs[0]), readTree(t, dirs[1]), readTree(t, dirs[2])
	if len(a) != len(b) {
		t.Fatalf("same seed: %d vs %d files", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Fatalf("same seed, %s differs", p)
		}
	}
	same := len(a) == len(c)
	for p, data := range a {
		same = same && bytes.Equal(data, c[p])
	}
	if same {
		t.Error("seeds 7 and 8 gave the same tree")
	}
	kinds := map[string]bool{}
	for p := range a {
		for _, k := range []string{"package-lock.json", "requirements.txt", "go.mod", ".tf", "deploy/k8s/", "Dockerfile", ".github/workflows/", ".gitlab-ci.yml", ".env", ".go", ".py"} {
			if strings.Contains(p, k) {
				kinds[k] = true
			}
		}
	}
	if len(kinds) != 11 {
		t.Errorf("kinds of files present: %v", kinds)
	}
	if _, err := generate(dirs[0], 1, 1000, db); err == nil {
		t.Error("generate wrote into a non-empty directory")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1100MB": 1_100_000_000, "1.5GB": 1_500_000_000, "20kb": 20_000, "512": 512} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "-1MB", "lots"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
}

func TestGoModuleVersionOK(t *testing.T) {
	for _, c := range []struct {
		path, v string
		ok      bool
	}{
		{"github.com/a/b", "v1.2.3", true},
		{"github.com/a/b", "v0.1.0", true},
		{"github.com/protocolbuffers/protobuf", "v3.14.0", false},
		{"github.com/a/b/v3", "v3.14.0", true},
		{"gopkg.in/yaml.v2", "v2.2.7", true},
		{"github.com/a/b", "", false},
	} {
		if got := goModuleVersionOK(c.path, c.v); got != c.ok {
			t.Errorf("goModuleVersionOK(%q, %q) = %v", c.path, c.v, got)
		}
	}
}
