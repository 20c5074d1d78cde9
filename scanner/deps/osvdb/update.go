package osvdb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// maxArchiveBytes bounds one download; the largest OSV export archives
// are a few hundred MB.
const maxArchiveBytes = 4 << 30

// UpdateOptions tune Update. The zero value is usable.
type UpdateOptions struct {
	// BaseURL defaults to DefaultBaseURL.
	BaseURL string
	// Client defaults to an http.Client with a 10 minute timeout.
	Client *http.Client
	// Now defaults to time.Now; it stamps fetched_at.
	Now func() time.Time
	// Attempts per ecosystem on network errors and 429/5xx; default 3.
	Attempts int
	// Backoff before the second attempt, doubled after; default 1s.
	Backoff time.Duration
}

// Updated reports one ecosystem's update.
type Updated struct {
	Ecosystem  string
	Advisories int
	Bytes      int64
	Err        error
}

// Update downloads <base>/<Ecosystem>/all.zip for each ecosystem into
// dir, validates it and atomically replaces the installed archive. An
// ecosystem that fails keeps its previous archive and metadata; the
// returned error joins every failure, and the slice reports each one.
func Update(ctx context.Context, dir string, ecosystems []string, opts UpdateOptions) ([]Updated, error) {
	if opts.BaseURL == "" {
		opts.BaseURL = DefaultBaseURL
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 10 * time.Minute}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Attempts <= 0 {
		opts.Attempts = 3
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if len(ecosystems) == 0 {
		ecosystems = DefaultEcosystems()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("db update: %w", err)
	}
	meta, err := ReadMetadata(dir)
	if err != nil {
		return nil, err
	}
	var out []Updated
	var errs []error
	for _, eco := range ecosystems {
		eco = strings.TrimSpace(eco)
		if eco == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return out, err
		}
		u := Updated{Ecosystem: eco}
		m, err := updateOne(ctx, dir, eco, opts)
		if err != nil {
			u.Err = fmt.Errorf("%s: %w", eco, err)
			errs = append(errs, u.Err)
		} else {
			u.Advisories, u.Bytes = m.Advisories, m.Bytes
			meta.Ecosystems[eco] = m
			// Record each success as it lands, so a later failure or an
			// interrupt does not lose it.
			if err := writeMetadata(dir, meta); err != nil {
				errs = append(errs, err)
			}
		}
		out = append(out, u)
	}
	return out, errors.Join(errs...)
}

func updateOne(ctx context.Context, dir, eco string, opts UpdateOptions) (EcosystemMetadata, error) {
	if strings.ContainsAny(eco, `/\`) || eco == "." || eco == ".." {
		return EcosystemMetadata{}, fmt.Errorf("invalid ecosystem name %q", eco)
	}
	u := strings.TrimRight(opts.BaseURL, "/") + "/" + url.PathEscape(eco) + "/" + zipName
	dst := ZipPath(dir, eco)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return EcosystemMetadata{}, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".all.zip.tmp-*")
	if err != nil {
		return EcosystemMetadata{}, err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	defer tmp.Close()

	var size int64
	var sum string
	backoff := opts.Backoff
	for attempt := 1; ; attempt++ {
		size, sum, err = download(ctx, opts.Client, u, tmp)
		if err == nil {
			break
		}
		var re retryableError
		if attempt >= opts.Attempts || !errors.As(err, &re) {
			return EcosystemMetadata{}, err
		}
		select {
		case <-ctx.Done():
			return EcosystemMetadata{}, ctx.Err()
		case <-time.After(backoff):
		}
		backoff *= 2
	}
	if err := tmp.Sync(); err != nil {
		return EcosystemMetadata{}, err
	}
	if err := tmp.Close(); err != nil {
		return EcosystemMetadata{}, err
	}
	n, err := Validate(tmp.Name())
	if err != nil {
		return EcosystemMetadata{}, fmt.Errorf("downloaded archive rejected, previous database kept: %w", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return EcosystemMetadata{}, err
	}
	// The index is derived from the zip just installed; scans verify it
	// and rebuild it if it is missing, stale or corrupt.
	ix, err := BuildIndex(ctx, dst)
	if err != nil {
		return EcosystemMetadata{}, fmt.Errorf("index the new archive: %w", err)
	}
	if err := ix.WriteIndex(IndexPath(dst)); err != nil {
		return EcosystemMetadata{}, err
	}
	// Records of the previous zip would only be found stale and rewritten.
	_ = os.Remove(RecordsPath(IndexPath(dst)))
	return EcosystemMetadata{FetchedAt: opts.Now().UTC(), URL: u, Advisories: n, Bytes: size, SHA256: sum}, nil
}

type retryableError struct{ error }

func (e retryableError) Unwrap() error { return e.error }

// download writes the body of u into f (truncating it first).
func download(ctx context.Context, c *http.Client, u string, f *os.File) (int64, string, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, "", err
	}
	if err := f.Truncate(0); err != nil {
		return 0, "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("User-Agent", "tollgate")
	resp, err := c.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, "", ctx.Err()
		}
		return 0, "", retryableError{fmt.Errorf("download %s: %w", u, err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		err := fmt.Errorf("download %s: %s", u, resp.Status)
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			return 0, "", retryableError{err}
		}
		return 0, "", err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(resp.Body, maxArchiveBytes+1))
	if err != nil {
		return 0, "", retryableError{fmt.Errorf("download %s: %w", u, err)}
	}
	if n > maxArchiveBytes {
		return 0, "", fmt.Errorf("download %s: larger than %d bytes", u, int64(maxArchiveBytes))
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return 0, "", retryableError{fmt.Errorf("download %s: got %d of %d bytes", u, n, resp.ContentLength)}
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}
