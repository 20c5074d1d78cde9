package deps

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// ErrNoDatabase is wrapped when an ecosystem the scan needs has no
// archive in the offline database.
var ErrNoDatabase = errors.New("no offline advisory database for ecosystem")

// localDB lazily loads and indexes ecosystem archives from an osv-scanner
// layout directory. It never touches the network.
type localDB struct {
	dir  string
	mu   sync.Mutex
	ecos map[string]*ecoIndex
}

// ecoIndex holds one ecosystem's advisories indexed by normalized
// affected package name.
type ecoIndex struct {
	byName map[string][]*osvschema.Vulnerability
	count  int
	err    error
	once   sync.Once
}

func newLocalDB(dir string) *localDB {
	return &localDB{dir: dir, ecos: map[string]*ecoIndex{}}
}

func (db *localDB) loaded(eco string) bool {
	db.mu.Lock()
	defer db.mu.Unlock()
	idx, ok := db.ecos[eco]
	return ok && idx.err == nil
}

// missing returns the ecosystems asked for that have no archive, sorted.
func (db *localDB) missing() []string {
	db.mu.Lock()
	defer db.mu.Unlock()
	var out []string
	for eco, idx := range db.ecos {
		if errors.Is(idx.err, ErrNoDatabase) {
			out = append(out, eco)
		}
	}
	sort.Strings(out)
	return out
}

// installed reports whether the directory holds any ecosystem archive.
func (db *localDB) installed() bool {
	st, err := osvdb.Status(db.dir, time.Time{})
	return err == nil && len(st) > 0
}

// get returns the index of an ecosystem, loading it on first use.
// need, when not nil, holds the name keys of the packages being scanned;
// advisories that name none of them are not decoded.
func (db *localDB) get(ctx context.Context, eco string, need map[string]bool) (*ecoIndex, error) {
	db.mu.Lock()
	idx, ok := db.ecos[eco]
	if !ok {
		idx = &ecoIndex{}
		db.ecos[eco] = idx
	}
	db.mu.Unlock()
	idx.once.Do(func() { idx.err = idx.load(ctx, db.dir, eco, need) })
	return idx, idx.err
}

func (idx *ecoIndex) load(ctx context.Context, dir, eco string, need map[string]bool) error {
	p, err := osvdb.Find(dir, eco)
	if err != nil {
		return fmt.Errorf("%w %s in %s (run `tollgate db update --ecosystems %s`)", ErrNoDatabase, eco, dir, eco)
	}
	// Read entries from the file rather than slurping it: the public npm
	// archive is hundreds of MB.
	zr, err := zip.OpenReader(p)
	if err != nil {
		return fmt.Errorf("advisory database %s: %w", p, err)
	}
	defer zr.Close()
	files := make([]*zip.File, 0, len(zr.File))
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".json") {
			files = append(files, f)
		}
	}
	// Decoding JSON dominates load time; spread it over the CPUs.
	vulns := make([]*osvschema.Vulnerability, len(files))
	errs := make([]error, len(files))
	workers := max(1, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			opts := protojson.UnmarshalOptions{DiscardUnknown: true}
			for i := w; i < len(files); i += workers {
				if ctx.Err() != nil {
					return
				}
				vulns[i], errs[i] = decodeEntry(opts, files[i], eco, need)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	idx.byName = make(map[string][]*osvschema.Vulnerability, len(files))
	for i, v := range vulns {
		if errs[i] != nil || v == nil || v.GetWithdrawn() != nil {
			// A record we cannot read is skipped like osv-scanner does;
			// withdrawn advisories never match.
			continue
		}
		idx.count++
		normalizePyPINames(v)
		seen := map[string]bool{}
		for _, a := range v.GetAffected() {
			for _, k := range nameKeys(a.GetPackage().GetEcosystem(), a.GetPackage().GetName()) {
				if !seen[k] {
					seen[k] = true
					idx.byName[k] = append(idx.byName[k], v)
				}
			}
		}
	}
	return nil
}

func decodeEntry(opts protojson.UnmarshalOptions, f *zip.File, eco string, need map[string]bool) (*osvschema.Vulnerability, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	if need != nil && !namesAny(b, eco, need) {
		return nil, nil
	}
	v := &osvschema.Vulnerability{}
	if err := opts.Unmarshal(b, v); err != nil {
		return nil, err
	}
	return v, nil
}

var pythonNameSep = regexp.MustCompile(`[-_.]+`)

// nameKeys are the index keys of a package name: case-folded, and for
// PyPI normalized per PEP 503. They only pick candidates; the exact
// comparison is osv-scalibr's.
func nameKeys(ecosystem, name string) []string {
	base, _, _ := strings.Cut(ecosystem, ":")
	k := strings.ToLower(name)
	if base == "PyPI" {
		return []string{pythonNameSep.ReplaceAllLiteralString(k, "-")}
	}
	return []string{k}
}

// normalizePyPINames rewrites PyPI package names in affected entries to
// their PEP 503 form, the form osv-scalibr compares installed names in,
// so that an advisory spelling "Django" still matches "django".
func normalizePyPINames(v *osvschema.Vulnerability) {
	for _, a := range v.GetAffected() {
		p := a.GetPackage()
		if p == nil || baseEcosystem(p.GetEcosystem()) != "PyPI" {
			continue
		}
		p.Name = pythonNameSep.ReplaceAllLiteralString(strings.ToLower(p.GetName()), "-")
	}
}

// namesAny is a cheap pre-filter on an advisory's raw JSON: it reports
// whether any "name" string value (affected package names among them)
// has a key in need. It errs towards true: an escaped string counts as a
// hit, so the full decoder and matcher decide.
func namesAny(b []byte, eco string, need map[string]bool) bool {
	key := []byte(`"name"`)
	for {
		i := bytes.Index(b, key)
		if i < 0 {
			return false
		}
		b = b[i+len(key):]
		j := 0
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
			j++
		}
		if j >= len(b) || b[j] != ':' {
			continue
		}
		j++
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
			j++
		}
		if j >= len(b) || b[j] != '"' {
			continue
		}
		end := bytes.IndexByte(b[j+1:], '"')
		if end < 0 {
			return true
		}
		val := b[j+1 : j+1+end]
		if bytes.IndexByte(val, '\\') >= 0 {
			return true
		}
		for _, k := range nameKeys(eco, string(val)) {
			if need[k] {
				return true
			}
		}
		b = b[j+1+end:]
	}
}
