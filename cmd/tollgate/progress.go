package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/scanner"
)

// progressAfter is how long a scan runs before the progress line appears:
// a fast scan stays silent.
const progressAfter = time.Second

// progressLine draws one self-overwriting line on a terminal: files done
// of total per scanner and the elapsed time. It is only used when stderr
// is a terminal and the user did not ask for -q or -v.
type progressLine struct {
	w     io.Writer
	drawn bool
	width int
}

func (p *progressLine) update(pr scanner.Progress) {
	if pr.Elapsed < progressAfter {
		return
	}
	parts := make([]string, 0, len(pr.Scanners))
	for _, s := range pr.Scanners {
		mark := ""
		if s.Finished {
			mark = " done"
		}
		parts = append(parts, fmt.Sprintf("%s %d/%d%s", s.Name, s.Done, s.Total, mark))
	}
	line := fmt.Sprintf("tollgate: %s  %s", strings.Join(parts, ", "), pr.Elapsed.Round(100*time.Millisecond))
	pad := max(p.width-len(line), 0)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.drawn, p.width = true, len(line)
}

// clear erases the line before the summary is printed.
func (p *progressLine) clear() {
	if p.drawn {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.drawn = false
	}
}
