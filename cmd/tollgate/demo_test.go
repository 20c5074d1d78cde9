package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/sarifcheck"
	"github.com/tollgate-dev/tollgate/policy/inputschema"
	"github.com/tollgate-dev/tollgate/report"
)

var update = flag.Bool("update", false, "rewrite generated test data (the demo OSV database zips)")

const demoDB = "../../testdata/demo-osv-db"

// buildZip packs the advisory sources of one ecosystem deterministically.
func buildZip(t *testing.T, srcDir string) []byte {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(srcDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: filepath.Base(n), Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDemoDBMatchesSources keeps the demo database's zips (which the
// README's first command scans against) in step with the advisory JSON we
// wrote in testdata/demo-osv-db/src. Regenerate with -update.
func TestDemoDBMatchesSources(t *testing.T) {
	ecos, err := os.ReadDir(filepath.Join(demoDB, "src"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ecos {
		want := buildZip(t, filepath.Join(demoDB, "src", e.Name()))
		zipPath := filepath.Join(demoDB, "osv-scalibr", e.Name(), "all.zip")
		if *update {
			if err := os.MkdirAll(filepath.Dir(zipPath), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(zipPath, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(zipPath)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/tollgate -run DemoDB -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale; run go test ./cmd/tollgate -run DemoDB -update", zipPath)
		}
	}
}

// plantedSecrets are the full fake secrets in testdata/demo; no output may
// contain any of them.
var plantedSecrets = []string{
	"AKIAT3STF4KEDEM2KEY7",
	"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",
	"S3cr3t-F4ke-Passw0rd",
}

// TestDemoScanAllFormatsNeverLeakSecrets runs the README's first command
// with the real scanners, writes every report format (plus the policy
// input and debug logs), checks each scanner found its demo problem, and
// asserts that no planted secret appears anywhere.
func TestDemoScanAllFormatsNeverLeakSecrets(t *testing.T) {
	outputs := everyOutput(t, "../../testdata/demo", "--offline", "--osv-db", demoDB)
	for name, out := range outputs {
		for _, s := range plantedSecrets {
			if strings.Contains(out, s) {
				t.Errorf("%s contains the secret %q", name, s)
			}
		}
	}
	if !strings.Contains(outputs["out.html"], "github-pat-classic") || !strings.Contains(outputs["out.html"], "aws-access-key-id") {
		t.Error("the HTML report does not list the secrets findings, so the leak check above proves nothing for it")
	}
	if !strings.Contains(outputs["out.template"], ",secrets,github-pat-classic,") {
		t.Error("the template report (contrib CSV) does not list the secrets findings, so the leak check above proves nothing for it")
	}
	if err := inputschema.Validate([]byte(outputs["input.json"])); err != nil {
		t.Errorf("--dump-input does not match policy/input.schema.json: %v", err)
	}
	for _, want := range []string{"GHSA-35jh-r3h4-6jhm", "GHSA-68w8-qjq3-2gfm", "aws-access-key-id", "github-pat-classic", "url-postgres-password", "TG-K8S-0001", "TG-AWS-0001", "TG-DOCKER-0007", "TG-GHA-0003"} {
		if !strings.Contains(outputs["out.json"], want) {
			t.Errorf("demo scan did not report %s", want)
		}
	}
}

// everyOutput scans root with the real scanners (and extra flags), writing
// every report format, the policy input and debug logs, and returns each
// output by name: stdout, stderr, out.<format>, input.json. The gate must
// fail (exit 1): both trees hold HIGH findings.
func everyOutput(t *testing.T, root string, extra ...string) map[string]string {
	t.Helper()
	return everyOutputOf(t, "scan", []string{root}, extra...)
}

// everyOutputOf is everyOutput for a command (scan or merge) and its
// arguments.
func everyOutputOf(t *testing.T, command string, targets []string, extra ...string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	// The template format renders the contrib CSV template: findings'
	// titles, paths and snippets pass through a user's template too.
	args := append([]string{command, "-v", "--dump-input", filepath.Join(dir, "input.json"), "--template", "../../contrib/templates/csv.tmpl"}, extra...)
	for _, f := range report.Formats() { // every format, new ones included
		args = append(args, "--report", f+"="+filepath.Join(dir, "out."+f))
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append(args, targets...), &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, stdout.String(), stderr.String())
	}
	outputs := map[string]string{"stdout": stdout.String(), "stderr": stderr.String()}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		outputs[filepath.Base(f)] = string(b)
		if filepath.Ext(f) == ".html" {
			// A secret with "+" or "&" in it is escaped in HTML yet shown
			// in full by a browser: check the decoded text too.
			outputs[filepath.Base(f)] += "\n" + html.UnescapeString(string(b))
		}
	}
	if want := len(report.Formats()) + 3; len(outputs) != want {
		t.Fatalf("outputs = %d, want %d", len(outputs), want)
	}
	return outputs
}

// TestSecretsTreeNeverLeaksInAnyFormat scans the secrets fixture tree,
// where every rule family has a planted secret, and writes each report
// format plus the policy input and debug logs: none may contain any
// planted secret (testdata/secrets/planted.txt).
func TestSecretsTreeNeverLeaksInAnyFormat(t *testing.T) {
	planted := secretsTreePlanted(t)
	outputs := everyOutput(t, "../../testdata/secrets/tree", "--scanners", "secrets")
	if !strings.Contains(outputs["out.json"], `"scanner": "secrets"`) {
		t.Fatal("no secrets found in the fixture tree")
	}
	for name, out := range outputs {
		for _, s := range planted {
			if strings.Contains(out, s) {
				t.Errorf("%s contains the planted secret %q", name, s)
			}
		}
	}
}

// TestEmptyFolderSARIF: scanning an empty folder with every real scanner
// passes and writes SARIF the official schema and (in CI) the SARIF
// multitool accept.
func TestEmptyFolderSARIF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "empty.sarif")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"scan", "-q", "--offline", "--osv-db", t.TempDir(), "-f", "sarif", "-o", out, t.TempDir()}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sarifcheck.Schema(t, raw)
	var parsed struct{ Runs []any }
	if err := json.Unmarshal(raw, &parsed); err != nil || len(parsed.Runs) != 3 {
		t.Errorf("runs = %d (%v), want one per scanner", len(parsed.Runs), err)
	}
	sarifcheck.Multitool(t, raw)
}

// TestBaselineWithRealSecrets: a SARIF baseline from "main" makes the
// unchanged tree pass even after code moved and the checkout folder was
// renamed, and a newly added secret fails the gate on its own.
func TestBaselineWithRealSecrets(t *testing.T) {
	main := copyTree(t, "../../testdata/demo")
	base := filepath.Join(t.TempDir(), "main.sarif")
	scan := func(root string, extra ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		args := append([]string{"scan", "-q", "--scanners", "secrets"}, extra...)
		code := run(context.Background(), append(args, root), &stdout, &stderr)
		return code, stdout.String() + stderr.String()
	}
	if code, out := scan(main, "--report", "sarif="+base); code != 1 {
		t.Fatalf("main branch scan: exit %d\n%s", code, out)
	}
	pr := filepath.Join(t.TempDir(), "pr-checkout")
	if err := os.Rename(main, pr); err != nil {
		t.Fatal(err)
	}
	env := filepath.Join(pr, "config", "settings.env")
	old, err := os.ReadFile(env)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, env, "# moved down by a new header\n\n"+string(old))
	if code, out := scan(pr, "--baseline", base); code != 0 {
		t.Fatalf("unchanged secrets with baseline: exit %d\n%s", code, out)
	}
	// Slack bot token format, fake.
	writeFile(t, filepath.Join(pr, "config", "slack.env"), "SLACK_BOT_TOKEN=xoxb-2718281828459-3141592653589-F4keT3stTokenValueQwErTy\n")
	code, out := scan(pr, "--baseline", base)
	if code != 1 || !strings.Contains(out, "config/slack.env") || strings.Contains(out, "deny HIGH aws-access-key-id") {
		t.Fatalf("new secret with baseline: exit %d\n%s", code, out)
	}
}
