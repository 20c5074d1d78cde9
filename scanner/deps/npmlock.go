package deps

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"slices"
	"sort"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/osv"
	scalibrfs "github.com/google/osv-scalibr/fs"
	"github.com/tidwall/gjson"
)

// npmChunkThreshold is the package-lock.json size above which the
// "packages" map is handed to the extractor in chunks (see
// extractPackageLockChunked).
const npmChunkThreshold = 256 << 10

// npmChunkEntries is the number of "packages" entries per chunk.
const npmChunkEntries = 256

// extractPackageLockChunked runs osv-scalibr's package-lock.json
// extractor on a large lockfile (v2/v3, with a "packages" map) in chunks
// of entries, with the same results and the same line numbers.
//
// Why: the extractor finds each package's line with a JSON path query over
// the whole document, which scans from the top every time, so its cost
// grows with the square of the lockfile (60% of a 10,000-package scan).
// Here one pass records the line of every entry, each chunk document has
// one entry per line (so the line the extractor reports names the entry),
// and the extractor's own parsing and semantics are kept. The extractor
// merges duplicates of a name and version within one document; merging
// across chunks follows its rule (no dependency group wins: production).
//
// ok is false when the file is not such a lockfile; the caller then runs
// the extractor on it as it is.
func extractPackageLockChunked(ctx context.Context, sfs scalibrfs.FS, root, p string, e filesystem.Extractor) (pkgs []*extractor.Package, ok bool, err error) {
	return chunkPackageLock(ctx, sfs, root, p, e, npmChunkThreshold)
}

// chunkPackageLock is extractPackageLockChunked with the size threshold
// as a parameter (the fuzz target uses 0).
func chunkPackageLock(ctx context.Context, sfs scalibrfs.FS, root, p string, e filesystem.Extractor, threshold int64) (pkgs []*extractor.Package, ok bool, err error) {
	f, err := sfs.Open(p)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() < threshold {
		return nil, false, err
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, false, err
	}
	packages := gjson.GetBytes(b, "packages")
	if !gjson.ValidBytes(b) || !packages.IsObject() {
		return nil, false, nil
	}
	version := gjson.GetBytes(b, "lockfileVersion").Raw
	if version == "" {
		version = "3"
	}
	type entry struct {
		key, value string
		line       int
	}
	var entries []entry
	lines := newOffsetLines(b)
	packages.ForEach(func(k, v gjson.Result) bool {
		// v.Index is the value's offset in the whole file: the offset the
		// extractor's line finder reports for this entry.
		entries = append(entries, entry{key: k.Raw, value: v.Raw, line: lines.lineOf(v.Index)})
		return true
	})

	merged := map[string]*extractor.Package{}
	var order []string
	var doc, compact bytes.Buffer
	for start := 0; start < len(entries); start += npmChunkEntries {
		if err := ctx.Err(); err != nil {
			return nil, true, err
		}
		chunk := entries[start:min(start+npmChunkEntries, len(entries))]
		doc.Reset()
		doc.WriteString(`{"lockfileVersion":` + version + `,"packages":{` + "\n")
		for i, en := range chunk {
			compact.Reset()
			if err := json.Compact(&compact, []byte(en.value)); err != nil {
				return nil, true, err
			}
			if i > 0 {
				doc.WriteString(",\n")
			}
			doc.WriteString(en.key + ":")
			doc.Write(compact.Bytes())
		}
		doc.WriteString("\n}}\n")
		inv, err := e.Extract(ctx, &filesystem.ScanInput{FS: sfs, Path: p, Root: root, Info: info, Reader: bytes.NewReader(doc.Bytes())})
		if err != nil {
			return nil, true, err
		}
		for _, pkg := range inv.Packages {
			// Line 2 of the chunk is its first entry.
			if d := pkg.Location.Descriptor; d != nil && d.File != nil {
				if i := d.File.LineNumber - 2; i >= 0 && i < len(chunk) {
					d.File.LineNumber = chunk[i].line
				}
			}
			key := pkg.Name + "@" + pkg.Version
			if pkg.SourceCode != nil {
				key += "#" + pkg.SourceCode.Commit
			}
			prev, dup := merged[key]
			if !dup {
				merged[key] = pkg
				order = append(order, key)
				continue
			}
			mergeNpmDuplicate(prev, pkg)
		}
	}
	out := make([]*extractor.Package, 0, len(order))
	for _, k := range order {
		out = append(out, merged[k])
	}
	return out, true, nil
}

// mergeNpmDuplicate folds b into a as the extractor folds duplicates:
// dependency groups merge, and no group (production) wins; the first
// line is kept.
func mergeNpmDuplicate(a, b *extractor.Package) {
	if la, lb := lineOfPkg(a), lineOfPkg(b); lb > 0 && (la == 0 || lb < la) {
		a.Location = b.Location
	}
	ga, _ := a.Metadata.(*osv.DepGroupMetadata)
	gb, _ := b.Metadata.(*osv.DepGroupMetadata)
	if ga == nil || gb == nil {
		return
	}
	if len(ga.DepGroupVals) == 0 || len(gb.DepGroupVals) == 0 {
		ga.DepGroupVals = []string{}
		return
	}
	ga.DepGroupVals = slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(ga.DepGroupVals), gb.DepGroupVals...))))
}

func lineOfPkg(p *extractor.Package) int {
	if d := p.Location.Descriptor; d != nil && d.File != nil {
		return d.File.LineNumber
	}
	return 0
}

// offsetLines maps byte offsets to 1-based line numbers.
type offsetLines []int

func newOffsetLines(b []byte) offsetLines {
	ls := offsetLines{0}
	for i, c := range b {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

func (ls offsetLines) lineOf(off int) int {
	return sort.Search(len(ls), func(i int) bool { return ls[i] > off })
}
