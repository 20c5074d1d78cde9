package deps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// ErrNoDatabase is wrapped when an ecosystem the scan needs has no
// archive in the offline database.
var ErrNoDatabase = errors.New("no offline advisory database for ecosystem")

// localDB lazily loads and indexes ecosystem archives from an osv-scanner
// layout directory. It never touches the network.
type localDB struct {
	dir string
	// cacheDir holds indexes of databases tollgate does not manage
	// (see osvdb.IndexLocation).
	cacheDir string
	mu       sync.Mutex
	ecos     map[string]*ecoIndex
}

// ecoIndex holds one ecosystem's advisories indexed by normalized
// affected package name.
type ecoIndex struct {
	byName map[string][]*osvschema.Vulnerability
	count  int
	index  *osvdb.OpenedIndex
	// fromRecords counts the advisories read from the records rather
	// than the JSON; recordsErr is why new records could not be stored.
	fromRecords int
	recordsErr  error
	err         error
	once        sync.Once
}

func newLocalDB(dir, cacheDir string) *localDB {
	return &localDB{dir: dir, cacheDir: cacheDir, ecos: map[string]*ecoIndex{}}
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

// indexInfo describes how an ecosystem's advisory index was obtained
// (osvdb.IndexState) and where it is kept, for the scan's stats.
func (db *localDB) indexInfo(eco string) map[string]any {
	db.mu.Lock()
	defer db.mu.Unlock()
	idx, ok := db.ecos[eco]
	if !ok || idx.index == nil {
		return nil
	}
	m := map[string]any{"index_state": string(idx.index.State), "index_path": idx.index.Path}
	if idx.index.WriteErr != nil {
		m["index_write_error"] = idx.index.WriteErr.Error()
	}
	if idx.recordsErr != nil {
		m["records_write_error"] = idx.recordsErr.Error()
	}
	return m
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
	idx.once.Do(func() { idx.err = idx.load(ctx, db.dir, db.cacheDir, eco, need) })
	return idx, idx.err
}

func (idx *ecoIndex) load(ctx context.Context, dir, cacheDir, eco string, need map[string]bool) error {
	p, err := osvdb.Find(dir, eco)
	if err != nil {
		return fmt.Errorf("%w %s in %s (run `tollgate db update --ecosystems %s`)", ErrNoDatabase, eco, dir, eco)
	}
	// The index (see osvdb.OpenIndex) names the advisories of each
	// package; only those of the scanned packages are read and decoded.
	oi, err := osvdb.OpenIndex(ctx, p, cacheDir)
	if err != nil {
		return fmt.Errorf("advisory database %s: %w", p, err)
	}
	idx.index = oi
	zf, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("advisory database %s: %w", p, err)
	}
	defer zf.Close()
	var ids []int
	if need == nil {
		ids = make([]int, oi.Advisories())
		for i := range ids {
			ids[i] = i
		}
	} else {
		ids = oi.Lookup(need)
	}
	// Advisories an earlier scan decoded come from the records (see
	// osvdb.Records), the others from the zip's JSON; decoding dominates
	// load time, so it is spread over the CPUs.
	recPath := ""
	if oi.Path != "" {
		recPath = osvdb.RecordsPath(oi.Path)
	}
	recs := osvdb.NewRecords(oi.Index)
	if recPath != "" {
		recs, _ = osvdb.ReadRecords(recPath, oi.Index) // invalid: decode the JSON, rewrite
	}
	defer recs.Close()
	vulns := make([]*osvschema.Vulnerability, len(ids))
	enc := make([][]byte, len(ids)) // new records
	fromRecords := make([]bool, len(ids))
	errs := make([]error, len(ids))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(ids)/8))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			opts := protojson.UnmarshalOptions{DiscardUnknown: true}
			rr := recs.Reader() // decoding copies what it keeps: one buffer serves every record
			for i := w; i < len(ids); i += workers {
				if ctx.Err() != nil {
					return
				}
				if vulns[i] = decodeRecord(rr.Get(ids[i])); vulns[i] != nil {
					fromRecords[i] = true
					continue
				}
				vulns[i], errs[i] = decodeEntry(opts, oi.Index, zf, ids[i])
				if vulns[i] != nil && recPath != "" {
					enc[i], _ = proto.MarshalOptions{Deterministic: true}.Marshal(vulns[i])
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, b := range enc {
		if b != nil {
			recs.Add(ids[i], b)
		}
		if fromRecords[i] {
			idx.fromRecords++
		}
	}
	if recs.Changed() {
		idx.recordsErr = recs.Write(recPath)
	}
	idx.count = oi.Advisories()
	idx.byName = make(map[string][]*osvschema.Vulnerability, len(ids))
	for i, v := range vulns {
		if errs[i] != nil {
			// The index was verified against the zip, so a read error
			// here means the zip changed during the scan or is damaged.
			return fmt.Errorf("advisory database %s: %w", p, errs[i])
		}
		if v == nil || v.GetWithdrawn() != nil {
			// A record we cannot decode is skipped like osv-scanner does;
			// withdrawn advisories never match.
			continue
		}
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

// decodeRecord decodes a record (protobuf wire format of the advisory
// as decoded from its JSON); nil when there is none or it does not
// decode, and the JSON is read instead.
func decodeRecord(b []byte) *osvschema.Vulnerability {
	if b == nil {
		return nil
	}
	v := &osvschema.Vulnerability{}
	if proto.Unmarshal(b, v) != nil {
		return nil
	}
	return v
}

func decodeEntry(opts protojson.UnmarshalOptions, ix *osvdb.Index, zf io.ReaderAt, n int) (*osvschema.Vulnerability, error) {
	b, err := ix.Read(zf, n)
	if err != nil {
		return nil, err
	}
	v := &osvschema.Vulnerability{}
	if opts.Unmarshal(b, v) != nil {
		return nil, nil
	}
	return v, nil
}

// nameKeys are the index keys of a package name: case-folded, and for
// PyPI normalized per PEP 503. They only pick candidates; the exact
// comparison is osv-scalibr's.
func nameKeys(ecosystem, name string) []string {
	return []string{osvdb.NameKey(ecosystem, name)}
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
		p.Name = osvdb.PyPIName(p.GetName())
	}
}
