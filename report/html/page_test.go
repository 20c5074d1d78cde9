package html

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

func TestLink(t *testing.T) {
	for _, tc := range []struct {
		ref  string
		link bool
	}{
		{"https://example.com/a?b=1&c=2", true},
		{"http://example.com", true},
		{"HTTPS://EXAMPLE.COM/x", true},
		{"javascript:alert(1)", false},
		{"JaVaScRiPt:alert(1)", false},
		{" javascript:alert(1)", false},
		{"data:text/html,<script>x</script>", false},
		{"//evil.example/x", false},
		{"/relative/path", false},
		{"https:///no-host", false},
		{"mailto:security@example.com", false},
		{"https://example.com/\u202Efdp.exe", false}, // shown with a marker, so not the same URL
	} {
		l := link(tc.ref)
		if got := l.URL != ""; got != tc.link {
			t.Errorf("link(%q) = %+v, want a link: %v", tc.ref, l, tc.link)
		}
		if l.Text == "" {
			t.Errorf("link(%q) has no text", tc.ref)
		}
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"plain/path.go":        "plain/path.go",
		"invoice\u202Efdp.exe": "invoice⟪U+202E⟫fdp.exe",
		"a\u2066b\u2069c":      "a⟪U+2066⟫b⟪U+2069⟫c",
		"zero\u200Bwidth":      "zero⟪U+200B⟫width",
		"bell\x07esc\x1b[31m":  "bell⟪U+0007⟫esc⟪U+001B⟫[31m",
		"tab\tand\nnewline":    "tab\tand\nnewline",
		"bad \xff utf8":        "bad \uFFFD utf8",
		"日本語 and emoji 🔑":      "日本語 and emoji 🔑",
	} {
		if got := visible(in); got != want {
			t.Errorf("visible(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestChartLayout: bars are sorted by count, capped at topN, scaled to
// the widest, and their segments tile the bar without gaps or overlap.
func TestChartLayout(t *testing.T) {
	var fs []*scanner.Finding
	for rule := range 15 {
		for i := range rule + 1 {
			fs = append(fs, &scanner.Finding{Scanner: scanner.KindIaC, RuleID: fmt.Sprintf("R%02d", rule), Severity: scanner.Severity(1 + i%5),
				Location: scanner.Location{Path: fmt.Sprintf("dir/file%d.tf", i)}})
		}
	}
	cs := charts(fs, []string{scanner.KindDeps, scanner.KindIaC}, false)
	if len(cs) != 3 {
		t.Fatalf("%d charts, want 3 (no baseline chart without a baseline)", len(cs))
	}
	var labels []string
	for _, b := range cs[0].Bars {
		labels = append(labels, b.Label)
	}
	if d := cmp.Diff([]string{"deps", "iac"}, labels); d != "" {
		t.Errorf("scanner bars (-want +got):\n%s", d)
	}
	rules := cs[1]
	if len(rules.Bars) != topN || rules.Bars[0].Label != "R14" || rules.Bars[0].Total != 15 || rules.Bars[topN-1].Label != "R05" {
		t.Errorf("top rules: %+v", rules.Bars)
	}
	for _, c := range cs {
		for _, b := range c.Bars {
			x := labelWidth
			for _, s := range b.Segs {
				if s.X != x || s.W < 1 {
					t.Errorf("%s/%s: segment %+v does not start where the last ended (%d)", c.ID, b.Label, s, x)
				}
				x = s.X + s.W
			}
			if x > labelWidth+barMaxWidth {
				t.Errorf("%s/%s: bar ends at %d, past %d", c.ID, b.Label, x, labelWidth+barMaxWidth)
			}
		}
	}
	if w := cs[1].Bars[0].Segs; w[len(w)-1].X+w[len(w)-1].W != labelWidth+barMaxWidth {
		t.Errorf("the longest bar does not span the full width: %+v", w)
	}
	if got := shorten("services/payments/internal/handlers/refunds/handler_test.go", true); got != "…dlers/refunds/handler_test.go" || len([]rune(got)) != labelRunes {
		t.Errorf("shorten keeps the end: %q", got)
	}
}
