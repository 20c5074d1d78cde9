package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTemplateErrorsExit2: a template that does not parse, or fails while
// it runs, exits 2 with a message naming the template file and line.
func TestTemplateErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"parse.tmpl": "header\n{{range .Findings}}\n{{.RuleID}\n{{end}}\n",
		"exec.tmpl":  "header\n{{range .Findings}}{{.NoSuchField}}{{end}}\n",
	} {
		t.Run(name, func(t *testing.T) {
			tmpl := filepath.Join(dir, name)
			if err := os.WriteFile(tmpl, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, name+".out")
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"scan", "-q", "--offline", "--osv-db", demoDB, "-f", "template", "--template", tmpl, "-o", out, "../../testdata/demo"}, &stdout, &stderr)
			if code != 2 {
				t.Fatalf("exit %d, want 2\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tmpl+":2:") && !strings.Contains(stderr.String(), tmpl+":3:") {
				t.Errorf("error does not name %s and its line:\n%s", tmpl, stderr.String())
			}
			if strings.Contains(stderr.String(), "goroutine") {
				t.Errorf("stack trace:\n%s", stderr.String())
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a failed template left a report behind")
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"scan", "-q", "-f", "template", t.TempDir()}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "--template") {
		t.Errorf("-f template without --template: exit %d: %s", code, stderr.String())
	}
}

// TestCycloneDXListsTheWholeInventory: the demo tree's SBOM lists every
// package its lockfiles declare, not only the vulnerable ones, each with
// its PURL and lockfile.
func TestCycloneDXListsTheWholeInventory(t *testing.T) {
	out := filepath.Join(t.TempDir(), "bom.json")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"scan", "-q", "--offline", "--osv-db", demoDB, "--scanners", "deps", "-f", "cyclonedx", "-o", out, "../../testdata/demo"}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components []struct {
			BOMRef   string `json:"bom-ref"`
			PURL     string `json:"purl"`
			Evidence struct {
				Occurrences []struct{ Location string } `json:"occurrences"`
			} `json:"evidence"`
		} `json:"components"`
		Vulnerabilities []struct {
			Affects []struct{ Ref string } `json:"affects"`
		} `json:"vulnerabilities"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	affected := map[string]bool{}
	for _, v := range doc.Vulnerabilities {
		for _, a := range v.Affects {
			affected[a.Ref] = true
		}
	}
	clean := 0
	for _, c := range doc.Components {
		if c.PURL == "" || len(c.Evidence.Occurrences) == 0 {
			t.Errorf("component %s without PURL or lockfile", c.BOMRef)
		}
		if !affected[c.BOMRef] {
			clean++
		}
	}
	if len(doc.Vulnerabilities) == 0 || clean == 0 {
		t.Errorf("%d components, %d vulnerabilities, %d packages without one: want both kinds", len(doc.Components), len(doc.Vulnerabilities), clean)
	}
}
