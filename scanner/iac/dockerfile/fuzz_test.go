package dockerfile

import (
	"context"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/fuzzseed"
)

// FuzzParse: Dockerfiles come from the repository under scan; Parse must
// never panic, must report errors as a *scanner.FileError for the file,
// and a document always has its stages list.
func FuzzParse(f *testing.F) {
	fuzzseed.AddFiles(f, "../../../testdata/iac/dockerfile/*/Dockerfile", "../../../testdata/iac/mixed/*ockerfile", "../../../testdata/iac/mixed/Containerfile")
	f.Add([]byte("ARG V=1\nFROM base:${V} AS a\nFROM a\nCOPY --from=a / /\nRUN [\"sh\", \"-c\"]\nENV A=1 B=\"2\"\n"))
	f.Add([]byte("# escape=`\nFROM x\nRUN a `\n b\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := Parse(context.Background(), "Dockerfile", src)
		fuzzseed.CheckFileError(t, err, "Dockerfile")
		for _, d := range docs {
			if _, ok := d.Value["stages"]; !ok || d.Kind != Kind {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}
