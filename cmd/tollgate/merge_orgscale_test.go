package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// orgScaleFiles maps each file of docs/org-scale to where a user puts it,
// which is where tollgate recognises its kind (a workflow only under
// .github/workflows/).
var orgScaleFiles = map[string]string{
	"github/tollgate-org.yml":             ".github/workflows/tollgate-org.yml",
	"gitlab/org-scan.gitlab-ci.yml":       "org-scan.gitlab-ci.yml",
	"gitlab/org-scan-child.gitlab-ci.yml": "org-scan-child.gitlab-ci.yml",
	"kubernetes/00-namespace.yaml":        "k8s/00-namespace.yaml",
	"kubernetes/01-config.yaml":           "k8s/01-config.yaml",
	"kubernetes/02-prepare-job.yaml":      "k8s/02-prepare-job.yaml",
	"kubernetes/03-scan-job.yaml":         "k8s/03-scan-job.yaml",
	"kubernetes/04-merge-job.yaml":        "k8s/04-merge-job.yaml",
}

// orgScaleTree copies docs/org-scale into a tree laid out as in use, with
// edit applied to the file named from (a key of orgScaleFiles).
func orgScaleTree(t *testing.T, from string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range orgScaleFiles {
		b, err := os.ReadFile(filepath.Join("../../docs/org-scale", src))
		if err != nil {
			t.Fatal(err)
		}
		body := string(b)
		if src == from {
			if body = edit(body); body == string(b) {
				t.Fatalf("the edit of %s changed nothing", src)
			}
		}
		writeFile(t, filepath.Join(dir, dst), body)
	}
	return dir
}

// TestOrgScaleFilesPassOurChecks: the workflow, pipelines and manifests of
// docs/org-scale.md are what users paste; tollgate's own IaC and secrets
// checks find nothing at MEDIUM or above in them. Each file kind is then
// weakened once and must be caught, which shows it is really read as a
// workflow, a GitLab pipeline and Kubernetes manifests.
func TestOrgScaleFilesPassOurChecks(t *testing.T) {
	_, fs, code := jsonFindings(t, "--scanners", "iac,secrets", "--fail-on", "none", orgScaleTree(t, "", nil))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, f := range fs {
		if sev := f["severity"].(string); sev != "LOW" && sev != "INFO" {
			loc, _ := f["location"].(map[string]any)
			t.Errorf("%s %s at %v: %s", sev, f["rule_id"], loc["path"], f["title"])
		}
	}
	for _, c := range []struct {
		file, old, new, want string
	}{
		{"github/tollgate-org.yml", "tollgate-dev/tollgate@77d12648ce9a337236f878c31c40ce6924999c25", "tollgate-dev/tollgate@v1", "TG-GHA-0001"},
		{"gitlab/org-scan-child.gitlab-ci.yml", "image: golang:1.26.8-bookworm", "image: golang", "TG-GITLAB-0001"},
		{"kubernetes/03-scan-job.yaml", "              memory: 2Gi\n", "", "TG-K8S-0018"},
		{"kubernetes/04-merge-job.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "TG-K8S-0005"},
	} {
		tree := orgScaleTree(t, c.file, func(s string) string { return strings.Replace(s, c.old, c.new, 1) })
		if _, ids := scanJSON(t, tree, "--scanners", "iac", "--fail-on", "none"); !slices.Contains(ids, c.want) {
			t.Errorf("%s weakened: findings %v, want %s", c.file, ids, c.want)
		}
	}
}

// TestOrgScaleDocListsItsFiles: docs/org-scale.md links every file the
// test above checks, and every file in docs/org-scale is checked.
func TestOrgScaleDocListsItsFiles(t *testing.T) {
	doc, err := os.ReadFile("../../docs/org-scale.md")
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	err = filepath.WalkDir("../../docs/org-scale", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel("../../docs/org-scale", p)
			onDisk = append(onDisk, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range onDisk {
		if _, ok := orgScaleFiles[f]; !ok {
			t.Errorf("docs/org-scale/%s is not checked by TestOrgScaleFilesPassOurChecks", f)
		}
		if !strings.Contains(string(doc), "(org-scale/"+f+")") {
			t.Errorf("docs/org-scale.md does not link org-scale/%s", f)
		}
	}
	if len(onDisk) != len(orgScaleFiles) {
		t.Errorf("%d files in docs/org-scale, %d checked", len(onDisk), len(orgScaleFiles))
	}
}
