package report

import (
	"fmt"
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
		Sources:  htmlSources(r.Sources),
	})
}

// htmlSources is the per-source table of a merged report; the note says
// what --allow-mixed accepted and which scans were incomplete.
func htmlSources(ss []Source) []html.Source {
	out := make([]html.Source, 0, len(ss))
	for _, s := range ss {
		var notes []string
		if s.Errors > 0 {
			notes = append(notes, fmt.Sprintf("%d scanner error(s)", s.Errors))
		}
		if len(s.Mismatches) > 0 {
			notes = append(notes, "mixed (--allow-mixed): "+strings.Join(s.Mismatches, "; "))
		}
		out = append(out, html.Source{Name: s.Label, Pass: s.Pass, Counts: s.Counts, Findings: s.Findings, New: s.New,
			Note: strings.Join(notes, "; ")})
	}
	return out
}
