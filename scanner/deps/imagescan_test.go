package deps_test

import (
	"context"
	"net/http"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/internal/imagetest"
	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/deps"
)

func osAdvisory(id, eco, name, fixed string) map[string]any {
	return map[string]any{"id": id, "summary": id + " in " + name, "affected": []any{
		affected(eco, name, map[string]string{"introduced": "0"}, map[string]string{"fixed": fixed})}}
}

// imageDB is testDB plus Debian and Alpine advisories about source
// packages (openssl, curl), as OSV files them.
func imageDB() map[string][]map[string]any {
	db := testDB()
	db["Debian"] = []map[string]any{
		osAdvisory("DEBIAN-CVE-2099-0101", "Debian:12", "openssl", "3.0.13-1~deb12u1"),
		osAdvisory("DEBIAN-CVE-2099-0102", "Debian:11", "openssl", "3.0.99"), // another release
		osAdvisory("DEBIAN-CVE-2099-0103", "Debian:12", "zlib", "1:1.2.13.dfsg-1"),
	}
	db["Alpine"] = []map[string]any{
		osAdvisory("ALPINE-CVE-2099-0201", "Alpine:v3.19", "curl", "8.5.0-r1"),
		osAdvisory("ALPINE-CVE-2099-0202", "Alpine:v3.19", "openssl", "3.1.4-r1"), // fixed before the installed one
	}
	return db
}

type imageFinding struct {
	Rule, Path, Pkg, InImage, Command string
	Layer                             int
}

// TestImageScanOffline scans fixture images (docker save and OCI layout,
// built by the test) against a test DB: OS packages match their source
// package's advisories for the image's release, and each finding names
// the path in the image and the layer that added the package.
func TestImageScanOffline(t *testing.T) {
	saved := http.DefaultTransport
	http.DefaultTransport = failingTransport{t}
	t.Cleanup(func() { http.DefaultTransport = saved })
	db := t.TempDir()
	writeDB(t, db, imageDB())
	dir := t.TempDir()
	const debianBase = "/bin/sh -c #(nop) ADD file:rootfs.tar in / "
	tests := []struct {
		name   string
		write  func(testing.TB, string, []imagetest.Layer)
		layers []imagetest.Layer
		want   []imageFinding
	}{
		{"debian", imagetest.DockerSave, imagetest.DebianLayers(), []imageFinding{
			{"NSWG-ECO-9001", "app/package-lock.json", "npm/lodash@4.17.4", "/app/package-lock.json", "COPY app /app # buildkit", 1},
			{"DEBIAN-CVE-2099-0101", "var/lib/dpkg/status", "Debian:12/libssl3@3.0.11-1~deb12u1", "/var/lib/dpkg/status", debianBase, 0},
		}},
		{"alpine", imagetest.OCILayout, imagetest.AlpineLayers(), []imageFinding{
			{"ALPINE-CVE-2099-0201", "lib/apk/db/installed", "Alpine:v3.19/curl@8.5.0-r0", "/lib/apk/db/installed", "RUN apk add --no-cache curl", 1},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			img := filepath.Join(dir, tc.name+".tar")
			tc.write(t, img, tc.layers)
			s, err := deps.New(deps.Options{Offline: true, DBDir: db, IndexDir: t.TempDir(), Image: img, HTTPClient: failingClient(t)})
			if err != nil {
				t.Fatal(err)
			}
			// The image file is the single-file target; Match claims nothing.
			res, err := scanner.Run(context.Background(), img, []scanner.Scanner{s})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) != 0 {
				t.Fatalf("scan errors: %v", res.Errors)
			}
			var got []imageFinding
			for _, f := range res.Findings {
				got = append(got, imageFinding{
					Rule: f.RuleID, Path: f.Location.Path, Pkg: f.Package.Ecosystem + "/" + f.Package.Name + "@" + f.Package.Version,
					InImage: f.Properties["path_in_image"].(string), Command: f.Properties["layer_command"].(string), Layer: f.Properties["layer_index"].(int),
				})
				if f.Properties["image"] != tc.name+".tar" {
					t.Errorf("image property %v", f.Properties["image"])
				}
			}
			sort.Slice(got, func(i, j int) bool { return got[i].Path < got[j].Path })
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
