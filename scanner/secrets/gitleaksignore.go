package secrets

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// GitleaksIgnoreFile is gitleaks' list of ignored findings, read from the
// scan root. Each line is a gitleaks fingerprint: "file:rule-id:line" (any
// commit) or "commit:file:rule-id:line" (history mode, that commit only);
// blank lines and lines starting with "#" are skipped.
const GitleaksIgnoreFile = ".gitleaksignore"

// loadGitleaksIgnore reads the scan root's .gitleaksignore; a missing
// file is an empty set.
func loadGitleaksIgnore(t scanner.Target) (map[string]bool, error) {
	var (
		b   []byte
		err error
	)
	if t.FS != nil {
		b, err = fs.ReadFile(t.FS, GitleaksIgnoreFile)
	} else {
		b, err = os.ReadFile(filepath.Join(t.Root, GitleaksIgnoreFile))
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", GitleaksIgnoreFile, err)
	}
	set := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[strings.TrimPrefix(line, "./")] = true
	}
	return set, nil
}

// gitleaksIgnored reports whether a .gitleaksignore entry covers f.
func gitleaksIgnored(set map[string]bool, f *scanner.Finding) bool {
	fp := f.Location.Path + ":" + f.RuleID + ":" + strconv.Itoa(f.Location.StartLine)
	if set[fp] {
		return true
	}
	c, _ := f.Properties["commit"].(string)
	return c != "" && set[c+":"+fp]
}

// dropGitleaksIgnored removes the findings .gitleaksignore covers and
// returns how many it removed.
func dropGitleaksIgnored(set map[string]bool, fs []scanner.Finding) ([]scanner.Finding, int) {
	if len(set) == 0 {
		return fs, 0
	}
	keep := fs[:0]
	for i := range fs {
		if !gitleaksIgnored(set, &fs[i]) {
			keep = append(keep, fs[i])
		}
	}
	return keep, len(fs) - len(keep)
}
