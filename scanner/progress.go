package scanner

import (
	"io/fs"
	"sync"
	"sync/atomic"
	"time"
)

// Progress is a snapshot of a running scan, for a progress line.
type Progress struct {
	Elapsed  time.Duration
	Scanners []ScannerProgress
}

// ScannerProgress is how far one scanner has got: the files it has opened
// of the files it matched (a scanner that reads files through its own
// library may open fewer; Done is then the scanner's end).
type ScannerProgress struct {
	Name        string
	Done, Total int
	Finished    bool
}

// WithProgress calls report every interval while the scanners run, and
// once more when they are done. It is called from one goroutine at a time.
func WithProgress(interval time.Duration, report func(Progress)) Option {
	return func(c *runConfig) {
		c.progressEvery, c.progress = interval, report
	}
}

// progressFS counts the first open of each file a scanner matched.
type progressFS struct {
	fs.FS
	mu     sync.Mutex
	want   map[string]bool
	opened atomic.Int64
}

func newProgressFS(fsys fs.FS, files []File) *progressFS {
	want := make(map[string]bool, len(files))
	for _, f := range files {
		want[f.Path] = true
	}
	return &progressFS{FS: fsys, want: want}
}

// count records the first open of a matched file.
func (p *progressFS) count(name string) {
	p.mu.Lock()
	if p.want[name] {
		delete(p.want, name)
		p.opened.Add(1)
	}
	p.mu.Unlock()
}

func (p *progressFS) Open(name string) (fs.File, error) {
	p.count(name)
	return p.FS.Open(name)
}

// ReadFile keeps fs.ReadFile's fast path when the wrapped FS has one.
func (p *progressFS) ReadFile(name string) ([]byte, error) {
	if rf, ok := p.FS.(fs.ReadFileFS); ok {
		p.count(name)
		return rf.ReadFile(name)
	}
	return fs.ReadFile(struct{ fs.FS }{p}, name)
}

// runProgress reports until stop is closed, then once more.
func runProgress(every time.Duration, report func(Progress), t0 time.Time, ss []Scanner, targets []Target, counters []*progressFS, finished []atomic.Bool, stop <-chan struct{}) {
	snap := func() Progress {
		p := Progress{Elapsed: time.Since(t0)}
		for i, s := range ss {
			done := int(counters[i].opened.Load())
			fin := finished[i].Load()
			if fin {
				done = len(targets[i].Files)
			}
			p.Scanners = append(p.Scanners, ScannerProgress{Name: s.Name(), Done: done, Total: len(targets[i].Files), Finished: fin})
		}
		return p
	}
	tick := time.NewTicker(max(every, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-stop:
			report(snap())
			return
		case <-tick.C:
			report(snap())
		}
	}
}
