// Package imagetest writes small container images for tests, from files
// given as data: a `docker save` tarball or an OCI image layout tarball,
// with uncompressed layers and a history whose commands tests can check.
// Nothing is downloaded.
package imagetest

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"
)

// Layer is one image layer: its files (path -> content) and the command
// recorded in the image history.
type Layer struct {
	Command string
	Files   map[string]string
}

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func tarOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, n := range names {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(files[n])), ModTime: epoch, Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func digest(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b)) }

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// build returns the layer tars and the image config.
func build(t testing.TB, layers []Layer) ([][]byte, []byte) {
	t.Helper()
	var tars [][]byte
	var diffIDs []string
	var history []map[string]any
	for _, l := range layers {
		b := tarOf(t, l.Files)
		tars = append(tars, b)
		diffIDs = append(diffIDs, "sha256:"+digest(b))
		history = append(history, map[string]any{"created": epoch, "created_by": l.Command})
	}
	cfg := mustJSON(t, map[string]any{
		"architecture": "amd64", "os": "linux", "created": epoch,
		"config":  map[string]any{},
		"rootfs":  map[string]any{"type": "layers", "diff_ids": diffIDs},
		"history": history,
	})
	return tars, cfg
}

// DockerSave writes the layers as a `docker save` tarball at path.
func DockerSave(t testing.TB, path string, layers []Layer) {
	t.Helper()
	tars, cfg := build(t, layers)
	files := map[string]string{}
	cfgName := digest(cfg) + ".json"
	files[cfgName] = string(cfg)
	var layerNames []string
	for _, b := range tars {
		n := digest(b) + "/layer.tar"
		files[n] = string(b)
		layerNames = append(layerNames, n)
	}
	files["manifest.json"] = string(mustJSON(t, []map[string]any{{"Config": cfgName, "RepoTags": []string{"tollgate-test:latest"}, "Layers": layerNames}}))
	write(t, path, tarOf(t, files))
}

// OCILayout writes the layers as an OCI image layout packed in a tar.
func OCILayout(t testing.TB, path string, layers []Layer) {
	t.Helper()
	tars, cfg := build(t, layers)
	files := map[string]string{"oci-layout": `{"imageLayoutVersion":"1.0.0"}`}
	blob := func(b []byte) string {
		d := digest(b)
		files["blobs/sha256/"+d] = string(b)
		return "sha256:" + d
	}
	var ls []map[string]any
	for _, b := range tars {
		ls = append(ls, map[string]any{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": blob(b), "size": len(b)})
	}
	manifest := mustJSON(t, map[string]any{
		"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
		"config": map[string]any{"mediaType": "application/vnd.oci.image.config.v1+json", "digest": blob(cfg), "size": len(cfg)},
		"layers": ls,
	})
	files["index.json"] = string(mustJSON(t, map[string]any{
		"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
		"manifests": []map[string]any{{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": blob(manifest), "size": len(manifest)}},
	}))
	write(t, path, tarOf(t, files))
}

func write(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// DebianLayers is a small Debian 12 image: the base layer holds
// os-release and a dpkg status file (libssl3 from source openssl, and
// zlib1g), a later layer an npm lockfile of an app.
func DebianLayers() []Layer {
	return []Layer{
		{Command: "/bin/sh -c #(nop) ADD file:rootfs.tar in / ", Files: map[string]string{
			"etc/os-release": "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n",
			"var/lib/dpkg/status": "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.11-1~deb12u1\nDescription: fake test package\n\n" +
				"Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\nDescription: fake test package\n",
		}},
		{Command: "COPY app /app # buildkit", Files: map[string]string{
			"app/package-lock.json": `{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {"name": "app", "version": "1.0.0", "dependencies": {"lodash": "4.17.4"}},
    "node_modules/lodash": {"version": "4.17.4", "resolved": "https://example.invalid/lodash-4.17.4.tgz"}
  }
}
`,
		}},
	}
}

// AlpineLayers is a small Alpine 3.19 image with an apk database
// (libcrypto3 from origin openssl, and busybox).
func AlpineLayers() []Layer {
	return []Layer{
		{Command: "/bin/sh -c #(nop) ADD file:alpine.tar in / ", Files: map[string]string{
			"etc/os-release": "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME=\"Alpine Linux v3.19\"\n",
			"lib/apk/db/installed": "P:busybox\nV:1.36.1-r15\nA:x86_64\no:busybox\n\n" +
				"P:libcrypto3\nV:3.1.4-r2\nA:x86_64\no:openssl\n\n",
		}},
		{Command: "RUN apk add --no-cache curl", Files: map[string]string{
			"lib/apk/db/installed": "P:busybox\nV:1.36.1-r15\nA:x86_64\no:busybox\n\n" +
				"P:libcrypto3\nV:3.1.4-r2\nA:x86_64\no:openssl\n\n" +
				"P:curl\nV:8.5.0-r0\nA:x86_64\no:curl\n\n",
		}},
	}
}
