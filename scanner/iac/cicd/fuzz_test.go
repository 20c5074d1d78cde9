package cicd

import (
	"context"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/fuzzseed"
)

func fuzzPipeline(f *testing.F, kind string, parse func(context.Context, string, []byte) ([]Document, error)) {
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := parse(context.Background(), "ci.yml", src)
		fuzzseed.CheckFileError(t, err, "ci.yml")
		for _, d := range docs {
			if d.Kind != kind || d.Path != "ci.yml" || d.Value == nil {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}

// FuzzParseGitHub: workflows and actions come from the repository under
// scan (a pull request can change them); parsing must never panic.
func FuzzParseGitHub(f *testing.F) {
	fuzzseed.AddFiles(f, "../../../testdata/iac/github/.github/workflows/*.yml", "../../../testdata/iac/github/.github/actions/*/action.yml",
		"../../../testdata/iac/mixed/.github/workflows/*.yaml", "../../../testdata/iac/mixed/tools/action.yml")
	f.Add([]byte("on: [push]\njobs:\n  a:\n    steps: &s\n    - run: echo ${{ github.event.issue.title }}\n  b: {steps: *s}\n"))
	fuzzPipeline(f, KindGitHub, ParseGitHub)
}

// FuzzParseGitLab: the same for .gitlab-ci.yml, which uses anchors,
// merge keys and !reference tags.
func FuzzParseGitLab(f *testing.F) {
	fuzzseed.AddFiles(f, "../../../testdata/iac/gitlab/*/.gitlab-ci.yml", "../../../testdata/iac/mixed/.gitlab-ci.yml")
	f.Add([]byte(".t: &t\n  image: x\njob:\n  <<: *t\n  script: !reference [.t, script]\n"))
	fuzzPipeline(f, KindGitLab, ParseGitLab)
}
