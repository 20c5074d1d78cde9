package deps

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
	"github.com/tollgate-dev/tollgate/scanner"
	"google.golang.org/protobuf/encoding/protojson"
)

// The OSV API (https://google.github.io/osv.dev/api/): one querybatch
// call per BatchSize packages returns advisory ids; each advisory is then
// fetched once from /v1/vulns/{id} to get ranges, severities and aliases.

type apiQuery struct {
	Package   apiPackage `json:"package"`
	Version   string     `json:"version,omitempty"`
	PageToken string     `json:"page_token,omitempty"`
}

type apiPackage struct {
	Name      string `json:"name"`
	Ecosystem string `json:"ecosystem"`
}

type batchRequest struct {
	Queries []apiQuery `json:"queries"`
}

type batchResponse struct {
	Results []struct {
		Vulns []struct {
			ID string `json:"id"`
		} `json:"vulns"`
		NextPageToken string `json:"next_page_token"`
	} `json:"results"`
}

// maxPages bounds pagination per package, against a misbehaving server.
const maxPages = 50

// Deadlines of the OSV API: a hung server must not hold the scan in
// silence for minutes. Both end with an error naming the endpoint.
const (
	// DefaultRequestTimeout bounds one request (Options.RequestTimeout).
	DefaultRequestTimeout = 30 * time.Second
	// DefaultAPITimeout bounds all requests of a scan (Options.APITimeout).
	DefaultAPITimeout = 3 * time.Minute
)

func orDefault(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

func (s *Scanner) matchOnline(ctx context.Context, deps []dep) (map[pkgKey][]*osvschema.Vulnerability, error) {
	// A package without a version (an unpinned requirement) is queried
	// by name alone, which returns every advisory for it: the same
	// "assume affected" rule the offline matcher applies.
	uniq := uniquePackages(deps)
	if len(uniq) == 0 {
		return nil, nil
	}
	base := strings.TrimRight(s.opts.APIBaseURL, "/")
	ctx, cancel := scanner.WithDeadline(ctx, orDefault(s.opts.APITimeout, DefaultAPITimeout), "OSV API at "+base, "--osv-timeout")
	defer cancel()

	// 1. querybatch, batches in parallel (bounded).
	ids := make([][]string, len(uniq))
	var batches [][2]int
	for i := 0; i < len(uniq); i += s.opts.BatchSize {
		batches = append(batches, [2]int{i, min(i+s.opts.BatchSize, len(uniq))})
	}
	err := s.parallel(ctx, len(batches), func(ctx context.Context, b int) error {
		lo, hi := batches[b][0], batches[b][1]
		return s.queryBatch(ctx, base, uniq[lo:hi], ids[lo:hi])
	})
	if err != nil {
		return nil, err
	}

	// 2. fetch each advisory once.
	set := map[string]bool{}
	for _, l := range ids {
		for _, id := range l {
			set[id] = true
		}
	}
	all := make([]string, 0, len(set))
	for id := range set {
		all = append(all, id)
	}
	sort.Strings(all)
	recs := make([]*osvschema.Vulnerability, len(all))
	err = s.parallel(ctx, len(all), func(ctx context.Context, i int) error {
		v, err := s.fetchVuln(ctx, base, all[i])
		recs[i] = v
		return err
	})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*osvschema.Vulnerability, len(all))
	for i, id := range all {
		normalizePyPINames(recs[i])
		byID[id] = recs[i]
	}
	out := map[pkgKey][]*osvschema.Vulnerability{}
	for i, d := range uniq {
		for _, id := range ids[i] {
			if v := byID[id]; v != nil && v.GetWithdrawn() == nil {
				out[d.key()] = append(out[d.key()], v)
			}
		}
	}
	return out, nil
}

// queryBatch fills ids[i] with the advisory ids for pkgs[i], following
// per-query pagination.
func (s *Scanner) queryBatch(ctx context.Context, base string, pkgs []dep, ids [][]string) error {
	queries := make([]apiQuery, len(pkgs))
	idx := make([]int, len(pkgs))
	for i, d := range pkgs {
		queries[i] = apiQuery{Package: apiPackage{Name: d.name, Ecosystem: d.ecosystem}, Version: d.version}
		idx[i] = i
	}
	for page := 0; len(queries) > 0; page++ {
		if page >= maxPages {
			return fmt.Errorf("osv querybatch: more than %d pages", maxPages)
		}
		var resp batchResponse
		if err := s.doJSON(ctx, http.MethodPost, base+"/v1/querybatch", batchRequest{Queries: queries}, &resp); err != nil {
			return err
		}
		if len(resp.Results) != len(queries) {
			return fmt.Errorf("osv querybatch: %d results for %d queries", len(resp.Results), len(queries))
		}
		var nextQ []apiQuery
		var nextIdx []int
		for j, r := range resp.Results {
			for _, v := range r.Vulns {
				ids[idx[j]] = append(ids[idx[j]], v.ID)
			}
			if r.NextPageToken != "" {
				q := queries[j]
				q.PageToken = r.NextPageToken
				nextQ = append(nextQ, q)
				nextIdx = append(nextIdx, idx[j])
			}
		}
		queries, idx = nextQ, nextIdx
	}
	return nil
}

