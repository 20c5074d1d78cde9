package report

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/scanner"
)

// findingColumns is one line of the table's findings section.
type findingColumns [5]string

func (t tableWriter) findingRow(f *scanner.Finding) findingColumns {
	ttl := title(*f)
	if note := suppressedNote(*f); note != "" {
		ttl += " [" + note + "]"
	} else if f.Gate != nil && !f.Gate.New {
		ttl += " [baseline]"
	}
	// Every colour code in the first column has the same length, so the
	// rune-counted widths stay aligned.
	sev := t.paint(t.sevColor(f.Severity), f.Severity.String())
	return findingColumns{sev, f.Scanner, f.RuleID, location(f.Location), oneLine(ttl)}
}

// writeFindingRows prints the findings in aligned columns, laid out as
// text/tabwriter lays them out (two spaces between columns, widths
// counted in runes) but in two passes over the findings: tabwriter holds
// every cell of every line until it is flushed, tens of megabytes for a
// scan with a hundred thousand findings, while this holds one line.
func (t tableWriter) writeFindingRows(w io.Writer, fs []*scanner.Finding) error {
	header := findingColumns{t.paint(ansiPlain, "SEVERITY"), "SCANNER", "RULE", "LOCATION", "TITLE"}
	var widths [len(header) - 1]int
	measure := func(c findingColumns) {
		for i := range widths {
			widths[i] = max(widths[i], utf8.RuneCountInString(c[i]))
		}
	}
	measure(header)
	for _, f := range fs {
		measure(t.findingRow(f))
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	write := func(c findingColumns) {
		for i, wd := range widths {
			bw.WriteString(c[i])
			bw.WriteString(strings.Repeat(" ", wd-utf8.RuneCountInString(c[i])+2))
		}
		bw.WriteString(c[len(c)-1])
		bw.WriteByte('\n')
	}
	write(header)
	for _, f := range fs {
		write(t.findingRow(f))
	}
	return bw.Flush()
}
