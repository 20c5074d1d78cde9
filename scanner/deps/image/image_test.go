package image_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/packagelockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/os/apk"
	"github.com/google/osv-scalibr/extractor/filesystem/os/dpkg"

	"github.com/tollgate-dev/tollgate/internal/imagetest"
	"github.com/tollgate-dev/tollgate/scanner/deps/image"
)

func extractors(t *testing.T) []filesystem.Extractor {
	t.Helper()
	var out []filesystem.Extractor
	for _, c := range []func(*cpb.PluginConfig) (filesystem.Extractor, error){dpkg.New, apk.New, packagelockjson.New} {
		e, err := c(&cpb.PluginConfig{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

type got struct {
	Eco, Name, Version, Path string
	Layer                    int
	Command                  string
}

func TestExtract(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, format string
		write        func(testing.TB, string, []imagetest.Layer)
		layers       []imagetest.Layer
		want         []got
	}{
		{"debian docker save", "docker-archive", imagetest.DockerSave, imagetest.DebianLayers(), []got{
			{"Debian:12", "libssl3", "3.0.11-1~deb12u1", "var/lib/dpkg/status", 0, "/bin/sh -c #(nop) ADD file:rootfs.tar in / "},
			{"npm", "lodash", "4.17.4", "app/package-lock.json", 1, "COPY app /app # buildkit"},
			{"Debian:12", "zlib1g", "1:1.2.13.dfsg-1", "var/lib/dpkg/status", 0, "/bin/sh -c #(nop) ADD file:rootfs.tar in / "},
		}},
		{"debian OCI layout", "oci-layout", imagetest.OCILayout, imagetest.DebianLayers(), []got{
			{"Debian:12", "libssl3", "3.0.11-1~deb12u1", "var/lib/dpkg/status", 0, "/bin/sh -c #(nop) ADD file:rootfs.tar in / "},
			{"npm", "lodash", "4.17.4", "app/package-lock.json", 1, "COPY app /app # buildkit"},
			{"Debian:12", "zlib1g", "1:1.2.13.dfsg-1", "var/lib/dpkg/status", 0, "/bin/sh -c #(nop) ADD file:rootfs.tar in / "},
		}},
		{"alpine: a package added by a later layer", "oci-layout", imagetest.OCILayout, imagetest.AlpineLayers(), []got{
			{"Alpine:v3.19", "busybox", "1.36.1-r15", "lib/apk/db/installed", 0, "/bin/sh -c #(nop) ADD file:alpine.tar in / "},
			{"Alpine:v3.19", "curl", "8.5.0-r0", "lib/apk/db/installed", 1, "RUN apk add --no-cache curl"},
			{"Alpine:v3.19", "libcrypto3", "3.1.4-r2", "lib/apk/db/installed", 0, "/bin/sh -c #(nop) ADD file:alpine.tar in / "},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name+".tar")
			tc.write(t, p, tc.layers)
			res, err := image.Extract(context.Background(), p, extractors(t), image.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != tc.format || len(res.Failed) != 0 {
				t.Errorf("format %s failed %v, want %s", res.Format, res.Failed, tc.format)
			}
			var gs []got
			for _, p := range res.Packages {
				g := got{Eco: p.Ecosystem().String(), Name: p.Name, Version: p.Version, Path: p.Path, Layer: -1}
				if p.Layer != nil {
					g.Layer, g.Command = p.Layer.Index, p.Layer.Command
					if len(p.Layer.DiffID) != len("sha256:")+64 {
						t.Errorf("%s: diff id %q", p.Name, p.Layer.DiffID)
					}
				}
				gs = append(gs, g)
			}
			sort.Slice(gs, func(i, j int) bool { return gs[i].Name < gs[j].Name })
			if diff := cmp.Diff(tc.want, gs); diff != "" {
				t.Errorf("packages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExtractRejectsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"empty.tar": "", "text.tar": "not a tar at all, just text", "lock.tar": "{}"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := image.Extract(context.Background(), p, extractors(t), image.Options{}); !errors.Is(err, image.ErrUnknownFormat) {
			t.Errorf("%s: %v, want ErrUnknownFormat", name, err)
		}
	}
}
