package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/imagetest"
)

// jsonFindings runs the real CLI and returns "scanner rule path" of each
// finding in its JSON report, sorted, plus the exit code.
func jsonFindings(t *testing.T, args ...string) ([]string, []map[string]any, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"scan", "-q", "-f", "json"}, args...), &stdout, &stderr)
	if code == 2 {
		t.Fatalf("exit 2: %s", stderr.String())
	}
	var rep struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	var out []string
	for _, f := range rep.Findings {
		loc, _ := f["location"].(map[string]any)
		out = append(out, f["scanner"].(string)+" "+f["rule_id"].(string)+" "+loc["path"].(string))
	}
	sort.Strings(out)
	return out, rep.Findings, code
}

// TestSingleFileTargets: a FILE target is scanned alone by the scanners
// that read it, with the file's name as the findings' path: an SBOM
// (CycloneDX, SPDX), a lockfile, an IaC file.
func TestSingleFileTargets(t *testing.T) {
	dir := t.TempDir()
	spdx := filepath.Join(dir, "app.spdx.json")
	if err := os.WriteFile(spdx, []byte(`{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"app","documentNamespace":"https://example.invalid/app",
"creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: test"]},
"packages":[{"SPDXID":"SPDXRef-lodash","name":"lodash","versionInfo":"4.17.4","downloadLocation":"NOASSERTION",
"externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/lodash@4.17.4"}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	offline := []string{"--offline", "--osv-db", demoDB}
	tests := []struct {
		name   string
		args   []string
		prefix string // every finding is "<prefix> ... <path>"
		path   string
	}{
		{"CycloneDX SBOM", append(offline, "../../testdata/deps/sbom/app.cdx.json"), "deps ", "app.cdx.json"},
		{"SPDX SBOM", append(offline, spdx), "deps ", "app.spdx.json"},
		{"lockfile", append(offline, "../../testdata/demo/web/package-lock.json"), "deps ", "package-lock.json"},
		{"IaC file", []string{"--scanners", "iac", "../../testdata/demo/infra/main.tf"}, "iac ", "main.tf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, code := jsonFindings(t, tc.args...)
			if code != 1 || len(got) == 0 {
				t.Fatalf("exit %d, findings %v; want findings that fail the gate", code, got)
			}
			for _, g := range got {
				if !strings.HasPrefix(g, tc.prefix) || !strings.HasSuffix(g, " "+tc.path) {
					t.Errorf("finding %q: want scanner %sand path %s", g, tc.prefix, tc.path)
				}
			}
		})
	}
}

// TestScanImage: --image scans a docker save tarball offline; findings
// carry the path in the image and the layer that added the package.
func TestScanImage(t *testing.T) {
	dir := t.TempDir()
	img := filepath.Join(dir, "app.tar")
	imagetest.DockerSave(t, img, imagetest.DebianLayers())
	db := filepath.Join(dir, "db")
	zp := filepath.Join(db, "osv-scalibr", "Debian", "all.zip")
	if err := os.MkdirAll(filepath.Dir(zp), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("DEBIAN-CVE-2099-0101.json")
	w.Write([]byte(`{"id":"DEBIAN-CVE-2099-0101","summary":"test advisory","database_specific":{"severity":"HIGH"},
"affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.13-1~deb12u1"}]}]}]}`))
	zw.Close()
	if err := os.WriteFile(zp, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, fs, code := jsonFindings(t, "--offline", "--osv-db", db, "--image", img, dir)
	// The image's npm lockfile has no npm DB here: a missing ecosystem
	// is a warning, not an error, so only the Debian finding is reported.
	if code != 1 || len(got) != 1 || got[0] != "deps DEBIAN-CVE-2099-0101 var/lib/dpkg/status" {
		t.Fatalf("exit %d, findings %v", code, got)
	}
	props := fs[0]["properties"].(map[string]any)
	if props["layer_index"] != float64(0) || props["path_in_image"] != "/var/lib/dpkg/status" || props["image"] != "app.tar" ||
		!strings.Contains(props["layer_command"].(string), "ADD file:rootfs.tar") {
		t.Errorf("properties = %v", props)
	}

	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"scan", "-q", "--image", img, "--scanners", "secrets", dir}, &stdout, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), "only --scanners deps") {
		t.Errorf("--image with secrets: exit %d, %s", code, stderr.String())
	}
}
