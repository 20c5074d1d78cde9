package secrets

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// commitMarker starts each commit header in the log output (git writes
// the NULs for %x00); NUL bytes cannot occur in names or hashes.
const commitMarker = "\x00tollgate-commit\x00"

// scanHistory scans the lines added by the commits since..HEAD of the git
// repository at root. Findings carry commit, author and date in their
// properties (not in the fingerprint). A secret added several times in
// the same file is reported once, at the oldest commit that added it.
func (s *Scanner) scanHistory(ctx context.Context, root string) ([]scanner.Finding, error) {
	if strings.HasPrefix(s.opts.GitSince, "-") {
		return nil, fmt.Errorf("git history: invalid revision %q", s.opts.GitSince)
	}
	return s.scanGitPatch(ctx, root, "git history "+s.opts.GitSince+"..HEAD",
		"log", "-p", "--reverse", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
		"--no-renames", "--diff-filter=AM",
		"--format=%x00tollgate-commit%x00%H%x00%an%x00%ae%x00%aI",
		s.opts.GitSince+"..HEAD", "--")
}

// scanStaged scans the lines the index adds over HEAD: what `git commit`
// would record, not the working tree (a pre-commit hook's view).
func (s *Scanner) scanStaged(ctx context.Context, root string) ([]scanner.Finding, error) {
	return s.scanGitPatch(ctx, root, "git staged changes",
		"diff", "--cached", "-p", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
		"--no-renames", "--diff-filter=AM", "--")
}

// scanGitPatch runs git with args in root and scans the added lines of the
// patch it prints; label names the operation in errors.
func (s *Scanner) scanGitPatch(ctx context.Context, root, label string, args ...string) ([]scanner.Finding, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", root,
		"-c", "core.quotepath=off", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: start git: %w", label, err)
	}
	out, perr := s.parseLog(ctx, stdout)
	_, _ = io.Copy(io.Discard, stdout)
	werr := cmd.Wait()
	if perr != nil {
		return nil, perr
	}
	if werr != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 300 {
			msg = msg[:300]
		}
		return nil, fmt.Errorf("%s: %w: %s", label, werr, msg)
	}
	return out, nil
}

// hunk is one run of added lines.
type hunk struct {
	path  string
	line  int
	text  []byte
	props map[string]any
	left  int // added lines still expected
}

func (s *Scanner) parseLog(ctx context.Context, r io.Reader) ([]scanner.Finding, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	fsc := s.newFileScanner()
	seen := map[string]bool{}
	var (
		out    []scanner.Finding
		props  map[string]any
		path   string
		cur    *hunk
		active []bool
		skip   bool
	)
	flush := func() {
		if cur == nil || len(cur.text) == 0 {
			cur = nil
			return
		}
		fsc.st.hunks++
		fsc.st.bytes += int64(len(cur.text))
		for _, f := range fsc.process(cur.text, 0, len(cur.text), pos{line: cur.line}, active, cur.path, cur.props) {
			k := f.RuleID + "\x00" + f.Location.Path + "\x00" + f.Evidence
			if !seen[k] {
				seen[k] = true
				out = append(out, f)
			}
		}
		cur = nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			switch {
			case line[0] == '+' && cur != nil && cur.left > 0:
				cur.text = append(cur.text, line[1:]...)
				cur.left--
			case bytes.HasPrefix(line, []byte(commitMarker)):
				flush()
				f := strings.Split(strings.TrimRight(string(line[len(commitMarker):]), "\n"), "\x00")
				for len(f) < 4 {
					f = append(f, "")
				}
				props = map[string]any{"commit": f[0], "author": f[1] + " <" + f[2] + ">", "date": f[3]}
				fsc.st.commits++
				path = ""
			case bytes.HasPrefix(line, []byte("diff --git ")):
				flush()
				path = ""
			case bytes.HasPrefix(line, []byte("+++ ")):
				flush()
				p := strings.TrimRight(string(line[4:]), "\r\n")
				if strings.HasPrefix(p, `"`) {
					if u, err := strconv.Unquote(p); err == nil {
						p = u
					}
				}
				path = strings.TrimPrefix(p, "b/")
				if p == "/dev/null" {
					path = ""
				}
				skip = path == "" || s.skip.skipped(path)
				if !skip {
					active = s.activeRules(path)
					out = s.historyPathFindings(out, path, props, seen)
				}
			case bytes.HasPrefix(line, []byte("Binary files ")) && bytes.HasSuffix(bytes.TrimRight(line, "\r\n"), []byte(" differ")):
				// "Binary files /dev/null and b/x.p12 differ": no text to
				// scan, but path-only rules apply.
				l := strings.TrimSuffix(strings.TrimRight(string(line), "\r\n"), " differ")
				if i := strings.LastIndex(l, " and b/"); i >= 0 && !s.skip.skipped(l[i+7:]) {
					out = s.historyPathFindings(out, l[i+7:], props, seen)
				}
			case bytes.HasPrefix(line, []byte("@@ ")):
				flush()
				if path != "" && !skip {
					start, count := hunkRange(line)
					cur = &hunk{path: path, line: start, left: count, props: props}
				}
			case line[0] == '-' || line[0] == '\\' || line[0] == ' ':
				// removed lines, "\ No newline at end of file", context
			default:
				flush()
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("git history: read log: %w", err)
		}
	}
	flush()
	s.mu.Lock()
	s.stats.add(&fsc.st)
	s.stats.commits += fsc.st.commits
	s.stats.hunks += fsc.st.hunks
	s.mu.Unlock()
	return out, nil
}

// hunkRange parses the new-file start line and line count of
// "@@ -a,b +c,d @@" (d defaults to 1).
func hunkRange(h []byte) (start, count int) {
	i := bytes.Index(h, []byte(" +"))
	if i < 0 {
		return 1, 0
	}
	rest := h[i+2:]
	num := func() int {
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		n, _ := strconv.Atoi(string(rest[:j]))
		rest = rest[j:]
		return n
	}
	start, count = num(), 1
	if len(rest) > 0 && rest[0] == ',' {
		rest = rest[1:]
		count = num()
	}
	return max(start, 1), count
}

// historyPathFindings adds the path-only rules' findings for a file a
// commit added or changed, once per rule and path.
func (s *Scanner) historyPathFindings(out []scanner.Finding, path string, props map[string]any, seen map[string]bool) []scanner.Finding {
	commit, _ := props["commit"].(string)
	for _, i := range s.eng.pathOnly {
		if !s.pathRuleMatches(i, path, commit) {
			continue
		}
		f := s.pathFinding(i, path, props)
		if k := f.RuleID + "\x00" + path + "\x00" + f.Evidence; !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}
