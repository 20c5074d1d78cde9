package report

import (
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/report/html"
)

// htmlWriter writes the self-contained HTML report (docs/html-report.md).
// Its templates are parsed once, when New builds the writer.
type htmlWriter struct {
	r *html.Renderer
}

func newHTMLWriter() (Writer, error) {
	r, err := html.New()
	if err != nil {
		return nil, err
	}
	return htmlWriter{r: r}, nil
}

func (hw htmlWriter) Write(w io.Writer, r *Report) error {
	return hw.r.Render(w, &html.Input{
		Tool:     strings.TrimSpace(r.ToolName + " " + r.ToolVersion),
		Result:   r.Result,
		Scanners: r.runNames(),
		Decision: r.Decision,
		Gate:     html.Gate{FailOn: r.FailOn, UnknownAs: r.UnknownAs, Baseline: r.Baseline},
	})
}
