package main

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/policy/inputschema"
)

// mergeTreeSecrets are the full fake secrets mergeTree plants; no output
// of a merge may contain any of them.
var mergeTreeSecrets = []string{"AKIAT3STF4KEMERGE7Q2", "ghp_T3stF4keMergTokenN0tRealQwErTy4BfyHi", "M3rg3-F4ke-Passw0rd"}

// mergeTree is a monorepo of four folders: secrets, a lockfile with a
// vulnerable package (in the demo OSV database), Terraform and Kubernetes.
var mergeTree = map[string]string{
	"payments/settings.env": "# Fake credentials written by tollgate's merge test: real formats, never valid.\n" +
		"AWS_ACCESS_KEY_ID=AKIAT3STF4KEMERGE7Q2\nGITHUB_TOKEN=ghp_T3stF4keMergTokenN0tRealQwErTy4BfyHi\n",
	"web/.env": "DATABASE_URL=postgres://app:M3rg3-F4ke-Passw0rd@db.internal:5432/app\n",
	"web/package-lock.json": `{"name": "web", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
  "packages": {
    "": {"name": "web", "version": "1.0.0", "dependencies": {"lodash": "4.17.20"}},
    "node_modules/lodash": {"version": "4.17.20", "resolved": "https://registry.example.invalid/lodash/-/lodash-4.17.20.tgz"}
  }
}
`,
	"infra/main.tf": `resource "aws_s3_bucket" "assets" {
  bucket = "merge-assets"
}

resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
	"deploy/web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:latest
          securityContext:
            privileged: true
`,
}

// TestMergeOfFolderScansEqualsWholeScan scans a generated monorepo whole,
// then each of its four folders alone with --path-prefix, and merges the
// four reports: same fingerprints, paths, severity counts and verdict
// (with the same deny reasons) as the whole scan. The merge then writes
// every report format, and none holds a planted secret.
func TestMergeOfFolderScansEqualsWholeScan(t *testing.T) {
	root := t.TempDir()
	for p, body := range mergeTree {
		writeFile(t, filepath.Join(root, filepath.FromSlash(p)), body)
	}
	out := t.TempDir()
	scan := func(name, dir string, extra ...string) string {
		t.Helper()
		file := filepath.Join(out, name+".json")
		var stdout, stderr bytes.Buffer
		args := append([]string{"scan", "-q", "--offline", "--osv-db", demoDB, "-f", "json", "-o", file}, extra...)
		if code := run(context.Background(), append(args, dir), &stdout, &stderr); code != 1 {
			t.Fatalf("scan %s: exit %d, want 1\n%s", dir, code, stderr.String())
		}
		return file
	}
	whole := readMerged(t, scan("whole", root))
	var parts []string
	for _, sub := range []string{"deploy", "infra", "payments", "web"} {
		parts = append(parts, scan(sub, filepath.Join(root, sub), "--path-prefix", sub))
	}
	mergedFile := filepath.Join(out, "merged.json")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"merge", "-q", "-f", "json", "-o", mergedFile}, parts...), &stdout, &stderr); code != 1 {
		t.Fatalf("merge: exit %d, want 1\n%s", code, stderr.String())
	}
	merged := readMerged(t, mergedFile)

	summary := func(m mergedJSON) (fps []string, counts map[string]int, denies []string) {
		counts = map[string]int{}
		for _, f := range m.Findings {
			fps = append(fps, f.Location.Path+" "+f.Severity+" "+f.Fingerprint)
			counts[f.Severity]++
		}
		for _, d := range m.Decision.Deny {
			fp := slices.Clone(d.Fingerprints)
			slices.Sort(fp)
			denies = append(denies, d.Msg+" "+strings.Join(fp, ","))
		}
		slices.Sort(fps)
		slices.Sort(denies)
		return fps, counts, denies
	}
	wFP, wCounts, wDeny := summary(whole)
	mFP, mCounts, mDeny := summary(merged)
	if len(wFP) < 20 || wCounts["HIGH"] < 5 {
		t.Fatalf("the generated tree yields too little to compare: %d findings %v", len(wFP), wCounts)
	}
	if d := cmp.Diff(wFP, mFP); d != "" {
		t.Errorf("findings (-whole +merged):\n%s", d)
	}
	if d := cmp.Diff(wCounts, mCounts); d != "" {
		t.Errorf("counts (-whole +merged):\n%s", d)
	}
	if whole.Decision.Pass != merged.Decision.Pass {
		t.Errorf("verdict: whole %v, merged %v", whole.Decision.Pass, merged.Decision.Pass)
	}
	if d := cmp.Diff(wDeny, mDeny); d != "" {
		t.Errorf("deny reasons (-whole +merged):\n%s", d)
	}
	total := 0
	for _, s := range merged.Sources {
		total += s.Findings
		if s.LabelPrefixed {
			t.Errorf("source %s was path-prefixed: its label must not be added", s.Label)
		}
	}
	if len(merged.Sources) != 4 || total != len(mFP) {
		t.Errorf("sources = %+v", merged.Sources)
	}

	// Every format from the merge, plus the policy input and debug logs:
	// no planted secret anywhere.
	outputs := everyOutputOf(t, "merge", parts)
	if !strings.Contains(outputs["out.html"], `<section id="sources">`) || !strings.Contains(outputs["out.html"], `<td class="src">payments</td>`) {
		t.Error("the merged HTML report has no per-source table")
	}
	if err := inputschema.Validate([]byte(outputs["input.json"])); err != nil {
		t.Errorf("merge --dump-input does not match policy/input.schema.json: %v", err)
	}
	if !strings.Contains(outputs["out.template"], ",secrets,github-pat-classic,") {
		t.Error("the merged template report does not list the secrets findings, so the leak check proves nothing for it")
	}
	for name, o := range outputs {
		for _, s := range mergeTreeSecrets {
			if strings.Contains(o, s) {
				t.Errorf("%s contains the secret %q", name, s)
			}
		}
	}
}
