package iac

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Inline suppression comments, in YAML/HCL/Dockerfile ("#") or HCL ("//")
// comments:
//
//	# tollgate:ignore:TG-K8S-0001 reason     (several ids: comma-separated)
//	# trivy:ignore:TG-K8S-0001
//	# checkov:skip=TG-K8S-0001:reason
//
// A comment silences a finding when it is on the finding's first line, on
// the line just above it, or on/above the first line of the enclosing block
// (the resource, container or stage the check located).
var suppressRe = regexp.MustCompile(`(?:#|//)\s*(?:tollgate:ignore:|trivy:ignore:|checkov:skip=)([A-Za-z0-9_.,*-]+)`)

type ignores map[int][]string // line -> ids

func parseIgnores(src []byte) ignores {
	if !bytes.Contains(src, []byte("ignore:")) && !bytes.Contains(src, []byte("checkov:skip")) {
		return nil
	}
	ig := ignores{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		for _, m := range suppressRe.FindAllSubmatch(sc.Bytes(), -1) {
			for _, id := range strings.Split(string(m[1]), ",") {
				if id = strings.TrimSpace(id); id != "" {
					ig[line] = append(ig[line], id)
				}
			}
		}
	}
	return ig
}

func (ig ignores) covers(line int, id string) bool {
	for _, x := range ig[line] {
		if strings.EqualFold(x, id) || x == "*" {
			return true
		}
	}
	return false
}

// suppress drops findings silenced by inline comments and counts them.
func suppress(t scanner.Target, fs []scanner.Finding) ([]scanner.Finding, int) {
	cache := map[string]ignores{}
	get := func(p string) ignores {
		if ig, ok := cache[p]; ok {
			return ig
		}
		src, err := t.ReadFile(p)
		var ig ignores
		if err == nil {
			ig = parseIgnores(src)
		}
		cache[p] = ig
		return ig
	}
	out := fs[:0]
	n := 0
	for _, f := range fs {
		ig := get(f.Location.Path)
		if ig != nil && suppressed(ig, f) {
			n++
			continue
		}
		out = append(out, f)
	}
	return out, n
}

func suppressed(ig ignores, f scanner.Finding) bool {
	lines := []int{f.Location.StartLine, f.Location.StartLine - 1}
	if b, ok := f.Properties["block_start_line"].(int); ok && b > 0 {
		lines = append(lines, b, b-1)
	}
	for _, l := range lines {
		if ig.covers(l, f.RuleID) {
			return true
		}
	}
	return false
}
