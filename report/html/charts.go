package html

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/scanner"
)

// Chart is a horizontal stacked bar chart, laid out here and drawn as
// inline SVG by charts.gohtml: every coordinate is computed in Go, so the
// template only places rectangles and text.
type Chart struct {
	ID     string
	Title  string
	Width  int
	Height int
	// LabelX is where the bar labels end (they are right-aligned).
	LabelX  int
	Bars    []Bar
	Legend  []LegendItem
	LegendY int
}

// Bar is one labelled bar made of segments.
type Bar struct {
	Label string // shortened to fit
	Full  string // the whole label, shown as a tooltip
	Y     int
	TextY int
	Segs  []Seg
	Total int
	// TotalX is where the bar's total is written.
	TotalX int
}

// Seg is one segment of a bar.
type Seg struct {
	X, W  int
	Class string
	Title string
}

// LegendItem names a segment class.
type LegendItem struct {
	X     int
	Class string
	Label string
}

// Layout of every chart, in SVG user units.
const (
	chartWidth  = 640
	labelWidth  = 210
	barMaxWidth = 360
	rowHeight   = 22
	barHeight   = 14
	legendStep  = 95
	labelRunes  = 30
	topN        = 10
)

// series is one segment class of a chart: counts are keyed by Key.
type series struct {
	Key, Class, Label string
}

// barData is a bar before layout.
type barData struct {
	label  string
	counts map[string]int
	total  int
}

func severitySeries() []series {
	var s []series
	for _, sev := range scanner.Severities() {
		s = append(s, series{Key: sev.String(), Class: "sev-" + strings.ToLower(sev.String()), Label: sev.String()})
	}
	return s
}

// charts lays out the page's charts: findings by severity and scanner,
// the top rules, the top paths, and new versus baseline when a baseline
// was given. A page without findings has none.
func charts(findings []*scanner.Finding, scanners []string, baseline bool) []Chart {
	if len(findings) == 0 {
		return nil
	}
	sev := severitySeries()
	byScanner := map[string]*barData{}
	var order []string
	for _, s := range scanners {
		if _, ok := byScanner[s]; !ok {
			byScanner[s] = &barData{label: s, counts: map[string]int{}}
			order = append(order, s)
		}
	}
	byRule := map[string]*barData{}
	byPath := map[string]*barData{}
	bySev := map[string]*barData{}
	add := func(m map[string]*barData, key, series string) {
		b, ok := m[key]
		if !ok {
			b = &barData{label: key, counts: map[string]int{}}
			m[key] = b
		}
		b.counts[series]++
		b.total++
	}
	for _, f := range findings {
		s := f.Severity.String()
		if _, ok := byScanner[f.Scanner]; !ok {
			order = append(order, f.Scanner)
		}
		add(byScanner, f.Scanner, s)
		add(byRule, f.RuleID, s)
		add(byPath, f.Location.Path, s)
		state := "new"
		switch {
		case f.Suppressed():
			state = "excepted"
		case f.Gate != nil && !f.Gate.New:
			state = "baseline"
		}
		add(bySev, s, state)
	}
	var scannerBars []barData
	for _, s := range order {
		scannerBars = append(scannerBars, *byScanner[s])
	}
	out := []Chart{
		layout("chart-scanners", "Findings by scanner and severity", scannerBars, sev, false),
		layout("chart-rules", fmt.Sprintf("Top %d rules", min(topN, len(byRule))), top(byRule), sev, false),
		layout("chart-paths", fmt.Sprintf("Top %d paths", min(topN, len(byPath))), top(byPath), sev, true),
	}
	if baseline {
		var sevBars []barData
		for _, s := range scanner.Severities() {
			if b, ok := bySev[s.String()]; ok {
				sevBars = append(sevBars, *b)
			}
		}
		states := []series{{"new", "st-new", "new"}, {"baseline", "st-baseline", "in baseline"}, {"excepted", "st-excepted", "excepted"}}
		out = append(out, layout("chart-baseline", "New versus baseline", sevBars, states, false))
	}
	return out
}

// top returns the topN bars with the highest totals (ties by label).
func top(m map[string]*barData) []barData {
	var bars []barData
	for _, b := range m {
		bars = append(bars, *b)
	}
	slices.SortFunc(bars, func(a, b barData) int {
		if c := cmp.Compare(b.total, a.total); c != 0 {
			return c
		}
		return cmp.Compare(a.label, b.label)
	})
	return bars[:min(topN, len(bars))]
}

// layout computes the geometry of a chart. Labels are shortened to fit;
// keepEnd keeps the end of a long label (a path's file name) rather than
// its start.
func layout(id, title string, bars []barData, ss []series, keepEnd bool) Chart {
	c := Chart{ID: id, Title: title, Width: chartWidth, LabelX: labelWidth - 8}
	maxTotal := 1
	for _, b := range bars {
		maxTotal = max(maxTotal, b.total)
	}
	used := map[string]bool{}
	for i, b := range bars {
		y := 8 + i*rowHeight
		bar := Bar{Label: shorten(visible(b.label), keepEnd), Full: visible(b.label), Y: y, TextY: y + barHeight - 3, Total: b.total}
		x := labelWidth
		acc := 0
		for _, s := range ss {
			n := b.counts[s.Key]
			if n == 0 {
				continue
			}
			used[s.Key] = true
			// Segment edges come from the running total, so rounding
			// never makes a bar longer than its total says.
			x0 := labelWidth + acc*barMaxWidth/maxTotal
			acc += n
			x1 := labelWidth + acc*barMaxWidth/maxTotal
			bar.Segs = append(bar.Segs, Seg{X: x0, W: max(x1-x0, 1), Class: s.Class, Title: fmt.Sprintf("%s: %d", s.Label, n)})
			x = max(x1, x0+1)
		}
		bar.TotalX = x + 6
		c.Bars = append(c.Bars, bar)
	}
	c.LegendY = 8 + len(bars)*rowHeight + 6
	for _, s := range ss {
		if used[s.Key] {
			c.Legend = append(c.Legend, LegendItem{X: labelWidth + len(c.Legend)*legendStep, Class: s.Class, Label: s.Label})
		}
	}
	c.Height = c.LegendY + 20
	return c
}

// shorten cuts a label to labelRunes runes with an ellipsis, at the end
// or, with keepEnd, at the start.
func shorten(s string, keepEnd bool) string {
	r := []rune(s)
	if len(r) <= labelRunes {
		return s
	}
	if keepEnd {
		return "…" + string(r[len(r)-labelRunes+1:])
	}
	return string(r[:labelRunes-1]) + "…"
}