func (s *Scanner) fetchVuln(ctx context.Context, base, id string) (*osvschema.Vulnerability, error) {
	var raw json.RawMessage
	if err := s.doJSON(ctx, http.MethodGet, base+"/v1/vulns/"+url.PathEscape(id), nil, &raw); err != nil {
		return nil, err
	}
	v := &osvschema.Vulnerability{}
	if err := (protojson.UnmarshalOptions{DiscardUnknown: true}).Unmarshal(raw, v); err != nil {
		return nil, fmt.Errorf("osv advisory %s: %w", id, err)
	}
	return v, nil
}

// parallel runs fn(0..n-1) with at most Concurrency in flight and
// returns the first error, cancelling the rest.
func (s *Scanner) parallel(ctx context.Context, n int, fn func(context.Context, int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, s.opts.Concurrency)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for i := range n {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := fn(ctx, i); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// maxResponseBytes bounds one API response.
const maxResponseBytes = 256 << 20

type statusError struct {
	code int
	url  string
	body string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("osv api %s: HTTP %d: %s", e.url, e.code, e.body)
}

func retryable(code int) bool { return code == http.StatusTooManyRequests || code >= 500 }

// doJSON performs one API call with retries and exponential backoff on
// network errors, 429 and 5xx (honouring Retry-After up to 30 s).
func (s *Scanner) doJSON(ctx context.Context, method, u string, in, out any) error {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return err
		}
	}
	backoff := s.opts.Backoff
	var lastErr error
	for attempt := 0; attempt <= s.opts.Retries; attempt++ {
		if attempt > 0 {
			wait := backoff
			var se *statusError
			if errors.As(lastErr, &se) && se.code == http.StatusTooManyRequests {
				if ra := retryAfter(lastErr); ra > 0 {
					wait = ra
				}
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("osv api %s %s: %w (last error: %w)", method, u, scanner.Cause(ctx), lastErr)
			case <-time.After(wait):
			}
			backoff *= 2
		}
		var retry bool
		retry, lastErr = s.doOnce(ctx, method, u, body, out)
		if lastErr == nil || !retry {
			return lastErr
		}
		if ctx.Err() != nil {
			return fmt.Errorf("osv api %s %s: %w", method, u, scanner.Cause(ctx))
		}
		s.log.Debug("osv api retry", "url", u, "attempt", attempt+1, "err", lastErr)
	}
	return fmt.Errorf("after %d attempts: %w", s.opts.Retries+1, lastErr)
}

type retryAfterError struct {
	*statusError
	after time.Duration
}

func (e *retryAfterError) Unwrap() error { return e.statusError }

func retryAfter(err error) time.Duration {
	var ra *retryAfterError
	if errors.As(err, &ra) {
		return ra.after
	}
	return 0
}

func (s *Scanner) doOnce(ctx context.Context, method, u string, body []byte, out any) (retry bool, err error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	rctx, cancel := scanner.WithDeadline(ctx, orDefault(s.opts.RequestTimeout, DefaultRequestTimeout), "request", "--osv-request-timeout")
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u, rd)
	if err != nil {
		return false, err
	}
	// net/http reports a bare "context deadline exceeded"; say which
	// limit it was, and keep retrying only on this request's own one.
	timedOut := func(err error) error {
		if de, ok := scanner.DeadlineOf(rctx, err); ok && ctx.Err() == nil {
			return fmt.Errorf("osv api %s %s: %w", method, u, de)
		}
		return fmt.Errorf("osv api %s %s: %w", method, u, err)
	}
	req.Header.Set("User-Agent", "tollgate")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.opts.HTTPClient.Do(req)
	if err != nil {
		return true, timedOut(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return true, timedOut(err)
	}
	if resp.StatusCode != http.StatusOK {
		se := &statusError{code: resp.StatusCode, url: u, body: strings.TrimSpace(string(data[:min(len(data), 200)]))}
		if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && secs > 0 {
			return true, &retryAfterError{se, min(time.Duration(secs)*time.Second, 30*time.Second)}
		}
		return retryable(resp.StatusCode), se
	}
	if err := json.Unmarshal(data, out); err != nil {
		return false, fmt.Errorf("osv api %s: bad response: %w", u, err)
	}
	return false, nil
}
